// The search module's import surface (for services.ts, app.ts, cli.ts and the matching module).
export {
  createSearchService,
  toSearchRow,
  CANDIDATE_LIMIT,
  STALE_FACTOR,
  type SearchService,
  type SearchDeps,
  type SearchFilters,
  type KeywordCandidate,
  type KeywordCandidatesInput,
  type PublishedSource,
} from './search.service';
export { searchRoutes, SEARCH_RATE_LIMIT, type SearchRateLimit } from './search.routes';
export { chooseEngine, engineAvailable, SEARCH_ENGINES, type SearchEngine, type SearchKind } from './search.repo';
export { createAnalyser, wordsFromNames, type Analyser } from './analyser';
export { createTokenizer, type Tokenizer } from './tokenizer';
export { normaliseText } from './normalize';
export { bigramTokens, charBigrams } from './bigrams';
export { createMemoryBm25Store } from './bm25-memory';
export type { Bm25Store, Bm25Document, ScoredId } from './bm25-store';
export { matchRanges, fragmentOf, type Fragment } from './highlight';

import type { KeywordCandidate, KeywordCandidatesInput, SearchService } from './search.service';

/**
 * BM25 top-k candidates for free text: `keywordCandidates(search, { kind, text, filters, limit })`
 * → `[{ id, score, terms }]`, best first (`terms`: the analysed query terms the listing contains;
 * stale listings' scores are halved). Same as `search.keywordCandidates(input)`.
 */
export function keywordCandidates(search: SearchService, input: KeywordCandidatesInput): Promise<KeywordCandidate[]> {
  return search.keywordCandidates(input);
}
export { rebuildSearchCommand } from './search.cli';
