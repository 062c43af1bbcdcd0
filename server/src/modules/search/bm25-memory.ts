import { BM25_B, BM25_K1, bm25Idf, type Bm25Document, type Bm25SearchOptions, type Bm25Store, type ScoredId } from './bm25-store';

type Posting = { doc: number; tf: number };

/**
 * An exact in-process BM25 index: the reference the SQL engines are checked against, and the
 * engine of unit tests. Not for production (memory grows with the corpus, no persistence).
 */
export function createMemoryBm25Store(params: { k1?: number; b?: number } = {}): Bm25Store {
  const k1 = params.k1 ?? BM25_K1;
  const b = params.b ?? BM25_B;
  const slotOf = new Map<string, number>();
  const ids: (string | undefined)[] = [];
  const lengths: number[] = [];
  const termsOf: Map<string, number>[] = [];
  const postings = new Map<string, Posting[]>();
  let totalLength = 0;
  let live = 0;

  function removeOne(id: string): void {
    const slot = slotOf.get(id);
    if (slot === undefined) {
      return;
    }
    for (const term of termsOf[slot]!.keys()) {
      const list = postings.get(term)!.filter((p) => p.doc !== slot);
      if (list.length) {
        postings.set(term, list);
      } else {
        postings.delete(term);
      }
    }
    totalLength -= lengths[slot]!;
    ids[slot] = undefined;
    termsOf[slot] = new Map();
    slotOf.delete(id);
    live--;
  }

  function searchSync(queryTokens: readonly string[], opts: Bm25SearchOptions): ScoredId[] {
    const scores = new Map<number, number>();
    const avgLength = live ? totalLength / live : 1;
    for (const term of new Set(queryTokens)) {
      const list = postings.get(term);
      if (!list) {
        continue;
      }
      const idf = bm25Idf(live, list.length);
      for (const { doc, tf } of list) {
        const norm = k1 * (1 - b + (b * lengths[doc]!) / avgLength);
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * (k1 + 1)) / (tf + norm));
      }
    }
    const offset = opts.offset ?? 0;
    return [...scores]
      .sort((x, y) => y[1] - x[1] || x[0] - y[0])
      .slice(offset, offset + opts.limit)
      .map(([doc, score]) => ({ id: ids[doc]!, score }));
  }

  return {
    kind: 'memory',
    async ensureSchema() {},
    async upsert(docs: readonly Bm25Document[]) {
      for (const d of docs) {
        removeOne(d.id);
        const slot = ids.length;
        ids.push(d.id);
        slotOf.set(d.id, slot);
        const tf = new Map<string, number>();
        for (const t of d.tokens) {
          tf.set(t, (tf.get(t) ?? 0) + 1);
        }
        termsOf.push(tf);
        lengths.push(d.tokens.length);
        totalLength += d.tokens.length;
        live++;
        for (const [term, n] of tf) {
          const list = postings.get(term);
          if (list) {
            list.push({ doc: slot, tf: n });
          } else {
            postings.set(term, [{ doc: slot, tf: n }]);
          }
        }
      }
    },
    async remove(removed: readonly string[]) {
      removed.forEach(removeOne);
    },
    async search(queryTokens, opts) {
      return searchSync(queryTokens, opts);
    },
    async count() {
      return live;
    },
  };
}
