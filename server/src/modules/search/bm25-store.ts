import type { SQL } from 'drizzle-orm';

/** A document as the BM25 store sees it: an id and its analysed tokens (boosts already applied). */
export type Bm25Document = { id: string; tokens: readonly string[] };

/** One ranked hit; a higher score is better (positive BM25, whatever the engine's sign). */
export type ScoredId = { id: string; score: number };

/** Query options common to the engines. */
export type Bm25SearchOptions = {
  limit: number;
  offset?: number;
  /**
   * A boolean SQL condition on the store's table (alias-free column names), e.g. a status or a
   * facet filter; SQL engines only. See the engine's notes for how it combines with ranking.
   */
  filter?: SQL;
};

/** Which implementation a store is. */
export type Bm25EngineKind = 'pg_textsearch' | 'tsvector' | 'memory';

/** A BM25-class full-text index over pre-tokenised documents. */
export type Bm25Store = {
  kind: Bm25EngineKind;
  /** Creates the table and index if missing (idempotent). */
  ensureSchema(): Promise<void>;
  /** Inserts or replaces documents. */
  upsert(docs: readonly Bm25Document[]): Promise<void>;
  /** Removes documents; unknown ids are ignored. */
  remove(ids: readonly string[]): Promise<void>;
  /** Ranked any-term (OR) search over the query tokens. */
  search(queryTokens: readonly string[], opts: Bm25SearchOptions): Promise<ScoredId[]>;
  /** Number of indexed documents. */
  count(): Promise<number>;
};

/** BM25 parameters shared by the engines that let us choose them. */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

/** Robertson–Spärck Jones idf as Lucene and pg_textsearch use it (never negative). */
export function bm25Idf(totalDocs: number, docFrequency: number): number {
  return Math.log(1 + (totalDocs - docFrequency + 0.5) / (docFrequency + 0.5));
}
