import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamSchema, pageOf } from '#shared/contracts/common.contract';
import {
  CreateDemandSchema,
  DEMAND_ACTIONS,
  DemandActionSchema,
  DemandQuerySchema,
  DemandSchema,
  UpdateDemandSchema,
} from '#shared/contracts/demands.contract';
import type { DemandsService } from './demands.service';

const ACTION_SUMMARIES: Record<(typeof DEMAND_ACTIONS)[number], string> = {
  publish: 'Publish a draft or withdrawn demand (members of its organisation)',
  close: 'Close a published demand (solved or no longer needed)',
  withdraw: 'Take a published demand down (members, region admins)',
};

export const demandsRoutes: FastifyPluginAsyncZod<{ service: DemandsService }> = async (app, { service }) => {
  const tags = ['demands'];
  app.get('/demands', { schema: { tags, summary: 'Directory of published demands, or ?mine=true for your organisations', querystring: DemandQuerySchema, response: { 200: pageOf(DemandSchema) } } }, (req) =>
    service.list(req.actor, req.query),
  );
  app.post('/demands', { schema: { tags, summary: 'Create a draft demand', body: CreateDemandSchema, response: { 201: DemandSchema } } }, async (req, reply) =>
    reply.code(201).send(await service.create(req.actor, req.body)),
  );
  app.get('/demands/:id', { schema: { tags, summary: 'One demand', params: IdParamSchema, response: { 200: DemandSchema } } }, (req) => service.get(req.actor, req.params.id));
  app.patch('/demands/:id', { schema: { tags, summary: 'Edit a draft demand', params: IdParamSchema, body: UpdateDemandSchema, response: { 200: DemandSchema } } }, (req) =>
    service.update(req.actor, req.params.id, req.body),
  );
  for (const action of DEMAND_ACTIONS) {
    app.post(`/demands/:id/${action}`, { schema: { tags, summary: ACTION_SUMMARIES[action], params: IdParamSchema, body: DemandActionSchema.nullish(), response: { 200: DemandSchema } } }, (req) =>
      service.transition(req.actor, req.params.id, action, req.body?.note),
    );
  }
};
