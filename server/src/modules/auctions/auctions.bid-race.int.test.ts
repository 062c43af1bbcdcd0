import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newChainId } from '#server/lib/ids';
import { achievements } from '#server/modules/achievements/achievements.tables';
import { marketListings } from '#server/modules/market/market.tables';
import { insertOrganisation, insertUser } from '#server/test-factories';
import { createTestApp, type Agent, type TestApp } from '#server/test-app';

const API = '/api/v1/auctions';

/**
 * A bid that waits for the auction's row lock while another transaction sets a proxy maximum: the bid's
 * locking read takes its snapshot before the wait, so it does not see that proxy; the bid must still
 * respect it. (PostgreSQL only: PGlite has one connection, nothing waits.)
 */
describe.runIf(Boolean(process.env.TEST_DATABASE_URL))('auctions: a bid racing a proxy change', () => {
  let t: TestApp;
  let auctionId: string;
  const a = {} as Record<'seller' | 'bidderA' | 'bidderB' | 'op', Agent>;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.handle.db;
    const sellerOrg = (await insertOrganisation(db, { type: 'university', regionCode: '110108' })).id;
    const orgA = (await insertOrganisation(db, { regionCode: '440305' })).id;
    const orgB = (await insertOrganisation(db, { regionCode: '210100' })).id;
    await insertUser(db, { email: 'seller@race.test', orgs: [{ organisationId: sellerOrg }] });
    await insertUser(db, { email: 'biddera@race.test', orgs: [{ organisationId: orgA }] });
    await insertUser(db, { email: 'bidderb@race.test', orgs: [{ organisationId: orgB }] });
    await insertUser(db, { email: 'op@race.test', regionCode: '110000', roles: [{ role: 'market_operator', regionCode: '110000' }] });
    [a.seller, a.bidderA, a.bidderB, a.op] = (await Promise.all(
      ['seller', 'biddera', 'bidderb', 'op'].map((k) => t.login(`${k}@race.test`)),
    )) as [Agent, Agent, Agent, Agent];
    const now = new Date();
    const [ach] = await db
      .insert(achievements)
      .values({
        chainId: newChainId('A', now),
        ownerOrgId: sellerOrg,
        regionCode: '110108',
        title: '竞价并发成果',
        abstract: '用于出价与代理出价并发测试的成果摘要。',
        status: 'published',
      })
      .returning();
    const [l] = await db
      .insert(marketListings)
      .values({
        chainId: ach!.chainId,
        achievementId: ach!.id,
        sellerOrgId: sellerOrg,
        regionCode: '110108',
        title: '竞价并发成果',
        mode: 'assign',
        pricing: 'negotiable',
        stateFunded: false,
        status: 'listed',
      })
      .returning();
    const created = await t.request('POST', API, {
      as: a.seller,
      body: {
        listingId: l!.id,
        startPriceFen: 1_000_000,
        increments: [{ fromFen: 0, stepFen: 10_000 }],
        startsAt: now.toISOString(),
        endsAt: new Date(now.getTime() + 3_600_000).toISOString(),
        extensionMinutes: 0,
      },
    });
    auctionId = created.body.id;
    await t.request('POST', `${API}/${auctionId}/schedule`, { as: a.seller });
    for (const [agent, orgId] of [
      [a.bidderA, orgA],
      [a.bidderB, orgB],
    ] as const) {
      const reg = await t.request('POST', `${API}/${auctionId}/registrations`, {
        as: agent,
        body: { bidderOrgId: orgId, qualification: '营业执照' },
      });
      await t.request('POST', `${API}/${auctionId}/registrations/${reg.body.id}/approve`, { as: a.op });
      await t.request('POST', `${API}/${auctionId}/registrations/${reg.body.id}/deposits`, {
        as: a.op,
        body: { entry: 'held', amountFen: created.body.depositFen },
      });
    }
  });
  afterAll(() => t?.close());

  it('a proxy maximum committed while the bid waited for the lock answers that bid', async () => {
    expect(
      (await t.request('POST', `${API}/${auctionId}/bids`, { as: a.bidderA, body: { amountFen: 1_000_000, clientKey: 'race-bid-0001' } }))
        .status,
    ).toBe(201);
    const regA = (await t.request('GET', `${API}/${auctionId}/me`, { as: a.bidderA })).body.registration;

    // Another transaction holds the auction's lock and raises A's proxy maximum (as setProxy does).
    const other = new pg.Client({ connectionString: (t.handle as { url?: string }).url });
    await other.connect();
    try {
      await other.query('begin');
      await other.query('select id from auctions where id = $1 for update', [auctionId]);
      await other.query('update auction_registrations set proxy_max_fen = 2000000 where id = $1', [regA.id]);
      const bid = t.request('POST', `${API}/${auctionId}/bids`, {
        as: a.bidderB,
        body: { amountFen: 1_010_000, clientKey: 'race-bid-0002' },
      });
      await new Promise((r) => setTimeout(r, 300)); // the bid is now waiting for the lock
      await other.query('commit');
      const res = await bid;
      expect(res.status).toBe(201);
      expect(res.body.bid).toMatchObject({ amountFen: 1_010_000, kind: 'manual' });
      expect(res.body.proxyBids).toMatchObject([{ amountFen: 1_020_000, kind: 'proxy', paddleNo: regA.paddleNo }]);
      expect(res.body.auction).toMatchObject({ currentPriceFen: 1_020_000, leadingPaddleNo: regA.paddleNo, lastSeq: 3 });
    } finally {
      await other.end();
    }
    expect((await t.request('GET', `${API}/${auctionId}/me`, { as: a.bidderA })).body.state).toBe('leading');
  });
});
