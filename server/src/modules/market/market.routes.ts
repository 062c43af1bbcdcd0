import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamSchema, pageOf } from '#shared/contracts/common.contract';
import {
  CounterOfferSchema,
  CreateDealMessageSchema,
  CreateFeeScheduleSchema,
  CreateListingSchema,
  CreateOfferSchema,
  CreateThreadMessageSchema,
  DealDetailSchema,
  DealMessageParamsSchema,
  DealMessageSchema,
  DealQuerySchema,
  DealSchema,
  DeclineOfferSchema,
  FeeSchedulesSchema,
  ListingQuerySchema,
  ListingSchema,
  OfferOutcomeSchema,
  OfferSchema,
  ThreadMessageSchema,
  ThreadQuerySchema,
  ThreadSchema,
  ThreadSummarySchema,
  UpdateListingSchema,
} from '#shared/contracts/market.contract';
import type { MarketService } from './market.service';

/** Deal-workspace uploads carry up to 1 MB of content as base64 (≈ 1.37 MB of JSON). */
const DEAL_MESSAGE_BODY_LIMIT = 1_500_000 + 16_384;
const NoBody = z.object({}).strict().nullish();

export const marketRoutes: FastifyPluginAsyncZod<{ service: MarketService }> = async (app, { service }) => {
  const tags = ['market'];
  // ── listings ──
  app.get(
    '/market/listings',
    {
      schema: {
        tags,
        summary: 'Directory of open listings (挂牌), or ?mine=true for your organisations',
        querystring: ListingQuerySchema,
        response: { 200: pageOf(ListingSchema) },
      },
    },
    (req) => service.listListings(req.actor, req.query),
  );
  app.post(
    '/market/listings',
    {
      schema: {
        tags,
        summary: 'Create a draft listing of a published achievement (seller side)',
        body: CreateListingSchema,
        response: { 201: ListingSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createListing(req.actor, req.body)),
  );
  app.get(
    '/market/listings/:id',
    {
      schema: {
        tags,
        summary: 'One listing; the data room only for the seller side and NDA-granted users',
        params: IdParamSchema,
        response: { 200: ListingSchema },
      },
    },
    (req) => service.getListing(req.actor, req.params.id),
  );
  app.patch(
    '/market/listings/:id',
    {
      schema: { tags, summary: 'Edit a draft listing', params: IdParamSchema, body: UpdateListingSchema, response: { 200: ListingSchema } },
    },
    (req) => service.updateListing(req.actor, req.params.id, req.body),
  );
  app.post(
    '/market/listings/:id/publish',
    { schema: { tags, summary: 'Publish a draft listing', params: IdParamSchema, body: NoBody, response: { 200: ListingSchema } } },
    (req) => service.transition(req.actor, req.params.id, 'publish'),
  );
  app.post(
    '/market/listings/:id/withdraw',
    {
      schema: { tags, summary: 'Withdraw a listing (seller side)', params: IdParamSchema, body: NoBody, response: { 200: ListingSchema } },
    },
    (req) => service.transition(req.actor, req.params.id, 'withdraw'),
  );
  // ── negotiation ──
  app.get(
    '/market/listings/:id/threads',
    {
      schema: {
        tags,
        summary: 'Negotiation threads of a listing, one per buyer organisation (seller side)',
        params: IdParamSchema,
        response: { 200: z.array(ThreadSummarySchema) },
      },
    },
    (req) => service.threads(req.actor, req.params.id),
  );
  app.get(
    '/market/listings/:id/thread',
    {
      schema: {
        tags,
        summary: 'One negotiation thread: messages and offers (its parties)',
        params: IdParamSchema,
        querystring: ThreadQuerySchema,
        response: { 200: ThreadSchema },
      },
    },
    (req) => service.thread(req.actor, req.params.id, req.query.buyerOrgId),
  );
  app.post(
    '/market/listings/:id/messages',
    {
      schema: {
        tags,
        summary: 'Enquiry or reply in a negotiation thread',
        params: IdParamSchema,
        body: CreateThreadMessageSchema,
        response: { 201: ThreadMessageSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await service.postMessage(req.actor, req.params.id, req.body)),
  );
  app.post(
    '/market/listings/:id/offers',
    {
      schema: {
        tags,
        summary: 'Make an offer on a listing (buyer organisation)',
        params: IdParamSchema,
        body: CreateOfferSchema,
        response: { 201: OfferSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await service.makeOffer(req.actor, req.params.id, req.body)),
  );
  app.post(
    '/market/offers/:id/accept',
    {
      schema: {
        tags,
        summary: 'Accept an offer (the other side); opens the deal',
        params: IdParamSchema,
        body: NoBody,
        response: { 200: OfferOutcomeSchema },
      },
    },
    (req) => service.answerOffer(req.actor, req.params.id, 'accept', {}),
  );
  app.post(
    '/market/offers/:id/decline',
    {
      schema: {
        tags,
        summary: 'Decline an offer with a reason code and a note',
        params: IdParamSchema,
        body: DeclineOfferSchema,
        response: { 200: OfferOutcomeSchema },
      },
    },
    (req) => service.answerOffer(req.actor, req.params.id, 'decline', { decline: req.body }),
  );
  app.post(
    '/market/offers/:id/counter',
    {
      schema: {
        tags,
        summary: 'Counter an offer with a new amount and terms',
        params: IdParamSchema,
        body: CounterOfferSchema,
        response: { 200: OfferOutcomeSchema },
      },
    },
    (req) => service.answerOffer(req.actor, req.params.id, 'counter', { counter: req.body }),
  );
  app.post(
    '/market/offers/:id/withdraw',
    {
      schema: { tags, summary: 'Withdraw your own open offer', params: IdParamSchema, body: NoBody, response: { 200: OfferOutcomeSchema } },
    },
    (req) => service.answerOffer(req.actor, req.params.id, 'withdraw', {}),
  );
  // ── deals ──
  app.get(
    '/market/deals',
    {
      schema: {
        tags,
        summary: "Deals of the caller's organisations (?role=seller|buyer); operators see their region",
        querystring: DealQuerySchema,
        response: { 200: pageOf(DealSchema) },
      },
    },
    (req) => service.listDeals(req.actor, req.query),
  );
  app.get(
    '/market/deals/:id',
    {
      schema: {
        tags,
        summary: 'Deal workspace: parties, price, offers, contract draft, public notice',
        params: IdParamSchema,
        response: { 200: DealDetailSchema },
      },
    },
    (req) => service.getDeal(req.actor, req.params.id),
  );
  app.get(
    '/market/deals/:id/messages',
    {
      schema: {
        tags,
        summary: 'Messages and documents of a deal workspace',
        params: IdParamSchema,
        response: { 200: z.array(DealMessageSchema) },
      },
    },
    (req) => service.dealMessages(req.actor, req.params.id),
  );
  app.post(
    '/market/deals/:id/messages',
    {
      bodyLimit: DEAL_MESSAGE_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Write in a deal workspace, optionally sharing a document (≤ 1 MB, SHA-256 kept)',
        params: IdParamSchema,
        body: CreateDealMessageSchema,
        response: { 201: DealMessageSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await service.postDealMessage(req.actor, req.params.id, req.body)),
  );
  app.get(
    '/market/deals/:id/documents/:messageId',
    { schema: { tags, summary: 'Download a document shared in a deal workspace', params: DealMessageParamsSchema } },
    async (req, reply) => {
      const doc = await service.dealDocument(req.actor, req.params.id, req.params.messageId);
      const ascii = doc.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
      return reply
        .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(doc.name)}`)
        .header('x-content-sha256', doc.sha256)
        .type(doc.mediaType)
        .send(doc.content);
    },
  );
  // ── fees ──
  app.get(
    '/market/fees',
    { schema: { tags, summary: 'The fee schedule in force and the upcoming ones', response: { 200: FeeSchedulesSchema } } },
    () => service.fees(),
  );
  app.post(
    '/market/fees',
    {
      schema: {
        tags,
        summary: 'Schedule new fees from a date (platform administrators)',
        body: CreateFeeScheduleSchema,
        response: { 201: FeeSchedulesSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await service.setFees(req.actor, req.body)),
  );
};
