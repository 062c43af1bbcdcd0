import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamSchema, pageOf } from '#shared/contracts/common.contract';
import {
  ACHIEVEMENT_ACTIONS,
  AccessRequestParamsSchema,
  AccessRequestSchema,
  AchievementActionSchema,
  AchievementDetailSchema,
  AchievementQuerySchema,
  AchievementSchema,
  AchievementSummarySchema,
  CreateAccessRequestSchema,
  CreateAchievementSchema,
  CreateEnquirySchema,
  DecideAccessRequestSchema,
  EnquiryReceiptSchema,
  FunnelSchema,
  PatchAchievementSchema,
} from '#shared/contracts/achievements.contract';
import type { AchievementsService } from './achievements.service';

const ACTION_SUMMARIES: Record<(typeof ACHIEVEMENT_ACTIONS)[number], string> = {
  submit: 'Submit a draft for review (editors)',
  approve: 'Approve and publish a submission (TTO reviewers, region admins)',
  return: 'Return a submission to draft with a note (TTO reviewers, region admins)',
  withdraw: 'Withdraw a submission or a published listing',
  republish: 'Send a withdrawn listing back to review',
  archive: 'Archive a draft or withdrawn listing',
  confirm: 'Confirm a published listing is still current (every 12 months)',
};

export const achievementsRoutes: FastifyPluginAsyncZod<{ service: AchievementsService }> = async (app, { service }) => {
  const tags = ['achievements'];
  app.get('/achievements', { schema: { tags, summary: 'Directory of published achievements, or ?mine=true for your organisations', querystring: AchievementQuerySchema, response: { 200: pageOf(AchievementSummarySchema) } } }, (req) =>
    service.list(req.actor, req.query),
  );
  app.post('/achievements', { schema: { tags, summary: 'Create a draft achievement', body: CreateAchievementSchema, response: { 201: AchievementSchema } } }, async (req, reply) =>
    reply.code(201).send(await service.create(req.actor, req.body, req.lang)),
  );
  app.get('/achievements/:id', { schema: { tags, summary: 'One achievement (detail only when permitted)', params: IdParamSchema, response: { 200: AchievementSchema } } }, (req) =>
    service.get(req.actor, req.params.id, req.lang),
  );
  app.patch('/achievements/:id', { schema: { tags, summary: 'Edit a draft or withdrawn achievement', params: IdParamSchema, body: PatchAchievementSchema, response: { 200: AchievementSchema } } }, (req) =>
    service.update(req.actor, req.params.id, req.body, req.lang),
  );
  for (const action of ACHIEVEMENT_ACTIONS) {
    app.post(`/achievements/:id/${action}`, { schema: { tags, summary: ACTION_SUMMARIES[action], params: IdParamSchema, body: AchievementActionSchema.nullish(), response: { 200: AchievementSchema } } }, (req) =>
      service.transition(req.actor, req.params.id, action, req.body?.note, req.lang),
    );
  }
  app.get('/achievements/:id/detail', { schema: { tags, summary: 'The NDA-gated detail (owner side, region admins, granted requests)', params: IdParamSchema, response: { 200: AchievementDetailSchema } } }, (req) =>
    service.getDetail(req.actor, req.params.id),
  );
  app.post('/achievements/:id/access-requests', { schema: { tags, summary: 'Ask for the NDA-gated detail, accepting its terms', params: IdParamSchema, body: CreateAccessRequestSchema, response: { 201: AccessRequestSchema } } }, async (req, reply) =>
    reply.code(201).send(await service.requestAccess(req.actor, req.params.id, req.body)),
  );
  app.get('/achievements/:id/access-requests', { schema: { tags, summary: 'Access requests of a listing (owner side)', params: IdParamSchema, response: { 200: z.object({ items: z.array(AccessRequestSchema) }) } } }, (req) =>
    service.listAccessRequests(req.actor, req.params.id),
  );
  app.get('/achievements/:id/access-requests/mine', { schema: { tags, summary: 'Your own access request for a listing (pending, granted or denied), or null', params: IdParamSchema, response: { 200: z.object({ request: AccessRequestSchema.nullable() }) } } }, (req) =>
    service.myAccessRequest(req.actor, req.params.id),
  );
  app.post(
    '/achievements/:id/access-requests/:requestId/decision',
    { schema: { tags, summary: 'Grant or deny an access request (owner side)', params: AccessRequestParamsSchema, body: DecideAccessRequestSchema, response: { 200: AccessRequestSchema } } },
    (req) => service.decideAccessRequest(req.actor, req.params.id, req.params.requestId, req.body),
  );
  app.post('/achievements/:id/enquiries', { schema: { tags, summary: 'Send the owner an enquiry (recorded in the funnel)', params: IdParamSchema, body: CreateEnquirySchema, response: { 201: EnquiryReceiptSchema } } }, async (req, reply) =>
    reply.code(201).send(await service.enquire(req.actor, req.params.id, req.body.message)),
  );
  app.get('/achievements/:id/funnel', { schema: { tags, summary: 'Owner funnel: views → detail opens → access requests → enquiries', params: IdParamSchema, response: { 200: FunnelSchema } } }, (req) =>
    service.funnel(req.actor, req.params.id),
  );
};
