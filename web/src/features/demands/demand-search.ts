import { DemandQuerySchema } from '#shared/contracts/demands.contract';
import type { Highlight } from '#shared/contracts/search.contract';
import { z } from 'zod';
import type { QueryParams } from '../../shared/api/http';

/** Longest keyword kept in the URL (the search endpoint takes more, but a directory box needs no more). */
export const MAX_DEMAND_KEYWORD_CHARS = 200;
/** Largest page the search endpoint serves (`limit` ≤ 100). */
const MAX_SEARCH_LIMIT = 100;
/** Deepest `offset` the search endpoint accepts. */
export const MAX_SEARCH_OFFSET = 10_000;

/**
 * The demand directory's state in the URL: the list filters plus the free-text keyword `q`.
 * Built from the contract's shape (not `.extend`, which zod refuses on a refined object); the URL
 * is parsed field by field, so the contract's mine/status rule is applied by the server.
 */
export const DemandListUrlSchema = z.object({
  ...DemandQuerySchema.shape,
  q: z.string().max(MAX_DEMAND_KEYWORD_CHARS).optional(),
});
export type DemandListUrlState = Partial<z.output<typeof DemandListUrlSchema>>;

/** The trimmed keyword when the page should run a keyword search, else undefined (empty, or "mine" mode). */
export function activeKeyword(state: DemandListUrlState): string | undefined {
  if (state.mine === true) {
    return undefined;
  }
  const q = state.q?.trim();
  return q ? q : undefined;
}

/** Page/page size of the table to the search endpoint's `limit`/`offset` (clamped to what it accepts). */
export function toLimitOffset(page: number | undefined, pageSize: number | undefined): { limit: number; offset: number } {
  const limit = Math.min(Math.max(1, Math.trunc(pageSize ?? 20)), MAX_SEARCH_LIMIT);
  const current = Math.max(1, Math.trunc(page ?? 1));
  return { limit, offset: Math.min((current - 1) * limit, MAX_SEARCH_OFFSET) };
}

/**
 * GET /demands/search parameters for the directory state, or null when there is no keyword search
 * to run. Only the filters the endpoint supports are passed: domain, region and cooperation mode
 * (`transferMode`, which is a demand's cooperation modes). Expired demands are never searched.
 */
export function toDemandSearchQuery(state: DemandListUrlState): QueryParams | null {
  const q = activeKeyword(state);
  if (q === undefined) {
    return null;
  }
  return {
    q,
    domainCode: state.domainCode,
    regionCode: state.regionCode,
    transferMode: state.cooperationMode,
    sort: 'relevance',
    ...toLimitOffset(state.page, state.pageSize),
  };
}

/** The highlight of one field of a hit, if the server sent one. */
export function pickHighlight(highlights: readonly Highlight[] | undefined, field: Highlight['field']): Highlight | undefined {
  return highlights?.find((h) => h.field === field);
}
