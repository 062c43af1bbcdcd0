import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamSchema, pageOf } from '#shared/contracts/common.contract';
import {
  AwardTenderSchema,
  CreateTenderSchema,
  MyProposalSchema,
  ProposalListSchema,
  ProposalParamsSchema,
  ProposalSchema,
  ScoreProposalSchema,
  SubmitProposalSchema,
  TenderQuerySchema,
  TenderReasonSchema,
  TenderSchema,
  TenderSummarySchema,
  UpdateTenderSchema,
} from '#shared/contracts/tenders.contract';
import type { TendersService } from './tenders.service';

export const tendersRoutes: FastifyPluginAsyncZod<{ service: TendersService }> = async (app, { service }) => {
  const tags = ['tenders'];
  app.get(
    '/tenders',
    {
      schema: {
        tags,
        summary: 'Public list of tenders (招标), or ?mine=true for your organisations',
        querystring: TenderQuerySchema,
        response: { 200: pageOf(TenderSummarySchema) },
      },
    },
    (req) => service.list(req.actor, req.query),
  );
  app.post(
    '/tenders',
    {
      schema: {
        tags,
        summary: 'Create a draft tender on a published demand of your organisation',
        body: CreateTenderSchema,
        response: { 201: TenderSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await service.create(req.actor, req.body)),
  );
  app.get(
    '/tenders/:id',
    {
      schema: {
        tags,
        summary: 'One tender: criteria, sealed count; the ranking after opening',
        params: IdParamSchema,
        response: { 200: TenderSchema },
      },
    },
    (req) => service.get(req.actor, req.params.id),
  );
  app.patch(
    '/tenders/:id',
    { schema: { tags, summary: 'Edit a draft tender', params: IdParamSchema, body: UpdateTenderSchema, response: { 200: TenderSchema } } },
    (req) => service.update(req.actor, req.params.id, req.body),
  );
  app.post(
    '/tenders/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish a draft; proposals are opened together at the deadline',
        params: IdParamSchema,
        response: { 200: TenderSchema },
      },
    },
    (req) => service.publish(req.actor, req.params.id),
  );
  app.post(
    '/tenders/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel before opening (sealed proposals are released unopened)',
        params: IdParamSchema,
        body: TenderReasonSchema,
        response: { 200: TenderSchema },
      },
    },
    (req) => service.cancel(req.actor, req.params.id, req.body.reason),
  );
  app.post(
    '/tenders/:id/award',
    {
      schema: {
        tags,
        summary: 'Award one opened proposal; opens a deal',
        params: IdParamSchema,
        body: AwardTenderSchema,
        response: { 200: TenderSchema },
      },
    },
    (req) => service.award(req.actor, req.params.id, req.body),
  );
  app.post(
    '/tenders/:id/fail',
    {
      schema: {
        tags,
        summary: 'Declare no award after opening (流标), with a reason',
        params: IdParamSchema,
        body: TenderReasonSchema,
        response: { 200: TenderSchema },
      },
    },
    (req) => service.fail(req.actor, req.params.id, req.body.reason),
  );
  app.post(
    '/tenders/:id/proposals',
    {
      schema: {
        tags,
        summary: "Submit or replace your organisation's sealed proposal",
        params: IdParamSchema,
        body: SubmitProposalSchema,
        response: { 200: ProposalSchema },
      },
    },
    (req) => service.submitProposal(req.actor, req.params.id, req.body),
  );
  app.get(
    '/tenders/:id/proposals',
    {
      schema: {
        tags,
        summary: 'Proposals: every one for the buyer after opening, otherwise your own',
        params: IdParamSchema,
        response: { 200: ProposalListSchema },
      },
    },
    (req) => service.listProposals(req.actor, req.params.id),
  );
  app.get(
    '/tenders/:id/proposals/mine',
    { schema: { tags, summary: "Your organisation's proposal (or null)", params: IdParamSchema, response: { 200: MyProposalSchema } } },
    (req) => service.myProposal(req.actor, req.params.id),
  );
  app.post(
    '/tenders/:id/proposals/:proposalId/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw your sealed proposal before the deadline',
        params: ProposalParamsSchema,
        response: { 200: ProposalSchema },
      },
    },
    (req) => service.withdrawProposal(req.actor, req.params.id, req.params.proposalId),
  );
  app.put(
    '/tenders/:id/proposals/:proposalId/scores',
    {
      schema: {
        tags,
        summary: 'Score the manual criteria of an opened proposal (buyer)',
        params: ProposalParamsSchema,
        body: ScoreProposalSchema,
        response: { 200: ProposalSchema },
      },
    },
    (req) => service.score(req.actor, req.params.id, req.params.proposalId, req.body),
  );
};
