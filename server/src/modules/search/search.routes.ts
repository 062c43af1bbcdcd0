import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AchievementSearchQuerySchema, AchievementSearchResultSchema, DemandSearchResultSchema } from '#shared/contracts/search.contract';
import type { SearchService } from './search.service';

/** Per-client limit of the public search routes; `false` when RATE_LIMIT=off. */
export type SearchRateLimit = { max: number; timeWindow: string } | false;

/** Requests per minute a client (by IP) may make to each search route. */
export const SEARCH_RATE_LIMIT = { max: 120, timeWindow: '1 minute' } as const;

export const searchRoutes: FastifyPluginAsyncZod<{ service: SearchService; rateLimit: SearchRateLimit }> = async (app, { service, rateLimit }) => {
  app.get(
    '/achievements/search',
    {
      config: { ...(rateLimit ? { rateLimit } : {}) },
      schema: {
        tags: ['search'],
        summary: 'Full-text search over published achievements (anonymous allowed; rate-limited per client)',
        querystring: AchievementSearchQuerySchema,
        response: { 200: AchievementSearchResultSchema },
      },
    },
    (req) => service.searchAchievements(req.actor, req.query, req.lang),
  );
  app.get(
    '/demands/search',
    {
      config: { ...(rateLimit ? { rateLimit } : {}) },
      schema: {
        tags: ['search'],
        summary: 'Full-text search over published demands (anonymous allowed; rate-limited per client)',
        querystring: AchievementSearchQuerySchema,
        response: { 200: DemandSearchResultSchema },
      },
    },
    (req) => service.searchDemands(req.actor, req.query, req.lang),
  );
};
