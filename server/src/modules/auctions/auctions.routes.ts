import type { ServerResponse } from 'node:http';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamSchema, PageQuerySchema, pageOf } from '#shared/contracts/common.contract';
import {
  AuctionQuerySchema,
  AuctionSchema,
  AuctionSummarySchema,
  BidListSchema,
  CancelAuctionSchema,
  CreateAuctionSchema,
  CreateRegistrationSchema,
  MyAuctionSchema,
  PlaceBidResultSchema,
  PlaceBidSchema,
  RecordDepositSchema,
  RegistrationListSchema,
  RegistrationParamsSchema,
  RegistrationSchema,
  RejectRegistrationSchema,
  SetProxyResultSchema,
  SetProxySchema,
  type AuctionStreamEvent,
} from '#shared/contracts/auctions.contract';
import type { AuctionsService } from './auctions.service';

const PING_MS = 15_000;

function sse(raw: ServerResponse, event: AuctionStreamEvent) {
  raw.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
}

export const auctionsRoutes: FastifyPluginAsyncZod<{ service: AuctionsService }> = async (app, { service }) => {
  const tags = ['auctions'];
  const streams = new Set<ServerResponse>();
  // Open event streams would keep the server from closing.
  app.addHook('preClose', async () => {
    for (const raw of streams) {
      raw.end();
    }
    streams.clear();
    service.events.stop();
  });

  app.get('/auctions', { schema: { tags, summary: 'Auctions by phase (public); scope=operate for operators, scope=mine for your organisations', querystring: AuctionQuerySchema, response: { 200: pageOf(AuctionSummarySchema) } } }, (req) =>
    service.list(req.actor, req.query),
  );
  app.get('/auctions/results', { schema: { tags, summary: 'Published auction results (public)', querystring: PageQuerySchema, response: { 200: pageOf(AuctionSummarySchema) } } }, (req) =>
    service.results(req.query),
  );
  app.post('/auctions', { schema: { tags, summary: 'Create a draft auction of a listing (seller organisation)', body: CreateAuctionSchema, response: { 201: AuctionSchema } } }, async (req, reply) =>
    reply.code(201).send(await service.create(req.actor, req.body)),
  );
  app.get('/auctions/:id', { schema: { tags, summary: 'One auction with the server time and the next valid bid', params: IdParamSchema, response: { 200: AuctionSchema } } }, (req) =>
    service.get(req.actor, req.params.id),
  );
  app.post('/auctions/:id/schedule', { schema: { tags, summary: 'Publish a draft auction (seller)', params: IdParamSchema, response: { 200: AuctionSchema } } }, (req) =>
    service.schedule(req.actor, req.params.id),
  );
  app.post('/auctions/:id/cancel', { schema: { tags, summary: 'Cancel a draft or an auction not yet started (seller, operator)', params: IdParamSchema, body: CancelAuctionSchema, response: { 200: AuctionSchema } } }, (req) =>
    service.cancel(req.actor, req.params.id, req.body.reason),
  );
  app.post('/auctions/:id/publish-result', { schema: { tags, summary: 'Announce the result (operator)', params: IdParamSchema, response: { 200: AuctionSchema } } }, (req) =>
    service.publishResult(req.actor, req.params.id),
  );
  app.get('/auctions/:id/bids', { schema: { tags, summary: 'Bid history, newest first (public; paddle numbers only)', params: IdParamSchema, response: { 200: BidListSchema } } }, (req) =>
    service.bids(req.actor, req.params.id),
  );
  app.get('/auctions/:id/me', { schema: { tags, summary: "The caller's registration and bidding state", params: IdParamSchema, response: { 200: MyAuctionSchema } } }, (req) =>
    service.me(req.actor, req.params.id),
  );
  app.post('/auctions/:id/registrations', { schema: { tags, summary: 'Register an organisation as bidder', params: IdParamSchema, body: CreateRegistrationSchema, response: { 201: RegistrationSchema } } }, async (req, reply) =>
    reply.code(201).send(await service.register(req.actor, req.params.id, req.body)),
  );
  app.get('/auctions/:id/registrations', { schema: { tags, summary: 'Registrations and deposits (operator)', params: IdParamSchema, response: { 200: RegistrationListSchema } } }, (req) =>
    service.registrations(req.actor, req.params.id),
  );
  app.post('/auctions/:id/registrations/:registrationId/approve', { schema: { tags, summary: 'Approve a qualification (operator)', params: RegistrationParamsSchema, response: { 200: RegistrationSchema } } }, (req) =>
    service.decide(req.actor, req.params.id, req.params.registrationId, 'approved', null),
  );
  app.post('/auctions/:id/registrations/:registrationId/reject', { schema: { tags, summary: 'Reject a qualification (operator)', params: RegistrationParamsSchema, body: RejectRegistrationSchema, response: { 200: RegistrationSchema } } }, (req) =>
    service.decide(req.actor, req.params.id, req.params.registrationId, 'rejected', req.body.reason),
  );
  app.post('/auctions/:id/registrations/:registrationId/deposits', { schema: { tags, summary: 'Record a deposit movement (operator)', params: RegistrationParamsSchema, body: RecordDepositSchema, response: { 200: RegistrationSchema } } }, (req) =>
    service.recordDeposit(req.actor, req.params.id, req.params.registrationId, req.body),
  );
  app.post('/auctions/:id/bids', { schema: { tags, summary: 'Place a bid (201; 200 with replayed: true for a repeated clientKey)', params: IdParamSchema, body: PlaceBidSchema, response: { 200: PlaceBidResultSchema, 201: PlaceBidResultSchema } } }, async (req, reply) => {
    const result = await service.bid(req.actor, req.params.id, req.body);
    return reply.code(result.replayed ? 200 : 201).send(result);
  });
  app.put('/auctions/:id/proxy', { schema: { tags, summary: 'Set a proxy maximum; the implied bids are placed at once', params: IdParamSchema, body: SetProxySchema, response: { 200: SetProxyResultSchema } } }, (req) =>
    service.setProxy(req.actor, req.params.id, req.body.maxFen),
  );

  app.get('/auctions/:id/events', { schema: { tags, summary: 'Live events (Server-Sent Events): snapshot, bid, extended, closed', params: IdParamSchema, response: { 200: z.string() } } }, async (req, reply) => {
    const id = req.params.id;
    const snap = await service.snapshot(req.actor, id);
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    // Cleanup is registered before anything can wait: a client that leaves during the gap query
    // below (or left during the snapshot query above) must not leave its subscription and ping timer behind.
    let unsubscribe: () => void = () => undefined;
    const ping = setInterval(() => raw.write(': ping\n\n'), PING_MS);
    ping.unref();
    const done = () => {
      clearInterval(ping);
      unsubscribe();
      streams.delete(raw);
    };
    raw.on('close', done);
    if (raw.destroyed) {
      // The client left while the snapshot was read: its 'close' has passed already.
      done();
      return;
    }
    streams.add(raw);
    sse(raw, { type: 'snapshot', auction: { ...snap.live, status: snap.a.status }, bids: snap.bids, serverNow: snap.serverNow });
    if (snap.a.status !== 'scheduled') {
      // Nothing more will happen (draft, closed or cancelled): the snapshot and the end.
      if (snap.a.status !== 'draft') {
        sse(raw, { type: 'closed', status: snap.a.status });
      }
      raw.end();
      return;
    }
    const sub = service.events.subscribe(id, { lastSeq: snap.live.lastSeq, status: snap.a.status, endsAt: snap.live.endsAt, live: snap.live }, (event) => sse(raw, event));
    unsubscribe = sub.unsubscribe;
    const { sent } = sub;
    if (sent.live && sent.lastSeq > snap.live.lastSeq) {
      // This process already sent newer bids to other watchers: send the gap to this one, with the
      // live state of the last of them.
      for (const bid of await service.bidsAfter(id, snap.live.lastSeq)) {
        if (bid.seq <= sent.lastSeq && !raw.destroyed) {
          sse(raw, { type: 'bid', bid, auction: sent.live });
        }
      }
    }
  });
};
