import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newChainId } from '#server/lib/ids';
import { systemClock } from '#server/lib/clock';
import { achievements } from '#server/modules/achievements/achievements.tables';
import { marketListings } from '#server/modules/market/market.tables';
import { createServices } from '#server/services';
import { insertOrganisation, insertUser, makeActor } from '#server/test-factories';
import { createTestApp, type Agent, type TestApp } from '#server/test-app';

const API = '/api/v1/auctions';
let t: TestApp;
let base: string;
let auctionId: string;
let orgB: string;
const a = {} as Record<'seller' | 'bidderA' | 'bidderB' | 'op', Agent>;

/** Reads Server-Sent Events from a fetch body: `next(n)` waits for n more events (or the timeout). */
function sseReader(res: Response) {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const events: { event: string; data: any }[] = [];
  let buf = '';
  let seen = 0;
  return {
    events,
    async next(count: number, timeoutMs = 5000) {
      const want = seen + count;
      const deadline = Date.now() + timeoutMs;
      while (events.length < want && Date.now() < deadline) {
        const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now()))]);
        if (!chunk || chunk.done) {
          break;
        }
        buf += decoder.decode(chunk.value, { stream: true });
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const event = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (event && data) {
            events.push({ event, data: JSON.parse(data) });
          }
        }
      }
      const got = events.slice(seen);
      seen = events.length;
      return got;
    },
    cancel: () => reader.cancel(),
  };
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.handle.db;
  const sellerOrg = (await insertOrganisation(db, { type: 'university', regionCode: '110108' })).id;
  const orgA = (await insertOrganisation(db, { regionCode: '440305' })).id;
  orgB = (await insertOrganisation(db, { regionCode: '210100' })).id;
  await insertUser(db, { email: 'seller@sse.test', orgs: [{ organisationId: sellerOrg }] });
  await insertUser(db, { email: 'biddera@sse.test', orgs: [{ organisationId: orgA }] });
  await insertUser(db, { email: 'bidderb@sse.test', orgs: [{ organisationId: orgB }] });
  await insertUser(db, { email: 'op@sse.test', regionCode: '110000', roles: [{ role: 'market_operator', regionCode: '110000' }] });
  [a.seller, a.bidderA, a.bidderB, a.op] = await Promise.all(['seller', 'biddera', 'bidderb', 'op'].map((k) => t.login(`${k}@sse.test`))) as [Agent, Agent, Agent, Agent];
  const now = new Date();
  const [ach] = await db.insert(achievements).values({ chainId: newChainId('A', now), ownerOrgId: sellerOrg, regionCode: '110108', title: 'SSE 成果', abstract: '用于实时事件测试的成果摘要。', status: 'published' }).returning();
  const [l] = await db
    .insert(marketListings)
    .values({ chainId: ach!.chainId, achievementId: ach!.id, sellerOrgId: sellerOrg, regionCode: '110108', title: 'SSE 成果', mode: 'assign', pricing: 'negotiable', stateFunded: false, status: 'listed' })
    .returning();
  const created = await t.request('POST', API, {
    as: a.seller,
    body: { listingId: l!.id, startPriceFen: 1_000_000, increments: [{ fromFen: 0, stepFen: 10_000 }], startsAt: now.toISOString(), endsAt: new Date(now.getTime() + 3_600_000).toISOString(), extensionMinutes: 2 },
  });
  auctionId = created.body.id;
  expect((await t.request('POST', `${API}/${auctionId}/schedule`, { as: a.seller })).body.phase).toBe('live');
  for (const [agent, orgId] of [[a.bidderA, orgA], [a.bidderB, orgB]] as const) {
    const reg = await t.request('POST', `${API}/${auctionId}/registrations`, { as: agent, body: { bidderOrgId: orgId, qualification: '营业执照' } });
    await t.request('POST', `${API}/${auctionId}/registrations/${reg.body.id}/approve`, { as: a.op });
    await t.request('POST', `${API}/${auctionId}/registrations/${reg.body.id}/deposits`, { as: a.op, body: { entry: 'held', amountFen: created.body.depositFen } });
  }
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = t.app.server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
afterAll(() => t.close());

describe('live events (SSE over a real server)', () => {
  it('sends a snapshot, then bids accepted here and bids accepted by another process (poller)', async () => {
    const first = await t.request('POST', `${API}/${auctionId}/bids`, { as: a.bidderA, body: { amountFen: 1_000_000, clientKey: 'sse-bid-0001' } });
    expect(first.status).toBe(201);
    const res = await fetch(`${base}${API}/${auctionId}/events`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-accel-buffering')).toBe('no');
    const stream = sseReader(res);
    const [snapshot] = await stream.next(1);
    expect(snapshot).toMatchObject({ event: 'snapshot', data: { auction: { lastSeq: 1, currentPriceFen: 1_000_000, status: 'scheduled' }, bids: [{ seq: 1 }] } });
    expect(t.services.auctions.events.watchedCount()).toBe(1);

    // Accepted by this process: published at once.
    expect((await t.request('POST', `${API}/${auctionId}/bids`, { as: a.bidderB, body: { amountFen: 1_010_000, clientKey: 'sse-bid-0002' } })).status).toBe(201);
    // Accepted by another process on the same database: found by this process's poller.
    const other = createServices(t.handle, systemClock, { version: 'test', auth: { sessionTtlHours: 12, maxFailures: 5, lockoutMinutes: 15, secret: 'test-secret-test-secret-test-secret' } });
    const bidderA = { ...makeActor([], [{ organisationId: (await t.request('GET', `${API}/${auctionId}/me`, { as: a.bidderA })).body.registration.bidderOrgId, role: 'member' }]) };
    await other.auctions.bid(bidderA, auctionId, { amountFen: 1_020_000, clientKey: 'sse-bid-0003' });

    await stream.next(2);
    await stream.cancel();
    const bids = stream.events.filter((e) => e.event === 'bid');
    expect(bids.map((e) => [e.data.bid.seq, e.data.bid.amountFen])).toEqual([
      [2, 1_010_000],
      [3, 1_020_000],
    ]);
    expect(bids[1]!.data.auction).toMatchObject({ lastSeq: 3, currentPriceFen: 1_020_000, nextMinFen: 1_030_000 });
    // The last watcher left: this process stops polling the auction.
    for (let i = 0; i < 50 && t.services.auctions.events.watchedCount() > 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(t.services.auctions.events.watchedCount()).toBe(0);
  });

  it('answers 404 for an unknown auction without opening a stream', async () => {
    const res = await fetch(`${base}${API}/00000000-0000-4000-8000-000000000000/events`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('auction/not_found');
  });
});
