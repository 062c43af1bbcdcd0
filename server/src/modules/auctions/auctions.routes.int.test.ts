import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newChainId } from '#server/lib/ids';
import { achievements } from '#server/modules/achievements/achievements.tables';
import { auditEvents } from '#server/modules/audit/audit.tables';
import { marketDeals, marketListings, marketOffers } from '#server/modules/market/market.tables';
import { scheduledJobs } from '#server/modules/scheduler/scheduler.tables';
import { insertOrganisation, insertUser } from '#server/test-factories';
import { createTestApp, fixedClock, type Agent, type TestApp } from '#server/test-app';
import { auctionRegistrations, depositLedger } from './auctions.tables';

const API = '/api/v1/auctions';
const T0 = new Date('2026-12-01T02:00:00Z');
const H = 3_600_000;
const clock = fixedClock(T0);
let t: TestApp;
let sellerOrg: string;
let orgA: string;
let orgB: string;
let orgC: string;
const a = {} as Record<'seller' | 'bidderA' | 'bidderB' | 'bidderC' | 'outsider' | 'bjOp' | 'gdOp', Agent>;
const INC = [
  { fromFen: 0, stepFen: 100_000 },
  { fromFen: 10_000_000, stepFen: 500_000 },
];

async function listing(): Promise<string> {
  const db = t.handle.db;
  const [ach] = await db
    .insert(achievements)
    .values({ chainId: newChainId('A', clock.now()), ownerOrgId: sellerOrg, regionCode: '110108', title: '拍卖测试成果', abstract: '用于拍卖测试的成果摘要，长度足够。', status: 'published', publishedAt: clock.now() })
    .returning();
  const [l] = await db
    .insert(marketListings)
    .values({ chainId: ach!.chainId, achievementId: ach!.id, sellerOrgId: sellerOrg, regionCode: '110108', title: '拍卖测试成果', mode: 'assign', pricing: 'negotiable', stateFunded: true, status: 'listed', listedFrom: clock.now() })
    .returning();
  return l!.id;
}

function body(listingId: string, over: Record<string, unknown> = {}) {
  return {
    listingId,
    startPriceFen: 5_000_000,
    reserveFen: 8_000_000,
    increments: INC,
    startsAt: new Date(clock.now().getTime() + H).toISOString(),
    endsAt: new Date(clock.now().getTime() + 3 * H).toISOString(),
    extensionMinutes: 5,
    ...over,
  };
}

async function scheduledAuction(over: Record<string, unknown> = {}) {
  const created = await t.request('POST', API, { as: a.seller, body: body(await listing(), over) });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const scheduled = await t.request('POST', `${API}/${created.body.id}/schedule`, { as: a.seller });
  expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(200);
  return scheduled.body as { id: string; depositFen: number; endsAt: string; startsAt: string; [k: string]: any };
}

/** Registers, approves and records the deposit of `agent`'s organisation; returns the registration id. */
async function qualified(id: string, agent: Agent, orgId: string, depositFen: number) {
  const reg = await t.request('POST', `${API}/${id}/registrations`, { as: agent, body: { bidderOrgId: orgId, qualification: '企业法人营业执照，近三年无违法记录' } });
  expect(reg.status, JSON.stringify(reg.body)).toBe(201);
  expect((await t.request('POST', `${API}/${id}/registrations/${reg.body.id}/approve`, { as: a.bjOp })).status).toBe(200);
  const dep = await t.request('POST', `${API}/${id}/registrations/${reg.body.id}/deposits`, { as: a.bjOp, body: { entry: 'held', amountFen: depositFen, reference: 'BANK-1' } });
  expect(dep.status, JSON.stringify(dep.body)).toBe(200);
  return reg.body.id as string;
}

const bid = (id: string, as: Agent, amountFen: number, clientKey = `key-${Math.random().toString(36).slice(2, 12)}`) =>
  t.request('POST', `${API}/${id}/bids`, { as, body: { amountFen, clientKey } });

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.handle.db;
  sellerOrg = (await insertOrganisation(db, { name: '北京拍卖测试大学', type: 'university', regionCode: '110108' })).id;
  orgA = (await insertOrganisation(db, { name: '深圳竞买甲公司', regionCode: '440305' })).id;
  orgB = (await insertOrganisation(db, { name: '沈阳竞买乙公司', regionCode: '210100' })).id;
  orgC = (await insertOrganisation(db, { name: '杭州竞买丙公司', regionCode: '330100' })).id;
  const specs = {
    seller: { orgs: [{ organisationId: sellerOrg, role: 'member' as const }] },
    bidderA: { orgs: [{ organisationId: orgA, role: 'member' as const }] },
    bidderB: { orgs: [{ organisationId: orgB, role: 'member' as const }] },
    bidderC: { orgs: [{ organisationId: orgC, role: 'member' as const }] },
    outsider: {},
    bjOp: { regionCode: '110000', roles: [{ role: 'market_operator' as const, regionCode: '110000' }] },
    gdOp: { regionCode: '440000', roles: [{ role: 'market_operator' as const, regionCode: '440000' }] },
  };
  for (const [k, spec] of Object.entries(specs)) {
    await insertUser(db, { ...spec, email: `${k.toLowerCase()}@auctions.test` });
  }
  const agents = await Promise.all(Object.keys(specs).map((k) => t.login(`${k.toLowerCase()}@auctions.test`)));
  Object.keys(specs).forEach((k, i) => (a[k as keyof typeof a] = agents[i]!));
});
afterAll(() => t.close());

describe('creating and scheduling', () => {
  it('creates a draft with the deposit fixed from the fee rule, hidden from the public', async () => {
    const res = await t.request('POST', API, { as: a.seller, body: body(await listing(), { startPriceFen: 50_000_000, reserveFen: 60_000_000 }) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: 'draft', phase: 'draft', depositFen: 5_000_000, reserveFen: 60_000_000, canManage: true, nextMinFen: 50_000_000 });
    expect((await t.request('GET', `${API}/${res.body.id}`)).status).toBe(404);
    expect((await t.request('GET', `${API}/${res.body.id}`, { as: a.bjOp })).body.canOperate).toBe(true);
  });

  it('refuses bad input field by field', async () => {
    const l = await listing();
    expect((await t.request('POST', API, { as: a.seller, body: body(l, { startPriceFen: 100.5 }) })).status).toBe(400);
    expect((await t.request('POST', API, { as: a.seller, body: body(l, { startPriceFen: -1 }) })).status).toBe(400);
    expect((await t.request('POST', API, { as: a.seller, body: body(l, { reserveFen: 1 }) })).body.error.code).toBe('auction/reserve_below_start');
    expect((await t.request('POST', API, { as: a.seller, body: body(l, { increments: [{ fromFen: 5, stepFen: 1 }] }) })).body.error.code).toBe('auction/increments_invalid');
    const tooShort = await t.request('POST', API, { as: a.seller, body: body(l, { endsAt: new Date(clock.now().getTime() + H + 30_000).toISOString() }) });
    expect(tooShort.body.error).toMatchObject({ code: 'auction/schedule_invalid' });
    expect(tooShort.body.error.details.issues[0].path).toBe('body.endsAt');
    expect((await t.request('POST', API, { as: a.bidderA, body: body(l) })).status).toBe(403);
    expect((await t.request('POST', API, { body: body(l) })).status).toBe(401);
  });

  it('schedules: listing in_auction, close job at the end, public and upcoming', async () => {
    const au = await scheduledAuction();
    expect(au).toMatchObject({ status: 'scheduled', phase: 'upcoming' });
    const [l] = await t.handle.db.select().from(marketListings).where(eq(marketListings.id, au.listingId));
    expect(l!.status).toBe('in_auction');
    const [job] = await t.handle.db.select().from(scheduledJobs).where(and(eq(scheduledJobs.kind, 'auction.close'), eq(scheduledJobs.key, au.id)));
    expect(job!.runAt.toISOString()).toBe(au.endsAt);
    const pub = await t.request('GET', `${API}/${au.id}`);
    expect(pub.body).toMatchObject({ phase: 'upcoming', reserveFen: null, reserveMet: false, serverNow: T0.toISOString() });
    expect((await t.request('POST', `${API}/${au.id}/schedule`, { as: a.seller })).body.error.code).toBe('auction/invalid_transition');
    const list = await t.request('GET', `${API}?phase=upcoming`);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(au.id);
    // Out of the way of the timeline below.
    expect((await t.request('POST', `${API}/${au.id}/cancel`, { as: a.seller, body: { reason: '测试结束' } })).status).toBe(200);
    expect(await t.handle.db.select().from(scheduledJobs).where(and(eq(scheduledJobs.kind, 'auction.close'), eq(scheduledJobs.key, au.id), eq(scheduledJobs.status, 'pending')))).toHaveLength(0);
  });

  it('refuses a listing that is not listed', async () => {
    const created = await t.request('POST', API, { as: a.seller, body: body(await listing()) });
    await t.handle.db.update(marketListings).set({ status: 'withdrawn' }).where(eq(marketListings.id, created.body.listingId));
    expect((await t.request('POST', `${API}/${created.body.id}/schedule`, { as: a.seller })).body.error.code).toBe('auction/listing_unavailable');
  });

  it('cancels before the start (operator), refuses once live', async () => {
    const au = await scheduledAuction();
    expect((await t.request('POST', `${API}/${au.id}/cancel`, { as: a.gdOp, body: { reason: 'x' } })).status).toBe(403);
    expect((await t.request('POST', `${API}/${au.id}/cancel`, { as: a.bidderA, body: { reason: 'x' } })).status).toBe(403);
    const res = await t.request('POST', `${API}/${au.id}/cancel`, { as: a.bjOp, body: { reason: '卖方撤回' } });
    expect(res.body).toMatchObject({ status: 'cancelled', phase: 'cancelled' });
    const [l] = await t.handle.db.select().from(marketListings).where(eq(marketListings.id, au.listingId));
    expect(l!.status).toBe('listed');
  });
});

describe('a whole auction', () => {
  let au: Awaited<ReturnType<typeof scheduledAuction>>;
  let regA: string;
  let regB: string;
  let firstKey: string;

  it('registers bidders; the seller and duplicates are refused', async () => {
    clock.set(T0);
    au = await scheduledAuction();
    expect((await t.request('POST', `${API}/${au.id}/registrations`, { as: a.seller, body: { bidderOrgId: sellerOrg, qualification: '卖方' } })).body.error.code).toBe('auction/seller_cannot_bid');
    expect((await t.request('POST', `${API}/${au.id}/registrations`, { as: a.bidderA, body: { bidderOrgId: orgB, qualification: '冒名' } })).status).toBe(403);
    const r = await t.request('POST', `${API}/${au.id}/registrations`, { as: a.bidderA, body: { bidderOrgId: orgA, qualification: '企业法人营业执照' } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'pending', depositStatus: 'due', paddleNo: 101 });
    regA = r.body.id;
    expect((await t.request('POST', `${API}/${au.id}/registrations`, { as: a.bidderA, body: { bidderOrgId: orgA, qualification: '再次' } })).body.error.code).toBe('auction/already_registered');
    expect((await t.request('GET', `${API}/${au.id}/me`, { as: a.bidderA })).body.state).toBe('awaiting_approval');
    expect((await t.request('GET', `${API}/${au.id}/me`, { as: a.bidderB })).body.state).toBe('not_registered');
  });

  it('only the operator of the region decides qualifications and records deposits', async () => {
    expect((await bid(au.id, a.bidderA, 5_000_000)).body.error.code).toBe('auction/not_approved');
    expect((await t.request('GET', `${API}/${au.id}/registrations`, { as: a.gdOp })).status).toBe(403);
    expect((await t.request('POST', `${API}/${au.id}/registrations/${regA}/approve`, { as: a.gdOp })).status).toBe(403);
    expect((await t.request('POST', `${API}/${au.id}/registrations/${regA}/approve`, { as: a.seller })).status).toBe(403);
    expect((await t.request('POST', `${API}/${au.id}/registrations/${regA}/approve`, { as: a.bjOp })).body.status).toBe('approved');
    expect((await t.request('POST', `${API}/${au.id}/registrations/${regA}/approve`, { as: a.bjOp })).body.error.code).toBe('auction/registration_decided');
    expect((await t.request('GET', `${API}/${au.id}/me`, { as: a.bidderA })).body.state).toBe('deposit_due');
    expect((await bid(au.id, a.bidderA, 5_000_000)).body.error.code).toBe('auction/deposit_not_held');
    const wrong = await t.request('POST', `${API}/${au.id}/registrations/${regA}/deposits`, { as: a.bjOp, body: { entry: 'held', amountFen: 1 } });
    expect(wrong.body.error.code).toBe('auction/deposit_invalid');
    expect((await t.request('POST', `${API}/${au.id}/registrations/${regA}/deposits`, { as: a.bjOp, body: { entry: 'refunded', amountFen: au.depositFen } })).body.error.code).toBe('auction/deposit_invalid');
    const ok = await t.request('POST', `${API}/${au.id}/registrations/${regA}/deposits`, { as: a.bjOp, body: { entry: 'held', amountFen: au.depositFen, reference: 'BANK-A' } });
    expect(ok.body.depositStatus).toBe('held');
    regB = await qualified(au.id, a.bidderB, orgB, au.depositFen);
    const c = await t.request('POST', `${API}/${au.id}/registrations`, { as: a.bidderC, body: { bidderOrgId: orgC, qualification: '资质不全' } });
    expect((await t.request('POST', `${API}/${au.id}/registrations/${c.body.id}/reject`, { as: a.bjOp, body: { reason: '资质不全' } })).body.status).toBe('rejected');
    expect((await t.request('GET', `${API}/${au.id}/me`, { as: a.bidderC })).body.state).toBe('rejected');
    const list = await t.request('GET', `${API}/${au.id}/registrations`, { as: a.bjOp });
    expect(list.body.items).toHaveLength(3);
    expect(list.body.items[0].deposits).toEqual([expect.objectContaining({ entry: 'held', amountFen: au.depositFen, reference: 'BANK-A' })]);
    const audits = await t.handle.db.select().from(auditEvents).where(eq(auditEvents.entityId, regA));
    expect(audits.map((e) => e.action).sort()).toEqual(['auction.deposit_held', 'auction.registration_approved', 'auction.registration_submitted']);
  });

  it('refuses bids before the start', async () => {
    expect((await bid(au.id, a.bidderA, 5_000_000)).body.error.code).toBe('auction/not_live');
  });

  it('accepts bids when live, replays a client key, refuses every bad bid', async () => {
    clock.set(new Date(au.startsAt));
    firstKey = 'first-bid-key-A';
    const first = await bid(au.id, a.bidderA, 5_000_000, firstKey);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ bid: { seq: 1, amountFen: 5_000_000, paddleNo: 101, kind: 'manual' }, proxyBids: [], auction: { currentPriceFen: 5_000_000, lastSeq: 1, leadingPaddleNo: 101, nextMinFen: 5_100_000 }, replayed: false });
    const again = await bid(au.id, a.bidderA, 5_000_000, firstKey);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ bid: { seq: 1 }, replayed: true });
    expect((await bid(au.id, a.bidderA, 6_000_000)).body.error.code).toBe('auction/already_leading');
    const low = await bid(au.id, a.bidderB, 5_050_000);
    expect(low.status).toBe(409);
    expect(low.body.error).toMatchObject({ code: 'auction/bid_too_low', details: { minNextFen: 5_100_000 } });
    expect((await bid(au.id, a.bidderB, 5_100_000.5)).status).toBe(400);
    expect((await bid(au.id, a.bidderB, -5)).status).toBe(400);
    expect((await bid(au.id, a.seller, 9_000_000)).body.error.code).toBe('auction/seller_cannot_bid');
    expect((await bid(au.id, a.outsider, 9_000_000)).body.error.code).toBe('auction/not_registered');
    expect((await bid(au.id, a.bidderC, 9_000_000)).body.error.code).toBe('auction/not_approved');
    expect((await t.request('POST', `${API}/${au.id}/bids`, { body: { amountFen: 9_000_000, clientKey: 'anon-key-1' } })).status).toBe(401);
    const b = await bid(au.id, a.bidderB, 5_100_000);
    expect(b.status).toBe(201);
    expect(b.body.auction).toMatchObject({ leadingPaddleNo: 102, lastSeq: 2 });
    expect((await t.request('GET', `${API}/${au.id}/me`, { as: a.bidderA })).body.state).toBe('outbid');
    expect((await t.request('GET', `${API}/${au.id}/me`, { as: a.bidderB })).body.state).toBe('leading');
  });

  it('a proxy bids just enough to lead and answers manual bids; an equal manual bid is refused', async () => {
    const proxy = await t.request('PUT', `${API}/${au.id}/proxy`, { as: a.bidderA, body: { maxFen: 7_000_000 } });
    expect(proxy.status, JSON.stringify(proxy.body)).toBe(200);
    expect(proxy.body.bids).toEqual([expect.objectContaining({ seq: 3, amountFen: 5_200_000, paddleNo: 101, kind: 'proxy' })]);
    const answered = await bid(au.id, a.bidderB, 6_000_000);
    expect(answered.status).toBe(201);
    expect(answered.body.proxyBids).toEqual([expect.objectContaining({ amountFen: 6_100_000, paddleNo: 101, kind: 'proxy' })]);
    expect(answered.body.auction.leadingPaddleNo).toBe(101);
    const tie = await bid(au.id, a.bidderB, 7_000_000);
    expect(tie.body.error).toMatchObject({ code: 'auction/bid_too_low', details: { minNextFen: 7_100_000 } });
    expect((await t.request('GET', `${API}/${au.id}`)).body).toMatchObject({ currentPriceFen: 7_000_000, leadingPaddleNo: 101, reserveMet: false });
    const over = await bid(au.id, a.bidderB, 8_500_000);
    expect(over.status).toBe(201);
    expect(over.body.proxyBids).toEqual([]);
    const hist = await t.request('GET', `${API}/${au.id}/bids`);
    expect(hist.body.items.map((x: { seq: number }) => x.seq)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(hist.body.items[0]).toMatchObject({ amountFen: 8_500_000, paddleNo: 102, kind: 'manual' });
    expect(JSON.stringify(hist.body)).not.toContain(orgB);
  });

  it('a bid in the last minutes extends the end; the close job postpones', async () => {
    const end = new Date(au.endsAt);
    clock.set(new Date(end.getTime() - 2 * 60_000));
    const late = await bid(au.id, a.bidderA, 9_000_000);
    expect(late.status).toBe(201);
    expect(late.body.auction.endsAt).toBe(new Date(end.getTime() + 5 * 60_000).toISOString());
    clock.set(end);
    expect(await t.services.scheduler.runDue()).toMatchObject({ ran: 0, postponed: 1 });
    expect((await t.request('GET', `${API}/${au.id}`)).body).toMatchObject({ status: 'scheduled', phase: 'live' });
    clock.set(new Date(end.getTime() + 5 * 60_000));
    expect((await bid(au.id, a.bidderB, 9_500_000)).body.error.code).toBe('auction/not_live');
    expect((await t.request('GET', `${API}/${au.id}`)).body.phase).toBe('closed');
  });

  it('the scheduler closes it sold once: deal, deposits applied/refunded, listing sold', async () => {
    expect((await t.request('POST', `${API}/${au.id}/publish-result`, { as: a.bjOp })).body.error.code).toBe('auction/not_closed');
    expect((await t.services.scheduler.runDue()).ran).toBe(1);
    expect((await t.services.scheduler.runDue()).ran).toBe(0);
    const deals = await t.handle.db.select().from(marketDeals).where(eq(marketDeals.auctionId, au.id));
    expect(deals).toHaveLength(1);
    expect(deals[0]).toMatchObject({ pricingMethod: 'auction', priceFen: 9_000_000, buyerOrgId: orgA, sellerOrgId: sellerOrg, status: 'concluded' });
    const winner = await t.request('GET', `${API}/${au.id}`, { as: a.bidderA });
    expect(winner.body).toMatchObject({ status: 'closed_sold', phase: 'closed', dealId: deals[0]!.id, reserveMet: true });
    expect((await t.request('GET', `${API}/${au.id}`)).body.dealId).toBeNull();
    expect((await t.request('GET', `${API}/${au.id}`, { as: a.bidderB })).body.dealId).toBeNull();
    expect((await t.request('GET', `${API}/${au.id}/me`, { as: a.bidderA })).body.state).toBe('won');
    expect((await t.request('GET', `${API}/${au.id}/me`, { as: a.bidderB })).body.state).toBe('lost');
    // Seller, winner and loser hear the result in-app: the winner and seller with the deal, the loser with the room.
    const inbox = async (who: Agent) => ((await t.request('GET', '/api/v1/notifications', { as: who })).body.items as { kind: string; data: { link: string } }[]).filter((n) => n.kind === 'auction_result');
    expect((await inbox(a.bidderA)).map((n) => n.data.link)).toEqual([`/market/deals/${deals[0]!.id}`]);
    expect((await inbox(a.bidderB)).map((n) => n.data.link)).toEqual([`/market/auctions/${au.id}`]);
    expect((await inbox(a.seller)).map((n) => n.data.link)).toEqual([`/market/deals/${deals[0]!.id}`]);
    const regs = await t.handle.db.select().from(auctionRegistrations).where(eq(auctionRegistrations.auctionId, au.id));
    expect(Object.fromEntries(regs.map((r) => [r.id, r.depositStatus]))).toMatchObject({ [regA]: 'applied', [regB]: 'refunded' });
    const ledger = await t.handle.db.select().from(depositLedger).where(eq(depositLedger.auctionId, au.id));
    expect(ledger.map((l) => l.entry).sort()).toEqual(['applied', 'held', 'held', 'refunded']);
    const [l] = await t.handle.db.select().from(marketListings).where(eq(marketListings.id, au.listingId));
    expect(l!.status).toBe('sold');
    expect((await bid(au.id, a.bidderB, 20_000_000)).body.error.code).toBe('auction/not_live');
  });

  it('the operator publishes the result once', async () => {
    expect((await t.request('POST', `${API}/${au.id}/publish-result`, { as: a.seller })).status).toBe(403);
    const res = await t.request('POST', `${API}/${au.id}/publish-result`, { as: a.bjOp });
    expect(res.body.resultPublishedAt).toBe(clock.now().toISOString());
    expect((await t.request('POST', `${API}/${au.id}/publish-result`, { as: a.bjOp })).body.error.code).toBe('auction/result_published');
    const results = await t.request('GET', `${API}/results`);
    expect(results.body.items.map((i: { id: string }) => i.id)).toContain(au.id);
    const closed = await t.request('GET', `${API}?phase=closed`);
    expect(closed.body.items.map((i: { id: string }) => i.id)).toContain(au.id);
  });
});

describe('unsold', () => {
  it('reserve not met → closed_unsold, no deal, deposits refunded, listing listed again', async () => {
    clock.set(T0);
    const au = await scheduledAuction({ reserveFen: 50_000_000 });
    const regA = await qualified(au.id, a.bidderA, orgA, au.depositFen);
    clock.set(new Date(au.startsAt));
    expect((await bid(au.id, a.bidderA, 6_000_000)).status).toBe(201);
    clock.set(new Date(new Date(au.endsAt).getTime() + 1000));
    expect((await t.services.scheduler.runDue()).ran).toBe(1);
    expect((await t.request('GET', `${API}/${au.id}`)).body).toMatchObject({ status: 'closed_unsold', dealId: null, reserveMet: false });
    expect(await t.handle.db.select().from(marketDeals).where(eq(marketDeals.auctionId, au.id))).toHaveLength(0);
    const [r] = await t.handle.db.select().from(auctionRegistrations).where(eq(auctionRegistrations.id, regA));
    expect(r!.depositStatus).toBe('refunded');
    const [l] = await t.handle.db.select().from(marketListings).where(eq(marketListings.id, au.listingId));
    expect(l!.status).toBe('listed');
    expect((await t.request('GET', `${API}/${au.id}/me`, { as: a.bidderA })).body.state).toBe('lost');
  });

  it('no bids → closed_unsold', async () => {
    clock.set(T0);
    const au = await scheduledAuction({ reserveFen: null });
    clock.set(new Date(new Date(au.endsAt).getTime() + 1000));
    expect((await t.services.scheduler.runDue()).ran).toBe(1);
    expect((await t.request('GET', `${API}/${au.id}`)).body).toMatchObject({ status: 'closed_unsold', reserveMet: null, bidCount: 0 });
  });
});

describe('the listing’s state machine', () => {
  it('scheduling moves the listing to auction through the market module (audited) and lapses its open offers; cancelling lists it again', async () => {
    clock.set(T0);
    const listingId = await listing();
    const [offer] = await t.handle.db
      .insert(marketOffers)
      .values({ listingId, buyerOrgId: orgA, fromSide: 'buyer', amountFen: 4_000_000, status: 'open', respondBy: new Date(clock.now().getTime() + 7 * 24 * H), createdBy: a.bidderA.userId })
      .returning();
    const created = await t.request('POST', API, { as: a.seller, body: body(listingId) });
    expect((await t.request('POST', `${API}/${created.body.id}/schedule`, { as: a.seller })).status).toBe(200);
    const [l] = await t.handle.db.select().from(marketListings).where(eq(marketListings.id, listingId));
    expect(l!.status).toBe('in_auction');
    const [o] = await t.handle.db.select().from(marketOffers).where(eq(marketOffers.id, offer!.id));
    expect(o!.status).toBe('declined');
    const listingAudit = await t.handle.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, listingId));
    expect(listingAudit.map((e) => e.action)).toContain('listing.start_auction');
    expect((await t.request('POST', `${API}/${created.body.id}/cancel`, { as: a.seller, body: { reason: '卖方撤回拍卖' } })).status).toBe(200);
    const [back] = await t.handle.db.select().from(marketListings).where(eq(marketListings.id, listingId));
    expect(back!.status).toBe('listed');
  });
});

describe('standing', () => {
  it('a proxy stops bidding once its bidder’s deposit is forfeited; that bidder cannot bid', async () => {
    clock.set(T0);
    const au = await scheduledAuction({ reserveFen: null });
    const regA = await qualified(au.id, a.bidderA, orgA, au.depositFen);
    await qualified(au.id, a.bidderB, orgB, au.depositFen);
    clock.set(new Date(au.startsAt));
    expect((await t.request('PUT', `${API}/${au.id}/proxy`, { as: a.bidderA, body: { maxFen: 9_000_000 } })).body.auction).toMatchObject({ currentPriceFen: 5_000_000, leadingPaddleNo: 101 });
    expect((await bid(au.id, a.bidderB, 5_500_000)).body).toMatchObject({ proxyBids: [{ amountFen: 5_600_000, paddleNo: 101 }] });
    // The operator forfeits the leader's deposit: its proxy no longer answers.
    expect((await t.request('POST', `${API}/${au.id}/registrations/${regA}/deposits`, { as: a.bjOp, body: { entry: 'forfeited', amountFen: au.depositFen } })).status).toBe(200);
    expect((await bid(au.id, a.bidderB, 5_700_000)).body).toMatchObject({ proxyBids: [], auction: { currentPriceFen: 5_700_000, leadingPaddleNo: 102 } });
    expect((await bid(au.id, a.bidderA, 5_800_000)).body.error.code).toBe('auction/deposit_not_held');
  });

  it('a leader whose deposit was forfeited does not win: the close leaves the lot unsold, with no deal', async () => {
    clock.set(T0);
    const au = await scheduledAuction({ reserveFen: null });
    const regA = await qualified(au.id, a.bidderA, orgA, au.depositFen);
    clock.set(new Date(au.startsAt));
    expect((await bid(au.id, a.bidderA, 5_000_000)).status).toBe(201);
    expect((await t.request('POST', `${API}/${au.id}/registrations/${regA}/deposits`, { as: a.bjOp, body: { entry: 'forfeited', amountFen: au.depositFen } })).status).toBe(200);
    clock.set(new Date(new Date(au.endsAt).getTime() + 1000));
    await t.services.scheduler.runDue(); // earlier tests' auctions may end at the same time
    expect((await t.request('GET', `${API}/${au.id}`)).body).toMatchObject({ status: 'closed_unsold' });
    expect(await t.handle.db.select().from(marketDeals).where(eq(marketDeals.auctionId, au.id))).toHaveLength(0);
    const [l] = await t.handle.db.select().from(marketListings).where(eq(marketListings.id, au.listingId));
    expect(l!.status).toBe('listed');
  });
});

describe('concurrent bids', () => {
  it('serialises on the auction row: contiguous seq, strictly rising amounts, one bid per client key', async () => {
    clock.set(T0);
    const au = await scheduledAuction({ reserveFen: null });
    await qualified(au.id, a.bidderA, orgA, au.depositFen);
    await qualified(au.id, a.bidderB, orgB, au.depositFen);
    clock.set(new Date(au.startsAt));
    // Same amount from both at once: exactly one wins, the other is told the new minimum.
    const [x, y] = await Promise.all([bid(au.id, a.bidderA, 5_000_000), bid(au.id, a.bidderB, 5_000_000)]);
    expect([x.status, y.status].sort()).toEqual([201, 409]);
    expect([x, y].find((r) => r.status === 409)!.body.error.code).toBe('auction/bid_too_low');
    // The same client key sent twice at once: one bid, one replay.
    const key = 'concurrent-same-key';
    const loser = x.status === 201 ? a.bidderB : a.bidderA;
    const [p, q] = await Promise.all([bid(au.id, loser, 6_000_000, key), bid(au.id, loser, 6_000_000, key)]);
    expect([p.status, q.status].sort()).toEqual([200, 201]);
    expect(p.body.bid.seq).toBe(q.body.bid.seq);
    // A burst of rising bids from both sides.
    const burst = await Promise.all(Array.from({ length: 16 }, (_v, i) => bid(au.id, i % 2 ? a.bidderA : a.bidderB, 7_000_000 + i * 100_000)));
    expect(burst.every((r) => [201, 409].includes(r.status))).toBe(true);
    const hist = (await t.request('GET', `${API}/${au.id}/bids`)).body.items as { seq: number; amountFen: number }[];
    const asc = [...hist].reverse();
    expect(asc.map((b) => b.seq)).toEqual(asc.map((_b, i) => i + 1));
    for (let i = 1; i < asc.length; i++) {
      expect(asc[i]!.amountFen).toBeGreaterThan(asc[i - 1]!.amountFen);
    }
    const detail = (await t.request('GET', `${API}/${au.id}`)).body;
    expect(detail).toMatchObject({ lastSeq: asc.length, bidCount: asc.length, currentPriceFen: asc.at(-1)!.amountFen });
  });
});
