import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageOf } from '#shared/contracts/common.contract';
import { ExpertParamsSchema, ExpertQuerySchema, ExpertSchema, UpsertExpertProfileSchema } from '#shared/contracts/experts.contract';
import type { ExpertsService } from './experts.service';

export const expertsRoutes: FastifyPluginAsyncZod<{ service: ExpertsService }> = async (app, { service }) => {
  const tags = ['experts'];
  app.get('/experts', { schema: { tags, summary: 'Expert directory (public profiles)', querystring: ExpertQuerySchema, response: { 200: pageOf(ExpertSchema) } } }, (req) => service.list(req.query));
  app.get('/experts/me', { schema: { tags, summary: 'Your own expert profile', response: { 200: ExpertSchema } } }, (req) => service.mine(req.actor));
  app.put('/experts/me', { schema: { tags, summary: 'Create or replace your expert profile', body: UpsertExpertProfileSchema, response: { 200: ExpertSchema } } }, (req) =>
    service.upsertMine(req.actor, req.body),
  );
  app.get('/experts/:userId', { schema: { tags, summary: 'One expert profile', params: ExpertParamsSchema, response: { 200: ExpertSchema } } }, (req) =>
    service.get(req.actor, req.params.userId),
  );
};
