/**
 * Offline comparison of ranking variants on CSL dev (in memory, same text as bench/search-quality.ts:
 * title = the abstract's first clause, no keywords, no discipline): the production jieba analyser
 * with BM25, the character-bigram BM25 baseline, the corpus-trained LSA space (decision 007), and
 * their score fusions (each BM25 score divided by the query's best). Also the baseline's rank
 * histogram, which bounds what any re-ranking of its top 10 could reach.
 *
 *   npx tsx bench/search-quality-variants.ts [path/to/csl-dev.jsonl]
 */
import { readFileSync } from 'node:fs';
import { embedTokens, indexOfTerms, trainLsa } from '#server/modules/matching/lsa';
import { bigramTokens, createAnalyser, createMemoryBm25Store, createTokenizer } from '#server/modules/search/index';
import { firstClause } from './search-quality-lib';

type CslRecord = { title: string | null; abstract: string; keywords: string[] | null };
type Candidate = { doc: number; jieba: number; bigram: number; lsa: number };
type Query = { truth: number; candidates: Candidate[] };

const file = process.argv[2] ?? '/work/shared/data/csl/csl-dev.jsonl';
const log = (msg: string) => process.stdout.write(`${msg}\n`);
const records = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as CslRecord);
log(`CSL: ${records.length} records`);

const analyser = createAnalyser();
const jiebaIndex = createMemoryBm25Store();
const bigramIndex = createMemoryBm25Store();
const ids = records.map((_, i) => String(i));
await jiebaIndex.upsert(records.map((r, i) => ({ id: ids[i]!, tokens: analyser.analyseDocument({ title: firstClause(r.abstract), keywords: [], body: r.abstract }) })));
await bigramIndex.upsert(records.map((r, i) => ({ id: ids[i]!, tokens: bigramTokens(`${firstClause(r.abstract)} ${r.abstract}`) })));
const tokenizer = createTokenizer();
const docTokens = records.map((r) => tokenizer.tokenize(`${firstClause(r.abstract)} ${r.abstract}`));
const t0 = performance.now();
const lsa = trainLsa(docTokens, { dims: 256, maxVocabulary: 50_000, minDocFrequency: 2, maxDocRatio: 0.5 });
log(`LSA trained in ${((performance.now() - t0) / 1000).toFixed(1)} s (${lsa.vocabulary.length} terms × ${lsa.dims})`);
const termIndex = indexOfTerms(lsa);
const docVectors = docTokens.map((t) => embedTokens(lsa, t, termIndex));
const cos = (a?: Float32Array, b?: Float32Array) => {
  if (!a || !b) {
    return 0;
  }
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    s += a[i]! * b[i]!;
  }
  return s;
};

const bigramRanks: Record<string, number> = { '1': 0, '2–10': 0, '11–100': 0, '> 100 or none': 0 };
async function prepare(q: string, truth: number, countRank: boolean): Promise<Query> {
  const jieba = await jiebaIndex.search(analyser.analyseQuery(q), { limit: 100 });
  const bigram = await bigramIndex.search(bigramTokens(q), { limit: 100 });
  if (countRank) {
    const at = bigram.findIndex((h) => h.id === String(truth));
    bigramRanks[at === 0 ? '1' : at > 0 && at < 10 ? '2–10' : at >= 10 ? '11–100' : '> 100 or none']!++;
  }
  const qv = embedTokens(lsa, tokenizer.tokenize(q), termIndex);
  const byDoc = new Map<number, Candidate>();
  const get = (doc: number) => {
    let c = byDoc.get(doc);
    if (!c) {
      c = { doc, jieba: 0, bigram: 0, lsa: cos(qv, docVectors[doc]) };
      byDoc.set(doc, c);
    }
    return c;
  };
  for (const h of jieba) {
    get(Number(h.id)).jieba = h.score / jieba[0]!.score;
  }
  for (const h of bigram) {
    get(Number(h.id)).bigram = h.score / bigram[0]!.score;
  }
  // The 50 nearest in the LSA space join the candidates (exact scan).
  docVectors
    .map((v, doc) => [doc, cos(qv, v)] as const)
    .sort((x, y) => y[1] - x[1])
    .slice(0, 50)
    .forEach(([doc]) => get(doc));
  return { truth, candidates: [...byDoc.values()] };
}

const tasks: [string, Query[]][] = [];
for (const [name, queryOf] of [
  ['title → abstract', (r: CslRecord) => (r.title && r.title !== 'None' ? r.title : null)],
  ['keywords → abstract', (r: CslRecord) => (r.keywords?.length ? r.keywords.join(' ') : null)],
] as const) {
  const queries: Query[] = [];
  for (let i = 0; i < records.length; i++) {
    const q = queryOf(records[i]!);
    if (q) {
      queries.push(await prepare(q, i, name === 'title → abstract'));
    }
  }
  tasks.push([name, queries]);
}

function mrrAt10(queries: Query[], w: { jieba: number; bigram: number; lsa: number }): number {
  let s = 0;
  for (const q of queries) {
    const ranked = q.candidates.map((c) => [c.doc, w.jieba * c.jieba + w.bigram * c.bigram + w.lsa * c.lsa] as const).sort((x, y) => y[1] - x[1]);
    const at = ranked.findIndex(([doc]) => doc === q.truth);
    s += at >= 0 && at < 10 ? 1 / (at + 1) : 0;
  }
  return s / queries.length;
}

log(`\n| variant (weights jieba / bigram / LSA) | ${tasks.map(([n, qs]) => `${n} MRR@10 (${qs.length})`).join(' | ')} |`);
log(`|---|${tasks.map(() => '---').join('|')}|`);
const variants: [string, { jieba: number; bigram: number; lsa: number }][] = [
  ['jieba BM25 (production analyser)', { jieba: 1, bigram: 0, lsa: 0 }],
  ['char-bigram BM25 (baseline)', { jieba: 0, bigram: 1, lsa: 0 }],
  ['LSA cosine alone', { jieba: 0, bigram: 0, lsa: 1 }],
  ['jieba + bigram (1 / 1)', { jieba: 1, bigram: 1, lsa: 0 }],
  ['jieba + bigram (1 / 0.5)', { jieba: 1, bigram: 0.5, lsa: 0 }],
  ['jieba + LSA (1 / 0.5)', { jieba: 1, bigram: 0, lsa: 0.5 }],
  ['jieba + LSA (1 / 1)', { jieba: 1, bigram: 0, lsa: 1 }],
  ['jieba + bigram + LSA (1 / 1 / 0.5)', { jieba: 1, bigram: 1, lsa: 0.5 }],
  ['jieba + bigram + LSA (1 / 1 / 1)', { jieba: 1, bigram: 1, lsa: 1 }],
];
for (const [name, w] of variants) {
  log(`| ${name} | ${tasks.map(([, qs]) => mrrAt10(qs, w).toFixed(4)).join(' | ')} |`);
}
const n = Object.values(bigramRanks).reduce((a, b) => a + b, 0);
log(`\nbaseline rank of the record (title queries, ${n}): ${Object.entries(bigramRanks).map(([k, v]) => `${k}: ${v}`).join(', ')}`);
log(`ceiling of any re-ranking of the baseline's top 10: MRR@10 ≤ ${((bigramRanks['1']! + bigramRanks['2–10']!) / n).toFixed(4)}`);
