import { and, asc, eq, notExists } from 'drizzle-orm';
import type { DbHandle } from '#server/db/types';
import { systemClock, type Clock } from '#server/lib/clock';
import { achievements } from '#server/modules/achievements/achievements.tables';
import { auctions } from '#server/modules/auctions/auctions.tables';
import { marketListings } from '#server/modules/market/market.tables';
import type { Services } from '#server/services';
import { demoActor } from './demo-actor';

const DAY = 86_400_000;
const WAN = 10_000 * 100;

export type MarketAuctionsReport = { created: boolean; liveAuctionId: string | null; upcomingAuctionId: string | null };

/**
 * Demo auctions (拍卖) of 京华理工大学 (jh-univ, `tto@`): one live (started now, ending in 7 days) with
 * 鹏城智能 (`enterprise@`) and 盛京重机 (`sy-enterprise@`) registered, approved by `bj-market@` and
 * their deposits held, and one upcoming (starts in 2 days). Each on its own listing of a published
 * jh-univ achievement that has no listing yet (the listing row is inserted here, then goes
 * `in_auction`). Idempotent: nothing happens when jh-univ already has an auction.
 * Call after `seedDemo` with the services' clock: `await seedMarketAuctions(handle, services, clock)`.
 */
export async function seedMarketAuctions(handle: DbHandle, services: Services, clock: Clock = systemClock, onProgress?: (msg: string) => void): Promise<MarketAuctionsReport> {
  const none = { created: false, liveAuctionId: null, upcomingAuctionId: null };
  const [seller, operator, szEnt, syEnt] = await Promise.all(['tto', 'bj-market', 'enterprise', 'sy-enterprise'].map((l) => demoActor(handle, l)));
  const sellerOrgId = seller?.memberships[0]?.organisationId;
  if (!seller || !operator || !szEnt || !syEnt || !sellerOrgId) {
    return none;
  }
  const [existing] = await handle.db.select({ id: auctions.id }).from(auctions).where(eq(auctions.sellerOrgId, sellerOrgId)).limit(1);
  if (existing) {
    return { ...none, liveAuctionId: existing.id };
  }
  const candidates = await handle.db
    .select()
    .from(achievements)
    .where(
      and(
        eq(achievements.ownerOrgId, sellerOrgId),
        eq(achievements.status, 'published'),
        notExists(handle.db.select({ one: marketListings.id }).from(marketListings).where(eq(marketListings.achievementId, achievements.id))),
      ),
    )
    .orderBy(asc(achievements.createdAt))
    .limit(2);
  if (candidates.length < 2) {
    return none;
  }
  const now = clock.now();
  const listingIds: string[] = [];
  for (const a of candidates) {
    const [l] = await handle.db
      .insert(marketListings)
      .values({
        chainId: a.chainId,
        achievementId: a.id,
        sellerOrgId,
        createdBy: seller.userId,
        regionCode: a.regionCode,
        title: a.title,
        mode: 'assign',
        pricing: 'negotiable',
        priceFen: 80 * WAN,
        terms: '专利权转让，拍卖成交后 30 日内签订技术转让合同并办理著录项目变更。',
        stateFunded: true,
        status: 'listed',
        listedFrom: now,
        listedUntil: new Date(now.getTime() + 90 * DAY),
      })
      .returning();
    listingIds.push(l!.id);
  }
  const increments = [
    { fromFen: 0, stepFen: 1 * WAN },
    { fromFen: 100 * WAN, stepFen: 5 * WAN },
  ];
  const live = await services.auctions.create(seller, {
    listingId: listingIds[0]!,
    startPriceFen: 50 * WAN,
    reserveFen: 60 * WAN,
    increments,
    startsAt: now.toISOString(),
    endsAt: new Date(now.getTime() + 7 * DAY).toISOString(),
    extensionMinutes: 5,
  });
  await services.auctions.schedule(seller, live.id);
  for (const [bidder, qualification] of [
    [szEnt, '深圳市鹏城智能装备有限公司：企业法人营业执照、近三年财务报表，具备技术实施能力。'],
    [syEnt, '盛京重型机械集团有限公司：企业法人营业执照、资信证明，拟用于产线升级。'],
  ] as const) {
    const reg = await services.auctions.register(bidder, live.id, { bidderOrgId: bidder.memberships[0]!.organisationId, qualification });
    await services.auctions.decide(operator, live.id, reg.id, 'approved', null);
    await services.auctions.recordDeposit(operator, live.id, reg.id, { entry: 'held', amountFen: live.depositFen, reference: `DEMO-${reg.paddleNo}` });
  }
  const upcoming = await services.auctions.create(seller, {
    listingId: listingIds[1]!,
    startPriceFen: 30 * WAN,
    reserveFen: null,
    increments,
    startsAt: new Date(now.getTime() + 2 * DAY).toISOString(),
    endsAt: new Date(now.getTime() + 3 * DAY).toISOString(),
    extensionMinutes: 5,
  });
  await services.auctions.schedule(seller, upcoming.id);
  onProgress?.('demo auctions: one live (2 bidders approved, deposits held), one upcoming');
  return { created: true, liveAuctionId: live.id, upcomingAuctionId: upcoming.id };
}
