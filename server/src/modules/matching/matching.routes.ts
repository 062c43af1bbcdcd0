import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamSchema, OkSchema } from '#shared/contracts/common.contract';
import { CreateSavedSearchSchema, SavedSearchSchema } from '#shared/contracts/notifications.contract';
import {
  AchievementMatchesSchema,
  ClassifyRequestSchema,
  ClassifyResultSchema,
  MatchAchievementsRequestSchema,
  MatchAchievementsResultSchema,
  SimilarQuerySchema,
  SimilarResultSchema,
} from '#shared/contracts/search.contract';
import { z } from 'zod';
import type { MatchingService } from './matching.service';

export type MatchingRateLimit = { max: number; timeWindow: string };
/** Per client (IP) for the public, compute-heavy routes; RATE_LIMIT=off switches it off. */
export const MATCHING_RATE_LIMIT: MatchingRateLimit = { max: 60, timeWindow: '1 minute' };

export const matchingRoutes: FastifyPluginAsyncZod<{ service: MatchingService; rateLimit: MatchingRateLimit | false }> = async (app, { service, rateLimit }) => {
  const tags = ['matching'];
  const limited: { rateLimit?: MatchingRateLimit } = rateLimit ? { rateLimit } : {};
  app.get(
    '/achievements/:id/similar',
    { config: limited, schema: { tags, summary: 'Achievements similar to this one (semantic neighbours + BM25 of its title and keywords); public for published', params: IdParamSchema, querystring: SimilarQuerySchema, response: { 200: SimilarResultSchema } } },
    (req) => service.similar(req.actor, req.params.id, req.query.limit),
  );
  app.post(
    '/matching/achievements',
    {
      // A read: anonymous visitors may call it without a CSRF token (no session state changes).
      config: { ...limited, csrf: false },
      schema: { tags, summary: 'Achievements matching a demand text or a demand id, with score and reasons', body: MatchAchievementsRequestSchema, response: { 200: MatchAchievementsResultSchema } },
    },
    (req) => service.matchAchievements(req.actor, req.body, req.lang),
  );
  app.get(
    '/achievements/:id/matches',
    { config: limited, schema: { tags, summary: 'For the owner side: demands, experts and likely buyer organisations matching this achievement', params: IdParamSchema, response: { 200: AchievementMatchesSchema } } },
    (req) => service.matches(req.actor, req.params.id, req.lang),
  );
  app.post(
    '/classify',
    { config: { ...limited, csrf: false }, schema: { tags, summary: 'Suggest a technology domain and discipline for a draft (title, abstract, keywords)', body: ClassifyRequestSchema, response: { 200: ClassifyResultSchema } } },
    (req) => service.classify(req.body, req.lang),
  );
  app.get('/saved-searches', { schema: { tags, summary: 'Your saved searches', response: { 200: z.object({ items: z.array(SavedSearchSchema) }) } } }, (req) => service.listSavedSearches(req.actor));
  app.post('/saved-searches', { schema: { tags, summary: 'Save a search: you are notified when a new achievement matches it', body: CreateSavedSearchSchema, response: { 201: SavedSearchSchema } } }, async (req, reply) =>
    reply.code(201).send(await service.createSavedSearch(req.actor, req.body)),
  );
  app.delete('/saved-searches/:id', { schema: { tags, summary: 'Delete one of your saved searches', params: IdParamSchema, response: { 200: OkSchema } } }, (req) => service.deleteSavedSearch(req.actor, req.params.id));
};
