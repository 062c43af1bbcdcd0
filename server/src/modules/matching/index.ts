import type { DbConn } from '#server/db/types';
import type { SearchDocument, SearchIndexHook } from '#server/modules/achievements/index';

export { createMatchingRepo, type MatchingRepo } from './matching.repo';
export { createMatchingService, type MatchingService, type MatchingDeps, type KeywordCandidates } from './matching.service';
export { matchingRoutes, MATCHING_RATE_LIMIT, type MatchingRateLimit } from './matching.routes';
export { createVectorStore, type VectorStore } from './vector-store';
export { createOpenAiEmbeddings, type EmbeddingProvider } from './embeddings';

/** Runs several index hooks in order inside the publishing transaction (search index, then vectors). */
export function composeIndexHooks(...hooks: (SearchIndexHook | undefined)[]): SearchIndexHook {
  const present = hooks.filter((h): h is SearchIndexHook => !!h);
  return {
    async upsert(doc: SearchDocument, tx: DbConn) {
      for (const h of present) {
        await h.upsert(doc, tx);
      }
    },
    async remove(id: string, tx: DbConn) {
      for (const h of present) {
        await h.remove(id, tx);
      }
    },
  };
}
export { trainMatchingCommand, notifyMatchingCommand } from './matching.cli';
