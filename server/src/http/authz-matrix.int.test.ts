import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AchievementStatus } from '#shared/contracts/achievements.contract';
import type { DemandStatus } from '#shared/contracts/demands.contract';
import { newChainId } from '#server/lib/ids';
import { achievementAccessRequests, achievements } from '#server/modules/achievements/achievements.tables';
import { roleAssignments } from '#server/modules/auth/auth.tables';
import { systemActor } from '#server/modules/auth/index';
import { demands, expertProfiles } from '#server/modules/demands/demands.tables';
import { savedSearches } from '#server/modules/matching/matching.tables';
import { notifications } from '#server/modules/notifications/notifications.tables';
import { marketDeals, marketListings, marketMessages, marketOffers } from '#server/modules/market/market.tables';
import { tenderProposals, tenders } from '#server/modules/tenders/tenders.tables';
import { auctionRegistrations, auctions } from '#server/modules/auctions/auctions.tables';
import { insertOrganisation, insertUser, makeCreditCode, type InsertUserInput } from '#server/test-factories';
import { createTestApp, TEST_PASSWORD, type Agent, type TestApp } from '#server/test-app';

/**
 * Authorization matrix: every /api/v1 endpoint × every kind of actor → the expected outcome.
 * A new endpoint without a row fails the coverage test at the bottom.
 */

const ACTORS = [
  'anonymous',
  'visitor',
  'researcher',
  'enterprise_member',
  'investor',
  'broker',
  'tto_officer',
  'registrar',
  'market_operator_bj',
  'regional_admin_bj',
  'regional_admin_gd',
  'platform_admin',
] as const;
type ActorKey = (typeof ACTORS)[number];
type SignedInKey = Exclude<ActorKey, 'anonymous'>;

/**
 * 'ok' = any 2xx; a number = that exact status; `'<status> <code>'` = that status and error code.
 * A bare 401 must be common/unauthenticated and a bare 403 common/forbidden.
 */
type Outcome = 'ok' | 200 | 201 | 401 | 403 | `${401 | 403 | 404} ${string}`;

type Ctx = {
  /** 北京 海淀 (110108), verified; the TTO officer is a plain member of it. */
  bjOrg: string;
  /** 北京 海淀 (110108), pending: visible only to its region's administrators. */
  bjPendingOrg: string;
  /** 广东 深圳 南山 (440305), verified. */
  gdOrg: string;
  /** Plain users homed in 110108 and 440305. */
  bjUser: string;
  gdUser: string;
  agents: Record<SignedInKey, Agent>;
};
/** Per-cell fixtures created by a row's `setup`. */
type Fx = Record<string, string>;

type Row = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The route pattern exactly as registered (checked against the app's route table). */
  route: string;
  /** Which variant of the route the row exercises, when there are several. */
  note?: string;
  url: (ctx: Ctx, fx: Fx) => string;
  body?: (ctx: Ctx, fx: Fx) => unknown;
  /** Request headers (e.g. the content type of a raw file upload). */
  headers?: Record<string, string>;
  /** Fresh targets for each cell, so a successful write in one cell cannot change another. */
  setup?: (ctx: Ctx, agent: Agent | undefined) => Promise<Fx>;
  /** Act as a freshly signed-in copy of the actor (for requests that end the caller's sessions or change what the caller owns). */
  freshAgent?: boolean;
  expect: Record<ActorKey, Outcome>;
};

// ---------------------------------------------------------------------------------------------
// Expectation builders

const everyone = (o: Outcome) => Object.fromEntries(ACTORS.map((a) => [a, o])) as Record<ActorKey, Outcome>;
/** Anonymous 401, every signed-in actor `o`. */
const signedIn = (o: Outcome) => ({ ...everyone(o), anonymous: 401 as Outcome });
/** Anonymous 401, the listed actors as given, every other signed-in actor `denied`. */
const only = (allowed: Partial<Record<SignedInKey, Outcome>>, denied: Outcome = 403) => ({ ...signedIn(denied), ...allowed });

const PLATFORM_ADMIN_ONLY = only({ platform_admin: 200 });
const OUT_OF_SCOPE = '403 auth/region_out_of_scope' as const;
const USER_HIDDEN = '404 auth/user_not_found' as const;
const ORG_HIDDEN = '404 organisation/not_found' as const;
const ACHIEVEMENT_HIDDEN = '404 achievement/not_found' as const;
const DETAIL_RESTRICTED = '403 achievement/detail_restricted' as const;
const DEMAND_HIDDEN = '404 demand/not_found' as const;
const EXPERT_HIDDEN = '404 expert/not_found' as const;

let t: TestApp;
let ctx: Ctx;

// Fresh fixtures -------------------------------------------------------------------------------

let n = 0;
const uniq = () => `${Date.now().toString(36)}-${(n++).toString(36)}`;

async function freshUser(regionCode: string, extra: InsertUserInput = {}) {
  return insertUser(t.handle.db, { email: `target-${uniq()}@matrix.test`, regionCode, ...extra });
}

/** A verified organisation with an owner and a plain member. */
async function orgWithMember(regionCode: string): Promise<Fx> {
  const org = await insertOrganisation(t.handle.db, { regionCode, status: 'verified' });
  await freshUser(regionCode, { orgs: [{ organisationId: org.id, role: 'owner' }] });
  const member = await freshUser(regionCode, { orgs: [{ organisationId: org.id, role: 'member' }] });
  return { orgId: org.id, memberId: member.id };
}

async function userWithResearcherRole(regionCode: string): Promise<Fx> {
  const u = await freshUser(regionCode, { roles: [{ role: 'researcher' }] });
  const [assignment] = await t.handle.db.select().from(roleAssignments).where(eq(roleAssignments.userId, u.id));
  return { userId: u.id, assignmentId: assignment!.id };
}

/** The 北京 university (the TTO officer's) or the 广东 enterprise (no actor belongs to it), with its region. */
type Place = 'bj' | 'gd';
const placeOf = (c: Ctx, p: Place) => (p === 'bj' ? { orgId: c.bjOrg, regionCode: '110108' } : { orgId: c.gdOrg, regionCode: '440305' });

/** An achievement in `status`, straight into the table (the rows exercise the workflow itself). */
async function achievementIn(c: Ctx, place: Place, status: AchievementStatus): Promise<Fx> {
  const now = new Date();
  const [row] = await t.handle.db
    .insert(achievements)
    .values({
      chainId: newChainId('A', now),
      ownerOrgId: placeOf(c, place).orgId,
      regionCode: placeOf(c, place).regionCode,
      title: '权限矩阵测试成果',
      abstract: '用于权限矩阵测试的成果摘要，长度足够。',
      detail: '保密部分：工艺参数',
      status,
      ...(status === 'published' ? { publishedAt: now, confirmedAt: now } : {}),
    })
    .returning();
  return { id: row!.id };
}

/** A published 北京 achievement with an access request by `requesterId` (a fresh outsider when absent). */
async function achievementWithRequest(c: Ctx, requesterId: string | undefined, status: 'pending' | 'granted'): Promise<Fx> {
  const { id } = await achievementIn(c, 'bj', 'published');
  const requester = requesterId ?? (await freshUser('440305')).id;
  const [row] = await t.handle.db
    .insert(achievementAccessRequests)
    .values({ achievementId: id!, requesterId: requester, ndaAcceptedAt: new Date(), status })
    .returning();
  return { id: id!, requestId: row!.id };
}

/** A demand in `status`, straight into the table. */
async function demandIn(c: Ctx, place: Place, status: DemandStatus): Promise<Fx> {
  const now = new Date();
  const [row] = await t.handle.db
    .insert(demands)
    .values({
      chainId: newChainId('D', now),
      ownerOrgId: placeOf(c, place).orgId,
      regionCode: placeOf(c, place).regionCode,
      title: '权限矩阵测试需求',
      description: '用于权限矩阵测试的需求描述，长度足够。',
      status,
      ...(status === 'draft' ? {} : { publishedAt: now }),
    })
    .returning();
  return { id: row!.id };
}

/** An expert profile of `userId` (a fresh user when absent). */
async function expertProfileOf(userId: string | undefined, isPublic: boolean, extra: InsertUserInput = {}): Promise<Fx> {
  const id = userId ?? (await freshUser('110108', extra)).id;
  await t.handle.db.insert(expertProfiles).values({ userId: id, title: '研究员', domainCodes: ['TD07'], isPublic });
  return { userId: id };
}

/** A saved search owned by `userId` (a fresh user when absent). */
async function savedSearchOf(userId: string | undefined): Promise<Fx> {
  const id = userId ?? (await freshUser('110108')).id;
  const [row] = await t.handle.db.insert(savedSearches).values({ userId: id, name: '矩阵订阅', query: '电池' }).returning();
  return { id: row!.id };
}

/** An unread notification of `userId` (a fresh user when absent). */
async function notificationOf(userId: string | undefined): Promise<Fx> {
  const id = userId ?? (await freshUser('110108')).id;
  const [row] = await t.handle.db.insert(notifications).values({ userId: id, kind: 'saved_search_match', title: '矩阵通知', body: '正文', dedupeKey: `matrix:${uniq()}` }).returning();
  return { id: row!.id };
}

async function tokenOf(agent: Agent): Promise<string> {
  const res = await t.request('POST', '/api/v1/auth/tokens', { as: agent, body: { name: `matrix-${uniq()}`, scopes: ['read'] } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}


// Market (listings, offers, deals) fixtures ---------------------------------------------------------

/** A listing of a fresh published 北京 achievement by the 北京 university (the TTO officer's), straight into the table. */
async function marketListingIn(c: Ctx, status: 'draft' | 'listed'): Promise<Fx> {
  const { id: achievementId } = await achievementIn(c, 'bj', 'published');
  const now = Date.now();
  const [row] = await t.handle.db
    .insert(marketListings)
    .values({
      chainId: newChainId('A', new Date(now)),
      achievementId: achievementId!,
      sellerOrgId: c.bjOrg,
      regionCode: '110108',
      title: '权限矩阵测试挂牌',
      mode: 'assign',
      pricing: 'negotiable',
      priceFen: 10_000_000,
      stateFunded: true,
      status,
      listedFrom: status === 'listed' ? new Date(now - 86_400_000) : null,
      listedUntil: new Date(now + 30 * 86_400_000),
    })
    .returning();
  return { id: row!.id };
}

/** A listed listing with an open offer from the 广东 enterprise (no actor belongs to it). */
async function marketOfferOn(c: Ctx): Promise<Fx> {
  const { id } = await marketListingIn(c, 'listed');
  const [o] = await t.handle.db
    .insert(marketOffers)
    .values({ listingId: id!, buyerOrgId: c.gdOrg, fromSide: 'buyer', amountFen: 9_000_000, respondBy: new Date(Date.now() + 7 * 86_400_000), createdBy: c.gdUser })
    .returning();
  return { id: id!, offerId: o!.id };
}

/** A deal (北京 university sells to the 广东 enterprise) awaiting its notice, with one shared document. */
async function marketDealIn(c: Ctx): Promise<Fx> {
  const { id: listingId, offerId } = await marketOfferOn(c);
  const [d] = await t.handle.db
    .insert(marketDeals)
    .values({
      dealNo: `JY-M-${uniq()}`,
      chainId: newChainId('A', new Date()),
      listingId: listingId!,
      offerId: offerId!,
      sellerOrgId: c.bjOrg,
      buyerOrgId: c.gdOrg,
      title: '权限矩阵测试交易',
      transferMode: 'assign',
      pricingMethod: 'negotiated',
      priceFen: 9_000_000,
      commissionFen: 90_000,
      stateFunded: true,
      status: 'awaiting_notice',
    })
    .returning();
  const [m] = await t.handle.db
    .insert(marketMessages)
    .values({ dealId: d!.id, authorId: c.gdUser, body: '附件', document: { name: 'a.txt', mediaType: 'text/plain', size: 2, sha256: 'x' }, documentContent: Buffer.from('hi').toString('base64') })
    .returning();
  return { id: d!.id, messageId: m!.id };
}

const LISTING_HIDDEN = '404 market/listing_not_found' as const;
const DEAL_HIDDEN = '404 market/deal_not_found' as const;
/** Seen by the deal's seller side, the 北京 market operator and platform administrators. */
const MARKET_DEAL_READERS = only({ tto_officer: 200, market_operator_bj: 200, platform_admin: 200 }, DEAL_HIDDEN);
/** Offers between the 北京 university and the 广东 enterprise: only the seller side sees them. */
const MARKET_OFFER_HIDDEN = '404 market/offer_not_found' as const;
let marketFeeDay = 0;

/** A negotiated deal of the 北京 university (state-funded) with the 广东 enterprise, awaiting its notice. */
async function noticesDealAwaiting(c: Ctx): Promise<Fx> {
  const deal = await t.handle.db.transaction((tx) =>
    t.services.deals.open(tx, systemActor('matrix'), {
      chainId: newChainId('A', new Date()),
      title: '权限矩阵公示成果',
      sellerOrgId: c.bjOrg,
      buyerOrgId: c.gdOrg,
      transferMode: 'assign',
      pricingMethod: 'negotiated',
      priceFen: 50_000_00,
      stateFunded: true,
    }),
  );
  return { dealId: deal.id };
}
const noticesPublishBody = (dealId: string) => ({ dealId, contributors: '王磊、赵强', objectionChannel: '公示期内书面向技术转移中心提出，电话 010-12345678' });

/** An open notice published by the university's TTO officer, optionally with one pending objection. */
async function noticesOpen(c: Ctx, withObjection = false): Promise<Fx> {
  const { dealId } = await noticesDealAwaiting(c);
  const res = await t.request('POST', '/api/v1/notices', { as: c.agents.tto_officer, body: noticesPublishBody(dealId!) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  if (!withObjection) {
    return { id: res.body.id };
  }
  const o = await t.request('POST', `/api/v1/notices/${res.body.id}/objections`, { body: { submitterName: '矩阵', submitterContact: 'matrix@example.cn', body: '权限矩阵测试异议内容。' } });
  expect(o.status, JSON.stringify(o.body)).toBe(201);
  return { id: res.body.id, objectionId: o.body.id };
}
/** Seller side (the TTO officer), the 北京 market operator and platform administrators. */
const NOTICE_DECIDERS = only({ tto_officer: 200, market_operator_bj: 200, platform_admin: 200 });
const CALENDAR_KEEPERS = only({ market_operator_bj: 200, platform_admin: 200 });

// Tenders fixtures ------------------------------------------------------------------------------

type TenderFxStatus = 'draft' | 'open' | 'opened';
const TENDER_PRICE_ONLY = [{ key: 'price', label: '报价', weight: 100, kind: 'price' as const }];
const TENDER_MANUAL_ONLY = [{ key: 'tech', label: '技术方案', weight: 100, kind: 'manual' as const }];

/**
 * A tender of the 北京 university (the TTO officer's: the buyer) or of the 广东 enterprise (nobody's),
 * on a fresh published demand, straight into the table; `opened` ones carry one opened proposal of
 * the other organisation, fully scored when `scored`.
 */
async function tenderIn(c: Ctx, place: Place, status: TenderFxStatus, opts: { manual?: boolean; scored?: boolean } = {}): Promise<Fx> {
  const { id: demandId } = await demandIn(c, place, 'published');
  const now = Date.now();
  const [row] = await t.handle.db
    .insert(tenders)
    .values({
      chainId: newChainId('D', new Date(now)),
      demandId: demandId!,
      buyerOrgId: placeOf(c, place).orgId,
      regionCode: placeOf(c, place).regionCode,
      title: '权限矩阵测试招标',
      description: '用于权限矩阵测试的招标。',
      criteria: opts.manual ? TENDER_MANUAL_ONLY : TENDER_PRICE_ONLY,
      budgetMaxFen: 10_000_000,
      deadline: new Date(status === 'opened' ? now - 60_000 : now + 86_400_000),
      status,
      ...(status === 'opened' ? { openedAt: new Date(now - 30_000) } : {}),
    })
    .returning();
  if (status !== 'opened') {
    return { id: row!.id };
  }
  const bidder = place === 'bj' ? { org: c.gdOrg, user: c.gdUser } : { org: c.bjOrg, user: c.bjUser };
  const [p] = await t.handle.db
    .insert(tenderProposals)
    .values({
      tenderId: row!.id,
      bidderOrgId: bidder.org,
      priceFen: 5_000_000,
      terms: '一次性付款',
      technicalProposal: '矩阵测试方案',
      status: 'opened',
      scores: opts.manual ? (opts.scored ? { tech: 8_000 } : null) : { price: 10_000 },
      totalScoreX100: opts.manual && !opts.scored ? 0 : 10_000,
      rank: 1,
      submittedBy: bidder.user,
    })
    .returning();
  return { id: row!.id, proposalId: p!.id };
}

/** An open 广东 tender with a sealed proposal of the 北京 university (the TTO officer's organisation). */
async function tenderWithBjProposal(c: Ctx): Promise<Fx> {
  const { id } = await tenderIn(c, 'gd', 'open');
  const [p] = await t.handle.db
    .insert(tenderProposals)
    .values({ tenderId: id!, bidderOrgId: c.bjOrg, priceFen: 1_000_000, terms: '一次性付款', technicalProposal: '矩阵测试方案', submittedBy: c.agents.tto_officer.userId })
    .returning();
  return { id: id!, proposalId: p!.id };
}

const TENDER_HIDDEN = '404 tender/not_found' as const;
const tenderBody = (demandId: string) => ({
  demandId,
  title: '权限矩阵测试招标',
  description: '用于权限矩阵测试的招标。',
  criteria: TENDER_PRICE_ONLY,
  deadline: new Date(Date.now() + 2 * 86_400_000).toISOString(),
});
const proposalBody = () => ({ priceFen: 1_000_000, terms: '一次性付款', technicalProposal: '矩阵测试方案' });

/** An auction of a fresh listing of the 北京 university (tto_officer's) or the 广东 enterprise, straight into the tables. */
async function auctionsFixture(c: Ctx, place: Place, phase: 'draft' | 'upcoming' | 'live' | 'closed' | 'cancelled'): Promise<Fx> {
  const db = t.handle.db;
  const now = Date.now();
  const { id: achievementId } = await achievementIn(c, place, 'published');
  const { orgId, regionCode } = placeOf(c, place);
  const [l] = await db
    .insert(marketListings)
    .values({ chainId: newChainId('A', new Date()), achievementId: achievementId!, sellerOrgId: orgId, regionCode, title: '矩阵拍卖', mode: 'assign', pricing: 'negotiable', stateFunded: place === 'bj', status: phase === 'draft' ? 'listed' : 'in_auction' })
    .returning();
  const startsAt = new Date(phase === 'live' || phase === 'closed' ? now - 3_600_000 : now + 3_600_000);
  const endsAt = new Date(phase === 'closed' ? now - 60_000 : now + 7_200_000);
  const status = ({ draft: 'draft', upcoming: 'scheduled', live: 'scheduled', closed: 'closed_unsold', cancelled: 'cancelled' } as const)[phase];
  const [a] = await db
    .insert(auctions)
    .values({ chainId: l!.chainId, listingId: l!.id, sellerOrgId: orgId, regionCode, title: '矩阵拍卖', startPriceFen: 1_000_000, increments: [{ fromFen: 0, stepFen: 10_000 }], depositFen: 1_000_000, startsAt, endsAt, scheduledEndsAt: endsAt, extensionMinutes: 5, status, ...(phase === 'closed' ? { closedAt: new Date() } : {}) })
    .returning();
  return { id: a!.id };
}

/** A live 北京 auction with a registration of the 广东 enterprise (pending or approved). */
async function auctionsRegistration(c: Ctx, status: 'pending' | 'approved'): Promise<Fx> {
  const { id } = await auctionsFixture(c, 'bj', 'live');
  const [r] = await t.handle.db.insert(auctionRegistrations).values({ auctionId: id!, bidderOrgId: c.gdOrg, userId: c.gdUser, paddleNo: 101, qualification: '营业执照', status }).returning();
  return { id: id!, registrationId: r!.id };
}

const AUCTION_HIDDEN = '404 auction/not_found' as const;
const AUCTION_OPERATOR = only({ market_operator_bj: 200, platform_admin: 200 });

// ---------------------------------------------------------------------------------------------
// The matrix

// Registrations fixtures -----------------------------------------------------------------------------

/** An application of the 北京 university (the TTO officer's) to the 广东 enterprise, brought to `status` through the API. */
async function registrationIn(c: Ctx, status: 'draft' | 'submitted' | 'registered' | 'change_requested'): Promise<Fx> {
  const body = {
    projectName: '权限矩阵技术合同',
    subtype: 'SVC',
    summary: '为受让方提供工艺优化技术服务，降低能耗 10% 以上。',
    seller: { organisationId: c.bjOrg, name: '北京海淀测试大学', type: 'university' },
    buyer: { organisationId: c.gdOrg, name: '深圳南山测试企业', type: 'enterprise' },
    technologyDomain: 'TD02',
    industryCode: '35',
    socioEconomicObjective: 'SE06',
    signedOn: '2026-01-10',
    validFrom: '2026-01-10',
    validTo: '2030-01-09',
    paymentMethod: 'lump_sum',
    contractAmountFen: 100_000_00,
    techAmountFen: 100_000_00,
  };
  const created = await t.request('POST', '/api/v1/registrations', { as: c.agents.tto_officer, body });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as string;
  if (status !== 'draft') {
    const s = await t.request('POST', `/api/v1/registrations/${id}/submit`, { as: c.agents.tto_officer });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
  }
  let registrationNo = '';
  if (status === 'registered' || status === 'change_requested') {
    const r = await t.request('POST', `/api/v1/registrations/${id}/decision`, { as: c.agents.registrar, body: { action: 'register', outcome: 'full' } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    registrationNo = r.body.registrationNo;
  }
  if (status === 'change_requested') {
    const q = await t.request('POST', `/api/v1/registrations/${id}/change-request`, { as: c.agents.tto_officer, body: { kind: 'cancel', reason: '双方协议解除' } });
    expect(q.status, JSON.stringify(q.body)).toBe(200);
  }
  return { id, registrationNo };
}
const REGISTRATION_HIDDEN = '404 registration/not_found' as const;
/** The applicant (the TTO officer), the 北京 registrar (the point is in 海淀) and platform administrators. */
const REGISTRATION_READERS = only({ tto_officer: 200, registrar: 200, platform_admin: 200 }, REGISTRATION_HIDDEN);
/** Statistics: platform administrators and regional roles (their own region). */
const STATISTICS_READERS = only({ registrar: 200, market_operator_bj: 200, regional_admin_bj: 200, regional_admin_gd: 200, platform_admin: 200 });

const ROWS: Row[] = [
  // Public reference and platform data: open to everyone.
  { method: 'GET', route: '/api/v1/health', url: () => '/api/v1/health', expect: everyone(200) },
  { method: 'GET', route: '/api/v1/config', url: () => '/api/v1/config', expect: everyone(200) },
  { method: 'GET', route: '/api/v1/platform/figures', url: () => '/api/v1/platform/figures', expect: everyone(200) },
  { method: 'GET', route: '/api/v1/code-lists', url: () => '/api/v1/code-lists', expect: everyone(200) },
  { method: 'GET', route: '/api/v1/code-lists/:name', url: () => '/api/v1/code-lists/trl', expect: everyone(200) },
  { method: 'GET', route: '/api/v1/regions/:code', url: () => '/api/v1/regions/110108', expect: everyone(200) },

  // Sign-up and sign-in are the two writes open to anonymous visitors.
  {
    method: 'POST',
    route: '/api/v1/auth/register',
    setup: async () => ({ email: `reg-${uniq()}@matrix.test` }),
    url: () => '/api/v1/auth/register',
    body: (_c, fx) => ({ email: fx.email, password: 'Register2026!ok', displayName: '新用户' }),
    expect: everyone(201),
  },
  {
    method: 'POST',
    route: '/api/v1/auth/login',
    setup: async () => ({ email: (await freshUser('110108')).email }),
    url: () => '/api/v1/auth/login',
    body: (_c, fx) => ({ email: fx.email, password: TEST_PASSWORD }),
    expect: everyone(200),
  },
  // Logging out without a session is a harmless no-op (it only clears cookies).
  { method: 'POST', route: '/api/v1/auth/logout', freshAgent: true, url: () => '/api/v1/auth/logout', expect: everyone(200) },

  // The signed-in user's own account.
  { method: 'GET', route: '/api/v1/auth/session', url: () => '/api/v1/auth/session', expect: signedIn(200) },
  { method: 'GET', route: '/api/v1/auth/me', url: () => '/api/v1/auth/me', expect: signedIn(200) },
  {
    method: 'PATCH',
    route: '/api/v1/auth/profile',
    url: () => '/api/v1/auth/profile',
    body: () => ({ displayName: '矩阵测试' }),
    expect: signedIn(200),
  },
  {
    method: 'POST',
    route: '/api/v1/auth/password',
    freshAgent: true,
    url: () => '/api/v1/auth/password',
    body: () => ({ currentPassword: TEST_PASSWORD, newPassword: 'Changed2026!matrix' }),
    expect: signedIn(200),
  },
  { method: 'GET', route: '/api/v1/auth/tokens', url: () => '/api/v1/auth/tokens', expect: signedIn(200) },
  {
    method: 'POST',
    route: '/api/v1/auth/tokens',
    url: () => '/api/v1/auth/tokens',
    body: () => ({ name: 'matrix', scopes: ['read'] }),
    expect: signedIn(201),
  },
  {
    method: 'DELETE',
    route: '/api/v1/auth/tokens/:id',
    note: 'own token',
    setup: async (c, agent) => ({ tokenId: await tokenOf(agent ?? c.agents.visitor) }),
    url: (_c, fx) => `/api/v1/auth/tokens/${fx.tokenId}`,
    expect: signedIn(200),
  },
  {
    method: 'DELETE',
    route: '/api/v1/auth/tokens/:id',
    note: "the platform admin's token",
    setup: async (c) => ({ tokenId: await tokenOf(c.agents.platform_admin) }),
    url: (_c, fx) => `/api/v1/auth/tokens/${fx.tokenId}`,
    expect: only({ platform_admin: 200 }, '404 auth/token_not_found'),
  },

  // Audit trail: platform administrators only.
  { method: 'GET', route: '/api/v1/audit/verify', url: () => '/api/v1/audit/verify', expect: PLATFORM_ADMIN_ONLY },
  { method: 'GET', route: '/api/v1/audit/events', url: () => '/api/v1/audit/events', expect: PLATFORM_ADMIN_ONLY },

  // User administration: platform admins everywhere, regional admins inside their region.
  {
    method: 'GET',
    route: '/api/v1/admin/users',
    url: () => '/api/v1/admin/users',
    expect: only({ regional_admin_bj: 200, regional_admin_gd: 200, platform_admin: 200 }),
  },
  {
    method: 'GET',
    route: '/api/v1/admin/users',
    note: '?regionCode=440000',
    url: () => '/api/v1/admin/users?regionCode=440000',
    expect: only({ regional_admin_bj: OUT_OF_SCOPE, regional_admin_gd: 200, platform_admin: 200 }),
  },
  {
    method: 'GET',
    route: '/api/v1/admin/users',
    note: '?regionCode=110108',
    url: () => '/api/v1/admin/users?regionCode=110108',
    expect: only({ regional_admin_bj: 200, regional_admin_gd: OUT_OF_SCOPE, platform_admin: 200 }),
  },
  {
    method: 'GET',
    route: '/api/v1/admin/users/:id',
    note: '北京 user',
    url: (c) => `/api/v1/admin/users/${c.bjUser}`,
    expect: only({ regional_admin_bj: 200, regional_admin_gd: USER_HIDDEN, platform_admin: 200 }),
  },
  {
    method: 'GET',
    route: '/api/v1/admin/users/:id',
    note: '广东 user',
    url: (c) => `/api/v1/admin/users/${c.gdUser}`,
    expect: only({ regional_admin_bj: USER_HIDDEN, regional_admin_gd: 200, platform_admin: 200 }),
  },
  {
    method: 'POST',
    route: '/api/v1/admin/users/:id/roles',
    note: '北京 user, researcher',
    setup: async () => ({ userId: (await freshUser('110108')).id }),
    url: (_c, fx) => `/api/v1/admin/users/${fx.userId}/roles`,
    body: () => ({ role: 'researcher' }),
    expect: only({ regional_admin_bj: 200, regional_admin_gd: USER_HIDDEN, platform_admin: 200 }),
  },
  {
    method: 'POST',
    route: '/api/v1/admin/users/:id/roles',
    note: '北京 user, registrar of 广东',
    setup: async () => ({ userId: (await freshUser('110108')).id }),
    url: (_c, fx) => `/api/v1/admin/users/${fx.userId}/roles`,
    body: () => ({ role: 'registrar', regionCode: '440000' }),
    expect: only({ regional_admin_bj: OUT_OF_SCOPE, regional_admin_gd: USER_HIDDEN, platform_admin: 200 }),
  },
  {
    method: 'POST',
    route: '/api/v1/admin/users/:id/roles',
    note: '北京 user, regional_admin of 北京 (a peer)',
    setup: async () => ({ userId: (await freshUser('110108')).id }),
    url: (_c, fx) => `/api/v1/admin/users/${fx.userId}/roles`,
    body: () => ({ role: 'regional_admin', regionCode: '110000' }),
    expect: only({ regional_admin_bj: OUT_OF_SCOPE, regional_admin_gd: USER_HIDDEN, platform_admin: 200 }),
  },
  {
    method: 'DELETE',
    route: '/api/v1/admin/users/:id/roles/:assignmentId',
    note: '北京 user',
    setup: () => userWithResearcherRole('110108'),
    url: (_c, fx) => `/api/v1/admin/users/${fx.userId}/roles/${fx.assignmentId}`,
    expect: only({ regional_admin_bj: 200, regional_admin_gd: USER_HIDDEN, platform_admin: 200 }),
  },
  {
    method: 'DELETE',
    route: '/api/v1/admin/users/:id/roles/:assignmentId',
    note: '广东 user',
    setup: () => userWithResearcherRole('440305'),
    url: (_c, fx) => `/api/v1/admin/users/${fx.userId}/roles/${fx.assignmentId}`,
    expect: only({ regional_admin_bj: USER_HIDDEN, regional_admin_gd: 200, platform_admin: 200 }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/admin/users/:id/status',
    note: '北京 user',
    setup: async () => ({ userId: (await freshUser('110108')).id }),
    url: (_c, fx) => `/api/v1/admin/users/${fx.userId}/status`,
    body: () => ({ status: 'disabled' }),
    expect: only({ regional_admin_bj: 200, regional_admin_gd: USER_HIDDEN, platform_admin: 200 }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/admin/users/:id/status',
    note: '广东 user',
    setup: async () => ({ userId: (await freshUser('440305')).id }),
    url: (_c, fx) => `/api/v1/admin/users/${fx.userId}/status`,
    body: () => ({ status: 'disabled' }),
    expect: only({ regional_admin_bj: USER_HIDDEN, regional_admin_gd: 200, platform_admin: 200 }),
  },

  // Organisations.
  { method: 'GET', route: '/api/v1/organisations', url: () => '/api/v1/organisations', expect: everyone(200) },
  {
    method: 'POST',
    route: '/api/v1/organisations',
    url: () => '/api/v1/organisations',
    body: () => ({ name: `矩阵测试机构-${uniq()}`, type: 'enterprise', regionCode: '110108', creditCode: makeCreditCode('110108') }),
    expect: signedIn(201),
  },
  {
    method: 'GET',
    route: '/api/v1/organisations/:id',
    note: 'verified, 广东',
    url: (c) => `/api/v1/organisations/${c.gdOrg}`,
    expect: everyone(200),
  },
  {
    method: 'GET',
    route: '/api/v1/organisations/:id',
    note: 'pending, 北京',
    url: (c) => `/api/v1/organisations/${c.bjPendingOrg}`,
    expect: { ...everyone(ORG_HIDDEN), regional_admin_bj: 200, platform_admin: 200 },
  },
  {
    method: 'PATCH',
    route: '/api/v1/organisations/:id',
    note: 'verified, 北京',
    url: (c) => `/api/v1/organisations/${c.bjOrg}`,
    body: () => ({ description: '权限矩阵测试' }),
    expect: only({ regional_admin_bj: 200, platform_admin: 200 }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/organisations/:id',
    note: 'verified, 广东',
    url: (c) => `/api/v1/organisations/${c.gdOrg}`,
    body: () => ({ description: '权限矩阵测试' }),
    expect: only({ regional_admin_gd: 200, platform_admin: 200 }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/organisations/:id',
    note: 'pending, 北京',
    url: (c) => `/api/v1/organisations/${c.bjPendingOrg}`,
    body: () => ({ description: '权限矩阵测试' }),
    expect: only({ regional_admin_bj: 200, platform_admin: 200 }, ORG_HIDDEN),
  },
  {
    method: 'POST',
    route: '/api/v1/organisations/:id/status',
    note: 'verified, 北京',
    setup: async () => ({ orgId: (await insertOrganisation(t.handle.db, { regionCode: '110108' })).id }),
    url: (_c, fx) => `/api/v1/organisations/${fx.orgId}/status`,
    body: () => ({ status: 'suspended' }),
    expect: only({ regional_admin_bj: 200, platform_admin: 200 }, OUT_OF_SCOPE),
  },
  {
    method: 'POST',
    route: '/api/v1/organisations/:id/status',
    note: 'verified, 广东',
    setup: async () => ({ orgId: (await insertOrganisation(t.handle.db, { regionCode: '440305' })).id }),
    url: (_c, fx) => `/api/v1/organisations/${fx.orgId}/status`,
    body: () => ({ status: 'suspended' }),
    expect: only({ regional_admin_gd: 200, platform_admin: 200 }, OUT_OF_SCOPE),
  },
  {
    method: 'GET',
    route: '/api/v1/organisations/:id/members',
    note: '北京, the TTO officer is a member',
    url: (c) => `/api/v1/organisations/${c.bjOrg}/members`,
    expect: only({ tto_officer: 200, regional_admin_bj: 200, platform_admin: 200 }),
  },
  {
    method: 'GET',
    route: '/api/v1/organisations/:id/members',
    note: '广东',
    url: (c) => `/api/v1/organisations/${c.gdOrg}/members`,
    expect: only({ regional_admin_gd: 200, platform_admin: 200 }),
  },
  {
    method: 'POST',
    route: '/api/v1/organisations/:id/members',
    note: '北京',
    setup: async () => ({
      orgId: (await insertOrganisation(t.handle.db, { regionCode: '110108' })).id,
      email: (await freshUser('110108')).email,
    }),
    url: (_c, fx) => `/api/v1/organisations/${fx.orgId}/members`,
    body: (_c, fx) => ({ email: fx.email, role: 'member' }),
    expect: only({ regional_admin_bj: 201, platform_admin: 201 }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/organisations/:id/members/:userId',
    note: '北京',
    setup: () => orgWithMember('110108'),
    url: (_c, fx) => `/api/v1/organisations/${fx.orgId}/members/${fx.memberId}`,
    body: () => ({ role: 'admin' }),
    expect: only({ regional_admin_bj: 200, platform_admin: 200 }),
  },
  {
    method: 'DELETE',
    route: '/api/v1/organisations/:id/members/:userId',
    note: '广东',
    setup: () => orgWithMember('440305'),
    url: (_c, fx) => `/api/v1/organisations/${fx.orgId}/members/${fx.memberId}`,
    expect: only({ regional_admin_gd: 200, platform_admin: 200 }),
  },

  // Achievements (科技成果). Published listings are public; other statuses are seen by the owner side
  // (members and TTO officers of the owning organisation) and administrators of the listing's
  // region, and hidden (404) from everyone else. Editing, access requests and the funnel belong to
  // the owner side; administrators moderate (approve, return, withdraw, archive) but never edit.
  { method: 'GET', route: '/api/v1/achievements', url: () => '/api/v1/achievements', expect: everyone(200) },
  // Search covers published listings only, so it is public (rate-limited per client when RATE_LIMIT is on).
  { method: 'GET', route: '/api/v1/achievements/search', url: () => '/api/v1/achievements/search?q=%E7%94%B5%E6%B1%A0', expect: everyone(200) },
  { method: 'GET', route: '/api/v1/achievements', note: '?mine=true', url: () => '/api/v1/achievements?mine=true', expect: signedIn(200) },
  {
    method: 'POST',
    route: '/api/v1/achievements',
    note: 'for the 北京 university',
    url: () => '/api/v1/achievements',
    body: (c) => ({ ownerOrgId: c.bjOrg, title: '权限矩阵测试成果', abstract: '用于权限矩阵测试的成果摘要，长度足够。' }),
    expect: only({ tto_officer: 201 }),
  },
  {
    method: 'POST',
    route: '/api/v1/achievements',
    note: 'for the 广东 enterprise',
    url: () => '/api/v1/achievements',
    body: (c) => ({ ownerOrgId: c.gdOrg, title: '权限矩阵测试成果', abstract: '用于权限矩阵测试的成果摘要，长度足够。' }),
    expect: only({}),
  },
  {
    method: 'GET',
    route: '/api/v1/achievements/:id',
    note: 'published, 北京',
    setup: (c) => achievementIn(c, 'bj', 'published'),
    url: (_c, fx) => `/api/v1/achievements/${fx.id}`,
    expect: everyone(200),
  },
  {
    method: 'GET',
    route: '/api/v1/achievements/:id',
    note: 'draft, 北京',
    setup: (c) => achievementIn(c, 'bj', 'draft'),
    url: (_c, fx) => `/api/v1/achievements/${fx.id}`,
    expect: { ...everyone(ACHIEVEMENT_HIDDEN), tto_officer: 200, regional_admin_bj: 200, platform_admin: 200 },
  },
  {
    method: 'GET',
    route: '/api/v1/achievements/:id',
    note: 'submitted, 广东',
    setup: (c) => achievementIn(c, 'gd', 'submitted'),
    url: (_c, fx) => `/api/v1/achievements/${fx.id}`,
    expect: { ...everyone(ACHIEVEMENT_HIDDEN), regional_admin_gd: 200, platform_admin: 200 },
  },
  {
    method: 'PATCH',
    route: '/api/v1/achievements/:id',
    note: 'draft, 北京',
    setup: (c) => achievementIn(c, 'bj', 'draft'),
    url: (_c, fx) => `/api/v1/achievements/${fx.id}`,
    body: () => ({ title: '权限矩阵测试改名' }),
    expect: only({ tto_officer: 200, regional_admin_bj: 403, platform_admin: 403 }, ACHIEVEMENT_HIDDEN),
  },
  {
    method: 'PATCH',
    route: '/api/v1/achievements/:id',
    note: 'draft, 广东',
    setup: (c) => achievementIn(c, 'gd', 'draft'),
    url: (_c, fx) => `/api/v1/achievements/${fx.id}`,
    body: () => ({ title: '权限矩阵测试改名' }),
    expect: only({ regional_admin_gd: 403, platform_admin: 403 }, ACHIEVEMENT_HIDDEN),
  },
  {
    method: 'POST',
    route: '/api/v1/achievements/:id/submit',
    note: 'draft, 北京',
    setup: (c) => achievementIn(c, 'bj', 'draft'),
    url: (_c, fx) => `/api/v1/achievements/${fx.id}/submit`,
    expect: only({ tto_officer: 200, regional_admin_bj: 403, platform_admin: 403 }, ACHIEVEMENT_HIDDEN),
  },
  {
    method: 'POST',
    route: '/api/v1/achievements/:id/approve',
    note: 'submitted, 北京',
    setup: (c) => achievementIn(c, 'bj', 'submitted'),
    url: (_c, fx) => `/api/v1/achievements/${fx.id}/approve`,
    body: () => ({ note: '同意发布' }),
    expect: only({ tto_officer: 200, regional_admin_bj: 200, platform_admin: 200 }, ACHIEVEMENT_HIDDEN),
  },
  {
    method: 'POST',
    route: '/api/v1/achievements/:id/approve',
    note: 'submitted, 广东',
    setup: (c) => achievementIn(c, 'gd', 'submitted'),
    url: (_c, fx) => `/api/v1/achievements/${fx.id}/approve`,
    expect: only({ regional_admin_gd: 200, platform_admin: 200 }, ACHIEVEMENT_HIDDEN),
  },
  {
    method: 'POST',
    route: '/api/v1/achievements/:id/return',
    note: 'submitted, 北京',
    setup: (c) => achievementIn(c, 'bj', 'submitted'),
    url: (_c, fx) => `/api/v1/achievements/${fx.id}/return`,
    body: () => ({ note: '请补充数据' }),
    expect: only({ tto_officer: 200, regional_admin_bj: 200, platform_admin: 200 }, ACHIEVEMENT_HIDDEN),
  },
  {
    method: 'POST',
    route: '/api/v1/achievements/:id/withdraw',
    note: 'published, 北京',
    setup: (c) => achievementIn(c, 'bj', 'published'),
    url: (_c, fx) => `/api/v1/achievements/${fx.id}/withdraw`,
    expect: only({ tto_officer: 200, regional_admin_bj: 200, platform_admin: 200 }),
  },
  {
    method: 'POST',
    route: '/api/v1/achievements/:id/withdraw',
    note: 'published, 广东',
    setup: (c) => achievementIn(c, 'gd', 'published'),
    url: (_c, fx) => `/api/v1/achievements/${fx.id}/withdraw`,
    expect: only({ regional_admin_gd: 200, platform_admin: 200 }),
  },
  {
    method: 'POST',
    route: '/api/v1/achievements/:id/withdraw',
    note: 'submitted, 北京 (back to draft: editors only)',
    setup: (c) => achievementIn(c, 'bj', 'submitted'),
    url: (_c, fx) => `/api/v1/achievements/${fx.id}/withdraw`,
    expect: only({ tto_officer: 200, regional_admin_bj: 403, platform_admin: 403 }, ACHIEVEMENT_HIDDEN),
  },
  {
    method: 'POST',
    route: '/api/v1/achievements/:id/republish',
    note: 'withdrawn, 北京',
    setup: (c) => achievementIn(c, 'bj', 'withdrawn'),
    url: (_c, fx) => `/api/v1/achievements/${fx.id}/republish`,
    expect: only({ tto_officer: 200, regional_admin_bj: 403, platform_admin: 403 }, ACHIEVEMENT_HIDDEN),
  },
  {
    method: 'POST',
    route: '/api/v1/achievements/:id/archive',
    note: 'draft, 北京',
    setup: (c) => achievementIn(c, 'bj', 'draft'),
    url: (_c, fx) => `/api/v1/achievements/${fx.id}/archive`,
    expect: only({ tto_officer: 200, regional_admin_bj: 200, platform_admin: 200 }, ACHIEVEMENT_HIDDEN),
  },
  {
    method: 'POST',
    route: '/api/v1/achievements/:id/archive',
    note: 'withdrawn, 广东',
    setup: (c) => achievementIn(c, 'gd', 'withdrawn'),
    url: (_c, fx) => `/api/v1/achievements/${fx.id}/archive`,
    expect: only({ regional_admin_gd: 200, platform_admin: 200 }, ACHIEVEMENT_HIDDEN),
  },
  {
    method: 'POST',
    route: '/api/v1/achievements/:id/confirm',
    note: 'published, 北京',
    setup: (c) => achievementIn(c, 'bj', 'published'),
    url: (_c, fx) => `/api/v1/achievements/${fx.id}/confirm`,
    expect: only({ tto_officer: 200 }),
  },
  {
    method: 'GET',
    route: '/api/v1/achievements/:id/detail',
    note: 'published, 北京',
    setup: (c) => achievementIn(c, 'bj', 'published'),
    url: (_c, fx) => `/api/v1/achievements/${fx.id}/detail`,
    expect: { ...everyone(DETAIL_RESTRICTED), tto_officer: 200, regional_admin_bj: 200, platform_admin: 200 },
  },
  {
    method: 'GET',
    route: '/api/v1/achievements/:id/detail',
    note: 'published, 北京, the caller holds a granted request',
    setup: (c, agent) => achievementWithRequest(c, agent?.userId, 'granted'),
    url: (_c, fx) => `/api/v1/achievements/${fx.id}/detail`,
    expect: { ...everyone(200), anonymous: DETAIL_RESTRICTED },
  },
  {
    method: 'GET',
    route: '/api/v1/achievements/:id/detail',
    note: 'draft, 北京',
    setup: (c) => achievementIn(c, 'bj', 'draft'),
    url: (_c, fx) => `/api/v1/achievements/${fx.id}/detail`,
    expect: { ...everyone(ACHIEVEMENT_HIDDEN), tto_officer: 200, regional_admin_bj: 200, platform_admin: 200 },
  },
  // Signed-in people outside the owner side approach a published listing (administrators included).
  {
    method: 'POST',
    route: '/api/v1/achievements/:id/access-requests',
    note: 'published, 北京',
    setup: (c) => achievementIn(c, 'bj', 'published'),
    url: (_c, fx) => `/api/v1/achievements/${fx.id}/access-requests`,
    body: () => ({ acceptNda: true, message: '希望了解工艺参数' }),
    expect: { ...signedIn(201), tto_officer: 403 },
  },
  {
    method: 'POST',
    route: '/api/v1/achievements/:id/access-requests',
    note: 'draft, 北京',
    setup: (c) => achievementIn(c, 'bj', 'draft'),
    url: (_c, fx) => `/api/v1/achievements/${fx.id}/access-requests`,
    body: () => ({ acceptNda: true }),
    expect: signedIn(ACHIEVEMENT_HIDDEN),
  },
  // Anyone signed in may ask about their own request on a listing they can see (null when none).
  {
    method: 'GET',
    route: '/api/v1/achievements/:id/access-requests/mine',
    note: 'published, 北京',
    setup: (c) => achievementIn(c, 'bj', 'published'),
    url: (_c, fx) => `/api/v1/achievements/${fx.id}/access-requests/mine`,
    expect: signedIn(200),
  },
  {
    method: 'GET',
    route: '/api/v1/achievements/:id/access-requests/mine',
    note: 'draft, 北京',
    setup: (c) => achievementIn(c, 'bj', 'draft'),
    url: (_c, fx) => `/api/v1/achievements/${fx.id}/access-requests/mine`,
    expect: { ...signedIn(ACHIEVEMENT_HIDDEN), tto_officer: 200, regional_admin_bj: 200, platform_admin: 200 },
  },
  {
    method: 'GET',
    route: '/api/v1/achievements/:id/access-requests',
    note: 'published, 北京',
    setup: (c) => achievementWithRequest(c, undefined, 'pending'),
    url: (_c, fx) => `/api/v1/achievements/${fx.id}/access-requests`,
    expect: only({ tto_officer: 200 }),
  },
  {
    method: 'POST',
    route: '/api/v1/achievements/:id/access-requests/:requestId/decision',
    note: "published, 北京, an outsider's pending request",
    setup: (c) => achievementWithRequest(c, undefined, 'pending'),
    url: (_c, fx) => `/api/v1/achievements/${fx.id}/access-requests/${fx.requestId}/decision`,
    body: () => ({ decision: 'granted' }),
    expect: only({ tto_officer: 200 }),
  },
  {
    method: 'POST',
    route: '/api/v1/achievements/:id/access-requests/:requestId/decision',
    note: "published, 北京, the caller's own pending request",
    setup: (c, agent) => achievementWithRequest(c, agent?.userId, 'pending'),
    url: (_c, fx) => `/api/v1/achievements/${fx.id}/access-requests/${fx.requestId}/decision`,
    body: () => ({ decision: 'granted' }),
    expect: only({ tto_officer: 200 }),
  },
  {
    method: 'POST',
    route: '/api/v1/achievements/:id/enquiries',
    note: 'published, 北京',
    setup: (c) => achievementIn(c, 'bj', 'published'),
    url: (_c, fx) => `/api/v1/achievements/${fx.id}/enquiries`,
    body: () => ({ message: '请问是否可以独占许可？' }),
    expect: { ...signedIn(201), tto_officer: 403 },
  },
  {
    method: 'GET',
    route: '/api/v1/achievements/:id/funnel',
    note: 'published, 北京',
    setup: (c) => achievementIn(c, 'bj', 'published'),
    url: (_c, fx) => `/api/v1/achievements/${fx.id}/funnel`,
    expect: only({ tto_officer: 200 }),
  },

  // Bulk import (汇交) and export. Importing for an organisation needs its owner/admin, its TTO
  // officer or an administrator of its region; an import job is read by the same people (404 to
  // others). The export of published listings is public; `mine=true` needs sign-in.
  {
    method: 'POST',
    route: '/api/v1/achievements/import',
    note: 'CSV for the 北京 university',
    setup: async () => ({ ext: `M-${uniq()}` }),
    url: (c) => `/api/v1/achievements/import?org=${c.bjOrg}&wait=true`,
    headers: { 'content-type': 'text/csv' },
    body: (_c, fx) => `externalId,title,abstract\n${fx.ext},权限矩阵导入成果,用于权限矩阵测试的导入成果摘要。`,
    expect: only({ tto_officer: 200, regional_admin_bj: 200, platform_admin: 200 }),
  },
  {
    method: 'GET',
    route: '/api/v1/imports/:id',
    note: 'a job of the 北京 university',
    setup: async (c) => {
      const { done } = await t.services.imports.start(systemActor('matrix'), Buffer.from(`externalId,title,abstract\nM-${uniq()},权限矩阵导入成果,用于权限矩阵测试的导入成果摘要。`), { org: c.bjOrg, mode: 'all', encoding: 'auto' }, 'zh');
      return { id: (await done).id };
    },
    url: (_c, fx) => `/api/v1/imports/${fx.id}`,
    expect: only({ tto_officer: 200, regional_admin_bj: 200, platform_admin: 200 }, '404 import/not_found'),
  },
  { method: 'GET', route: '/api/v1/achievements/export', url: () => '/api/v1/achievements/export?format=jsonl', expect: everyone(200) },
  { method: 'GET', route: '/api/v1/achievements/export', note: '?mine=true', url: () => '/api/v1/achievements/export?format=csv&mine=true', expect: signedIn(200) },

  // Demands (技术需求). Published and closed demands are public; drafts and withdrawn ones are seen by
  // the members of the owning organisation and administrators of the demand's region. Members
  // edit, publish and close; administrators may only take a published demand down.
  { method: 'GET', route: '/api/v1/demands', url: () => '/api/v1/demands', expect: everyone(200) },
  { method: 'GET', route: '/api/v1/demands/search', url: () => '/api/v1/demands/search?q=%E7%94%B5%E6%B1%A0', expect: everyone(200) },
  { method: 'GET', route: '/api/v1/demands', note: '?mine=true', url: () => '/api/v1/demands?mine=true', expect: signedIn(200) },
  {
    method: 'POST',
    route: '/api/v1/demands',
    note: 'for the 北京 university',
    url: () => '/api/v1/demands',
    body: (c) => ({ ownerOrgId: c.bjOrg, title: '权限矩阵测试需求', description: '用于权限矩阵测试的需求描述，长度足够。' }),
    expect: only({ tto_officer: 201 }),
  },
  {
    method: 'POST',
    route: '/api/v1/demands',
    note: 'for the 广东 enterprise',
    url: () => '/api/v1/demands',
    body: (c) => ({ ownerOrgId: c.gdOrg, title: '权限矩阵测试需求', description: '用于权限矩阵测试的需求描述，长度足够。' }),
    expect: only({}),
  },
  {
    method: 'GET',
    route: '/api/v1/demands/:id',
    note: 'published, 广东',
    setup: (c) => demandIn(c, 'gd', 'published'),
    url: (_c, fx) => `/api/v1/demands/${fx.id}`,
    expect: everyone(200),
  },
  {
    method: 'GET',
    route: '/api/v1/demands/:id',
    note: 'closed, 北京',
    setup: (c) => demandIn(c, 'bj', 'closed'),
    url: (_c, fx) => `/api/v1/demands/${fx.id}`,
    expect: everyone(200),
  },
  {
    method: 'GET',
    route: '/api/v1/demands/:id',
    note: 'draft, 北京',
    setup: (c) => demandIn(c, 'bj', 'draft'),
    url: (_c, fx) => `/api/v1/demands/${fx.id}`,
    expect: { ...everyone(DEMAND_HIDDEN), tto_officer: 200, regional_admin_bj: 200, platform_admin: 200 },
  },
  {
    method: 'GET',
    route: '/api/v1/demands/:id',
    note: 'withdrawn, 广东',
    setup: (c) => demandIn(c, 'gd', 'withdrawn'),
    url: (_c, fx) => `/api/v1/demands/${fx.id}`,
    expect: { ...everyone(DEMAND_HIDDEN), regional_admin_gd: 200, platform_admin: 200 },
  },
  {
    method: 'PATCH',
    route: '/api/v1/demands/:id',
    note: 'draft, 北京',
    setup: (c) => demandIn(c, 'bj', 'draft'),
    url: (_c, fx) => `/api/v1/demands/${fx.id}`,
    body: () => ({ title: '权限矩阵测试改名' }),
    expect: only({ tto_officer: 200, regional_admin_bj: 403, platform_admin: 403 }, DEMAND_HIDDEN),
  },
  {
    method: 'POST',
    route: '/api/v1/demands/:id/publish',
    note: 'draft, 北京',
    setup: (c) => demandIn(c, 'bj', 'draft'),
    url: (_c, fx) => `/api/v1/demands/${fx.id}/publish`,
    expect: only({ tto_officer: 200, regional_admin_bj: 403, platform_admin: 403 }, DEMAND_HIDDEN),
  },
  {
    method: 'POST',
    route: '/api/v1/demands/:id/publish',
    note: 'withdrawn, 广东',
    setup: (c) => demandIn(c, 'gd', 'withdrawn'),
    url: (_c, fx) => `/api/v1/demands/${fx.id}/publish`,
    expect: only({ regional_admin_gd: 403, platform_admin: 403 }, DEMAND_HIDDEN),
  },
  {
    method: 'POST',
    route: '/api/v1/demands/:id/close',
    note: 'published, 北京',
    setup: (c) => demandIn(c, 'bj', 'published'),
    url: (_c, fx) => `/api/v1/demands/${fx.id}/close`,
    body: () => ({ note: '已找到方案' }),
    expect: only({ tto_officer: 200 }),
  },
  {
    method: 'POST',
    route: '/api/v1/demands/:id/withdraw',
    note: 'published, 北京',
    setup: (c) => demandIn(c, 'bj', 'published'),
    url: (_c, fx) => `/api/v1/demands/${fx.id}/withdraw`,
    expect: only({ tto_officer: 200, regional_admin_bj: 200, platform_admin: 200 }),
  },
  {
    method: 'POST',
    route: '/api/v1/demands/:id/withdraw',
    note: 'published, 广东',
    setup: (c) => demandIn(c, 'gd', 'published'),
    url: (_c, fx) => `/api/v1/demands/${fx.id}/withdraw`,
    expect: only({ regional_admin_gd: 200, platform_admin: 200 }),
  },

  // Experts: public profiles of active users for everyone; every signed-in user keeps their own.
  { method: 'GET', route: '/api/v1/experts', url: () => '/api/v1/experts', expect: everyone(200) },
  {
    method: 'GET',
    route: '/api/v1/experts/me',
    note: 'with a profile',
    freshAgent: true,
    setup: async (_c, agent) => (agent ? expertProfileOf(agent.userId, true) : {}),
    url: () => '/api/v1/experts/me',
    expect: signedIn(200),
  },
  {
    method: 'GET',
    route: '/api/v1/experts/me',
    note: 'no profile yet',
    freshAgent: true,
    url: () => '/api/v1/experts/me',
    expect: signedIn(EXPERT_HIDDEN),
  },
  {
    method: 'PUT',
    route: '/api/v1/experts/me',
    freshAgent: true,
    url: () => '/api/v1/experts/me',
    body: () => ({ title: '高级工程师', domainCodes: ['TD07'], keywords: ['权限矩阵'] }),
    expect: signedIn(200),
  },
  {
    method: 'GET',
    route: '/api/v1/experts/:userId',
    note: 'public',
    setup: () => expertProfileOf(undefined, true),
    url: (_c, fx) => `/api/v1/experts/${fx.userId}`,
    expect: everyone(200),
  },
  {
    method: 'GET',
    route: '/api/v1/experts/:userId',
    note: "hidden, someone else's",
    setup: () => expertProfileOf(undefined, false),
    url: (_c, fx) => `/api/v1/experts/${fx.userId}`,
    expect: everyone(EXPERT_HIDDEN),
  },
  {
    method: 'GET',
    route: '/api/v1/experts/:userId',
    note: 'hidden, own',
    freshAgent: true,
    setup: (_c, agent) => expertProfileOf(agent?.userId, false),
    url: (_c, fx) => `/api/v1/experts/${fx.userId}`,
    expect: { ...everyone(200), anonymous: EXPERT_HIDDEN },
  },
  {
    method: 'GET',
    route: '/api/v1/experts/:userId',
    note: 'public, of a disabled user',
    setup: () => expertProfileOf(undefined, true, { status: 'disabled' }),
    url: (_c, fx) => `/api/v1/experts/${fx.userId}`,
    expect: everyone(EXPERT_HIDDEN),
  },
  // Similar listings, text matching and classification work on published records only: public
  // (rate-limited per client when RATE_LIMIT is on). Similar for an unpublished listing follows the
  // listing's visibility. An achievement's matches (demands, experts, buyers) are for its owner side
  // and the administrators of its region.
  {
    method: 'GET',
    route: '/api/v1/achievements/:id/similar',
    note: 'published, 北京',
    setup: (c) => achievementIn(c, 'bj', 'published'),
    url: (_c, fx) => `/api/v1/achievements/${fx.id}/similar`,
    expect: everyone(200),
  },
  {
    method: 'GET',
    route: '/api/v1/achievements/:id/similar',
    note: 'draft, 北京',
    setup: (c) => achievementIn(c, 'bj', 'draft'),
    url: (_c, fx) => `/api/v1/achievements/${fx.id}/similar`,
    expect: { ...everyone(ACHIEVEMENT_HIDDEN), tto_officer: 200, regional_admin_bj: 200, platform_admin: 200 },
  },
  { method: 'POST', route: '/api/v1/matching/achievements', note: 'text', url: () => '/api/v1/matching/achievements', body: () => ({ text: '需要锂电池正极材料技术' }), expect: everyone(200) },
  {
    method: 'POST',
    route: '/api/v1/matching/achievements',
    note: 'draft 广东 demand',
    setup: (c) => demandIn(c, 'gd', 'draft'),
    url: () => '/api/v1/matching/achievements',
    body: (_c, fx) => ({ demandId: fx.id }),
    expect: { ...everyone(DEMAND_HIDDEN), regional_admin_gd: 200, platform_admin: 200 },
  },
  {
    method: 'GET',
    route: '/api/v1/achievements/:id/matches',
    note: 'published, 北京',
    setup: (c) => achievementIn(c, 'bj', 'published'),
    url: (_c, fx) => `/api/v1/achievements/${fx.id}/matches`,
    expect: only({ tto_officer: 200, regional_admin_bj: 200, platform_admin: 200 }),
  },
  {
    method: 'GET',
    route: '/api/v1/achievements/:id/matches',
    note: 'draft, 广东',
    setup: (c) => achievementIn(c, 'gd', 'draft'),
    url: (_c, fx) => `/api/v1/achievements/${fx.id}/matches`,
    expect: { ...only({ regional_admin_gd: 200, platform_admin: 200 }, ACHIEVEMENT_HIDDEN) },
  },
  { method: 'POST', route: '/api/v1/classify', url: () => '/api/v1/classify', body: () => ({ title: '锂电池正极材料' }), expect: everyone(200) },

  // Saved searches and notifications belong to one user; someone else's are hidden (404).
  { method: 'GET', route: '/api/v1/saved-searches', url: () => '/api/v1/saved-searches', expect: signedIn(200) },
  { method: 'POST', route: '/api/v1/saved-searches', freshAgent: true, url: () => '/api/v1/saved-searches', body: () => ({ name: '矩阵', query: '电池' }), expect: signedIn(201) },
  {
    method: 'DELETE',
    route: '/api/v1/saved-searches/:id',
    note: 'own',
    freshAgent: true,
    setup: (_c, agent) => savedSearchOf(agent?.userId),
    url: (_c, fx) => `/api/v1/saved-searches/${fx.id}`,
    expect: signedIn(200),
  },
  {
    method: 'DELETE',
    route: '/api/v1/saved-searches/:id',
    note: "someone else's",
    setup: () => savedSearchOf(undefined),
    url: (_c, fx) => `/api/v1/saved-searches/${fx.id}`,
    expect: signedIn('404 saved_search/not_found'),
  },
  { method: 'GET', route: '/api/v1/notifications', url: () => '/api/v1/notifications', expect: signedIn(200) },
  { method: 'POST', route: '/api/v1/notifications/read-all', freshAgent: true, url: () => '/api/v1/notifications/read-all', expect: signedIn(200) },
  {
    method: 'POST',
    route: '/api/v1/notifications/:id/read',
    note: 'own',
    freshAgent: true,
    setup: (_c, agent) => notificationOf(agent?.userId),
    url: (_c, fx) => `/api/v1/notifications/${fx.id}/read`,
    expect: signedIn(200),
  },
  {
    method: 'POST',
    route: '/api/v1/notifications/:id/read',
    note: "someone else's",
    setup: () => notificationOf(undefined),
    url: (_c, fx) => `/api/v1/notifications/${fx.id}/read`,
    expect: signedIn('404 notification/not_found'),
  },
  // ── market: listings, offers, deals (rows for /api/v1/market/*) ──
  { method: 'GET', route: '/api/v1/market/listings', url: () => '/api/v1/market/listings', expect: everyone(200) },
  { method: 'GET', route: '/api/v1/market/listings', note: '?mine=true', url: () => '/api/v1/market/listings?mine=true', expect: signedIn(200) },
  {
    method: 'POST',
    route: '/api/v1/market/listings',
    note: 'published 北京 achievement',
    setup: (c) => achievementIn(c, 'bj', 'published'),
    url: () => '/api/v1/market/listings',
    body: (_c, fx) => ({ achievementId: fx.id, mode: 'assign', pricing: 'negotiable', listedUntil: new Date(Date.now() + 30 * 86_400_000).toISOString() }),
    expect: only({ tto_officer: 201 }),
  },
  { method: 'GET', route: '/api/v1/market/listings/:id', note: 'listed', setup: (c) => marketListingIn(c, 'listed'), url: (_c, fx) => `/api/v1/market/listings/${fx.id}`, expect: everyone(200) },
  {
    method: 'GET',
    route: '/api/v1/market/listings/:id',
    note: 'draft',
    setup: (c) => marketListingIn(c, 'draft'),
    url: (_c, fx) => `/api/v1/market/listings/${fx.id}`,
    expect: { ...everyone(LISTING_HIDDEN), tto_officer: 200, market_operator_bj: 200, platform_admin: 200 },
  },
  {
    method: 'PATCH',
    route: '/api/v1/market/listings/:id',
    note: 'draft',
    setup: (c) => marketListingIn(c, 'draft'),
    url: (_c, fx) => `/api/v1/market/listings/${fx.id}`,
    body: () => ({ terms: '权限矩阵条款' }),
    expect: only({ tto_officer: 200, market_operator_bj: 403, platform_admin: 403 }, LISTING_HIDDEN),
  },
  {
    method: 'POST',
    route: '/api/v1/market/listings/:id/publish',
    note: 'draft',
    setup: (c) => marketListingIn(c, 'draft'),
    url: (_c, fx) => `/api/v1/market/listings/${fx.id}/publish`,
    expect: only({ tto_officer: 200, market_operator_bj: 403, platform_admin: 403 }, LISTING_HIDDEN),
  },
  { method: 'POST', route: '/api/v1/market/listings/:id/withdraw', note: 'listed', setup: (c) => marketListingIn(c, 'listed'), url: (_c, fx) => `/api/v1/market/listings/${fx.id}/withdraw`, expect: only({ tto_officer: 200 }) },
  { method: 'GET', route: '/api/v1/market/listings/:id/threads', setup: (c) => marketOfferOn(c), url: (_c, fx) => `/api/v1/market/listings/${fx.id}/threads`, expect: only({ tto_officer: 200 }) },
  {
    method: 'GET',
    route: '/api/v1/market/listings/:id/thread',
    note: "the 广东 enterprise's thread",
    setup: (c) => marketOfferOn(c),
    url: (c, fx) => `/api/v1/market/listings/${fx.id}/thread?buyerOrgId=${c.gdOrg}`,
    expect: only({ tto_officer: 200 }, '404 market/thread_not_found'),
  },
  {
    method: 'POST',
    route: '/api/v1/market/listings/:id/messages',
    note: "reply in the 广东 enterprise's thread",
    setup: (c) => marketOfferOn(c),
    url: (_c, fx) => `/api/v1/market/listings/${fx.id}/messages`,
    body: (c) => ({ body: '权限矩阵回复', buyerOrgId: c.gdOrg }),
    expect: only({ tto_officer: 201 }, '403 market/buyer_org_required'),
  },
  {
    method: 'POST',
    route: '/api/v1/market/listings/:id/offers',
    note: 'no actor belongs to a verified buyer organisation',
    // Earlier rows let actors create organisations; a clone has only the actor's own memberships.
    freshAgent: true,
    setup: (c) => marketListingIn(c, 'listed'),
    url: (_c, fx) => `/api/v1/market/listings/${fx.id}/offers`,
    body: () => ({ amountFen: 1_000_000 }),
    expect: only({ tto_officer: '403 market/own_listing' }, '403 market/buyer_org_required'),
  },
  { method: 'POST', route: '/api/v1/market/offers/:id/accept', note: "buyer's open offer", setup: (c) => marketOfferOn(c), url: (_c, fx) => `/api/v1/market/offers/${fx.offerId}/accept`, expect: only({ tto_officer: 200 }, MARKET_OFFER_HIDDEN) },
  {
    method: 'POST',
    route: '/api/v1/market/offers/:id/decline',
    note: "buyer's open offer",
    setup: (c) => marketOfferOn(c),
    url: (_c, fx) => `/api/v1/market/offers/${fx.offerId}/decline`,
    body: () => ({ reason: 'price_too_low', note: '' }),
    expect: only({ tto_officer: 200 }, MARKET_OFFER_HIDDEN),
  },
  {
    method: 'POST',
    route: '/api/v1/market/offers/:id/counter',
    note: "buyer's open offer",
    setup: (c) => marketOfferOn(c),
    url: (_c, fx) => `/api/v1/market/offers/${fx.offerId}/counter`,
    body: () => ({ amountFen: 9_500_000 }),
    expect: only({ tto_officer: 200 }, MARKET_OFFER_HIDDEN),
  },
  {
    method: 'POST',
    route: '/api/v1/market/offers/:id/withdraw',
    note: "buyer's open offer (only its maker withdraws)",
    setup: (c) => marketOfferOn(c),
    url: (_c, fx) => `/api/v1/market/offers/${fx.offerId}/withdraw`,
    expect: only({ tto_officer: '403 market/not_your_turn' }, MARKET_OFFER_HIDDEN),
  },
  { method: 'GET', route: '/api/v1/market/deals', url: () => '/api/v1/market/deals', expect: signedIn(200) },
  { method: 'GET', route: '/api/v1/market/deals/:id', setup: (c) => marketDealIn(c), url: (_c, fx) => `/api/v1/market/deals/${fx.id}`, expect: MARKET_DEAL_READERS },
  { method: 'GET', route: '/api/v1/market/deals/:id/messages', setup: (c) => marketDealIn(c), url: (_c, fx) => `/api/v1/market/deals/${fx.id}/messages`, expect: MARKET_DEAL_READERS },
  {
    method: 'POST',
    route: '/api/v1/market/deals/:id/messages',
    setup: (c) => marketDealIn(c),
    url: (_c, fx) => `/api/v1/market/deals/${fx.id}/messages`,
    body: () => ({ body: '权限矩阵留言' }),
    expect: only({ tto_officer: 201, market_operator_bj: 403, platform_admin: 403 }, DEAL_HIDDEN),
  },
  {
    method: 'GET',
    route: '/api/v1/market/deals/:id/documents/:messageId',
    setup: (c) => marketDealIn(c),
    url: (_c, fx) => `/api/v1/market/deals/${fx.id}/documents/${fx.messageId}`,
    expect: MARKET_DEAL_READERS,
  },
  { method: 'GET', route: '/api/v1/market/fees', url: () => '/api/v1/market/fees', expect: everyone(200) },
  {
    method: 'POST',
    route: '/api/v1/market/fees',
    setup: async () => ({ day: new Date(Date.UTC(2031, 0, 1) + marketFeeDay++ * 86_400_000).toISOString().slice(0, 10) }),
    url: () => '/api/v1/market/fees',
    body: (_c, fx) => ({ effectiveFrom: fx.day, commissionBp: 100, depositBp: 1000, depositMinFen: 1_000_000 }),
    expect: only({ platform_admin: 201 }),
  },
  // ── registrations (rows for /api/v1/registrations*, /api/v1/registration-*) ──
  { method: 'GET', route: '/api/v1/registrations', url: () => '/api/v1/registrations', expect: signedIn(200) },
  { method: 'GET', route: '/api/v1/registrations', note: 'view=queue', url: () => '/api/v1/registrations?view=queue', expect: only({ registrar: 200, platform_admin: 200 }) },
  {
    method: 'POST',
    route: '/api/v1/registrations',
    url: () => '/api/v1/registrations',
    body: (c) => ({
      projectName: '权限矩阵技术合同',
      subtype: 'CON',
      summary: '对受让方新建生产线进行可行性论证并出具咨询报告。',
      seller: { organisationId: c.bjOrg, name: '北京海淀测试大学', type: 'university' },
      buyer: { organisationId: c.gdOrg, name: '深圳南山测试企业', type: 'enterprise' },
      technologyDomain: 'TD02',
      industryCode: '35',
      socioEconomicObjective: 'SE06',
      signedOn: '2026-01-10',
      validFrom: '2026-01-10',
      validTo: '2027-01-09',
      paymentMethod: 'lump_sum',
      contractAmountFen: 10_000_00,
      techAmountFen: 10_000_00,
    }),
    expect: only({ tto_officer: 201 }, '403 registration/not_applicant'),
  },
  {
    method: 'POST',
    route: '/api/v1/registrations/from-deal',
    url: () => '/api/v1/registrations/from-deal',
    setup: async (c) => {
      const deal = await t.handle.db.transaction((tx) =>
        t.services.deals.open(tx, systemActor('matrix'), { chainId: newChainId('A', new Date()), title: '权限矩阵登记交易', sellerOrgId: c.bjOrg, buyerOrgId: c.gdOrg, transferMode: 'assign', pricingMethod: 'listing', priceFen: 20_000_00, stateFunded: false }),
      );
      return { dealId: deal.id };
    },
    body: (_c, fx) => ({ dealId: fx.dealId }),
    expect: only({ tto_officer: 201 }, '404 registration/deal_not_found'),
  },
  {
    method: 'POST',
    route: '/api/v1/registrations/import',
    note: 'CSV of one 北京 university contract; rows of other callers are refused in the report (200)',
    setup: async () => ({ ext: `R-${uniq()}` }),
    url: () => '/api/v1/registrations/import?mode=valid',
    headers: { 'content-type': 'text/csv' },
    body: (c, fx) =>
      `外部编号,项目名称,合同子类,卖方机构ID,卖方名称,卖方类型,买方机构ID,买方名称,买方类型,技术领域,行业代码,社会经济目标,签订日期,有效期起,有效期止,支付方式,成交额（元）\n${fx.ext},权限矩阵导入合同,CON,${c.bjOrg},北京海淀测试大学,university,${c.gdOrg},深圳南山测试企业,enterprise,TD02,35,SE06,2026-01-10,2026-01-10,2027-01-09,lump_sum,1000.00`,
    expect: signedIn(200),
  },
  { method: 'GET', route: '/api/v1/registrations/certificates/:registrationNo', setup: (c) => registrationIn(c, 'registered'), url: (_c, fx) => `/api/v1/registrations/certificates/${fx.registrationNo}`, expect: everyone(200) },
  { method: 'GET', route: '/api/v1/registrations/:id', setup: (c) => registrationIn(c, 'submitted'), url: (_c, fx) => `/api/v1/registrations/${fx.id}`, expect: REGISTRATION_READERS },
  {
    method: 'PATCH',
    route: '/api/v1/registrations/:id',
    setup: (c) => registrationIn(c, 'draft'),
    url: (_c, fx) => `/api/v1/registrations/${fx.id}`,
    body: () => ({ summary: '为受让方提供工艺优化技术服务，降低能耗 15% 以上。' }),
    expect: only({ tto_officer: 200 }, REGISTRATION_HIDDEN),
  },
  { method: 'POST', route: '/api/v1/registrations/:id/submit', setup: (c) => registrationIn(c, 'draft'), url: (_c, fx) => `/api/v1/registrations/${fx.id}/submit`, expect: only({ tto_officer: 200 }, REGISTRATION_HIDDEN) },
  { method: 'POST', route: '/api/v1/registrations/:id/withdraw', setup: (c) => registrationIn(c, 'draft'), url: (_c, fx) => `/api/v1/registrations/${fx.id}/withdraw`, expect: only({ tto_officer: 200 }, REGISTRATION_HIDDEN) },
  {
    method: 'POST',
    route: '/api/v1/registrations/:id/decision',
    setup: (c) => registrationIn(c, 'submitted'),
    url: (_c, fx) => `/api/v1/registrations/${fx.id}/decision`,
    body: () => ({ action: 'register', outcome: 'full' }),
    expect: only({ registrar: 200, platform_admin: 200, tto_officer: 403 }, REGISTRATION_HIDDEN),
  },
  {
    method: 'POST',
    route: '/api/v1/registrations/:id/change-request',
    setup: (c) => registrationIn(c, 'registered'),
    url: (_c, fx) => `/api/v1/registrations/${fx.id}/change-request`,
    body: () => ({ kind: 'cancel', reason: '矩阵：解除合同' }),
    expect: REGISTRATION_READERS,
  },
  {
    method: 'POST',
    route: '/api/v1/registrations/:id/change-decision',
    setup: (c) => registrationIn(c, 'change_requested'),
    url: (_c, fx) => `/api/v1/registrations/${fx.id}/change-decision`,
    body: () => ({ approve: true, note: '矩阵：同意撤销' }),
    expect: only({ registrar: 200, platform_admin: 200, tto_officer: 403 }, REGISTRATION_HIDDEN),
  },
  { method: 'GET', route: '/api/v1/registrations/:id/certificate.pdf', setup: (c) => registrationIn(c, 'registered'), url: (_c, fx) => `/api/v1/registrations/${fx.id}/certificate.pdf`, expect: REGISTRATION_READERS },
  { method: 'GET', route: '/api/v1/registration-points', url: () => '/api/v1/registration-points', expect: everyone(200) },
  { method: 'GET', route: '/api/v1/registration-parameters', url: () => '/api/v1/registration-parameters', expect: signedIn(200) },
  {
    method: 'PUT',
    route: '/api/v1/registration-parameters',
    url: () => '/api/v1/registration-parameters',
    body: () => ({ key: 'deadline', effectiveFrom: '2099-01-01', value: { kind: 'none' }, source: '权限矩阵' }),
    expect: PLATFORM_ADMIN_ONLY,
  },
  // ── statistics and open data (rows for /api/v1/statistics/*, /api/v1/open-data/*) ──
  { method: 'GET', route: '/api/v1/statistics/overview', url: () => '/api/v1/statistics/overview?year=2026', expect: STATISTICS_READERS },
  { method: 'GET', route: '/api/v1/statistics/breakdown', url: () => '/api/v1/statistics/breakdown?year=2026&dimension=type', expect: STATISTICS_READERS },
  { method: 'GET', route: '/api/v1/statistics/trend', url: () => '/api/v1/statistics/trend?from=2024&to=2026', expect: STATISTICS_READERS },
  { method: 'GET', route: '/api/v1/statistics/regions', url: () => '/api/v1/statistics/regions?year=2026', expect: STATISTICS_READERS },
  { method: 'GET', route: '/api/v1/statistics/flows', url: () => '/api/v1/statistics/flows?year=2026', expect: STATISTICS_READERS },
  { method: 'GET', route: '/api/v1/statistics/annual-report', url: () => '/api/v1/statistics/annual-report?year=2026', expect: STATISTICS_READERS },
  { method: 'GET', route: '/api/v1/statistics/annual-report.xlsx', url: () => '/api/v1/statistics/annual-report.xlsx?year=2026', expect: STATISTICS_READERS },
  { method: 'GET', route: '/api/v1/statistics/annual-report.csv', url: () => '/api/v1/statistics/annual-report.csv?year=2026', expect: STATISTICS_READERS },
  { method: 'GET', route: '/api/v1/statistics/verify', url: () => '/api/v1/statistics/verify', expect: PLATFORM_ADMIN_ONLY },
  { method: 'GET', route: '/api/v1/open-data/technology-market/definitions', url: () => '/api/v1/open-data/technology-market/definitions', expect: everyone(200) },
  { method: 'GET', route: '/api/v1/open-data/technology-market/overview', url: () => '/api/v1/open-data/technology-market/overview?year=2026', expect: everyone(200) },
  { method: 'GET', route: '/api/v1/open-data/technology-market/breakdown', url: () => '/api/v1/open-data/technology-market/breakdown?year=2026&dimension=domain', expect: everyone(200) },
  { method: 'GET', route: '/api/v1/open-data/technology-market/trend', url: () => '/api/v1/open-data/technology-market/trend?from=2024&to=2026', expect: everyone(200) },
  { method: 'GET', route: '/api/v1/open-data/technology-market/regions', url: () => '/api/v1/open-data/technology-market/regions?year=2026', expect: everyone(200) },
  { method: 'GET', route: '/api/v1/open-data/technology-market/flows', url: () => '/api/v1/open-data/technology-market/flows?year=2026', expect: everyone(200) },
  { method: 'GET', route: '/api/v1/open-data/technology-market/annual-report.csv', url: () => '/api/v1/open-data/technology-market/annual-report.csv?year=2026', expect: everyone(200) },
  // ── notices: public notices, objections, calendar (rows for /api/v1/notices*, /api/v1/calendar*) ──
  { method: 'GET', route: '/api/v1/notices', url: () => '/api/v1/notices?status=open', expect: everyone(200) },
  { method: 'GET', route: '/api/v1/notices/queue', url: () => '/api/v1/notices/queue', expect: signedIn(200) },
  {
    method: 'POST',
    route: '/api/v1/notices',
    url: () => '/api/v1/notices',
    setup: (c) => noticesDealAwaiting(c),
    body: (_c, fx) => noticesPublishBody(fx.dealId!),
    expect: only({ tto_officer: 201 }),
  },
  { method: 'GET', route: '/api/v1/notices/:id', url: (_c, fx) => `/api/v1/notices/${fx.id}`, setup: (c) => noticesOpen(c), expect: everyone(200) },
  {
    method: 'POST',
    route: '/api/v1/notices/:id/objections',
    url: (_c, fx) => `/api/v1/notices/${fx.id}/objections`,
    setup: (c) => noticesOpen(c),
    body: () => ({ submitterName: '矩阵异议人', submitterContact: '010-87654321', body: '权限矩阵测试的异议内容。' }),
    expect: everyone(201),
  },
  {
    method: 'POST',
    route: '/api/v1/notices/:id/objections/:objectionId/decide',
    url: (_c, fx) => `/api/v1/notices/${fx.id}/objections/${fx.objectionId}/decide`,
    setup: (c) => noticesOpen(c, true),
    body: () => ({ outcome: 'rejected', decision: '经核查异议不成立。' }),
    expect: NOTICE_DECIDERS,
  },
  {
    method: 'POST',
    route: '/api/v1/notices/:id/withdraw',
    url: (_c, fx) => `/api/v1/notices/${fx.id}/withdraw`,
    setup: (c) => noticesOpen(c),
    body: () => ({ reason: '矩阵撤回' }),
    expect: only({ tto_officer: 200 }),
  },
  { method: 'GET', route: '/api/v1/calendar', url: () => '/api/v1/calendar?year=2026', expect: everyone(200) },
  { method: 'PUT', route: '/api/v1/calendar/:day', url: () => '/api/v1/calendar/2030-01-02', body: () => ({ kind: 'holiday', name: '矩阵假日' }), expect: CALENDAR_KEEPERS },
  {
    method: 'DELETE',
    route: '/api/v1/calendar/:day',
    url: () => '/api/v1/calendar/2030-01-03',
    setup: async () => {
      await t.services.notices.putCalendarDay(systemActor('matrix'), '2030-01-03', { kind: 'holiday', name: '矩阵假日' });
      return {};
    },
    expect: CALENDAR_KEEPERS,
  },
  // ── auctions (rows for /api/v1/auctions*) ──
  { method: 'GET', route: '/api/v1/auctions', url: () => '/api/v1/auctions?phase=live', expect: everyone(200) },
  { method: 'GET', route: '/api/v1/auctions', note: 'scope=operate', url: () => '/api/v1/auctions?scope=operate', expect: only({ market_operator_bj: 200, platform_admin: 200 }) },
  { method: 'GET', route: '/api/v1/auctions/results', url: () => '/api/v1/auctions/results', expect: everyone(200) },
  {
    method: 'POST',
    route: '/api/v1/auctions',
    note: "listing of the tto officer's university",
    setup: async (c) => {
      const { id } = await auctionsFixture(c, 'bj', 'draft');
      const [a] = await t.handle.db.select().from(auctions).where(eq(auctions.id, id!));
      return { listingId: a!.listingId };
    },
    url: () => '/api/v1/auctions',
    body: (_c, fx) => ({ listingId: fx.listingId, startPriceFen: 1_000_000, increments: [{ fromFen: 0, stepFen: 10_000 }], startsAt: new Date(Date.now() + 3_600_000).toISOString(), endsAt: new Date(Date.now() + 7_200_000).toISOString(), extensionMinutes: 5 }),
    expect: only({ tto_officer: 201 }),
  },
  { method: 'GET', route: '/api/v1/auctions/:id', note: 'live', setup: (c) => auctionsFixture(c, 'bj', 'live'), url: (_c, fx) => `/api/v1/auctions/${fx.id}`, expect: everyone(200) },
  {
    method: 'GET',
    route: '/api/v1/auctions/:id',
    note: 'draft',
    setup: (c) => auctionsFixture(c, 'bj', 'draft'),
    url: (_c, fx) => `/api/v1/auctions/${fx.id}`,
    expect: { ...everyone(AUCTION_HIDDEN), tto_officer: 200, market_operator_bj: 200, platform_admin: 200 },
  },
  {
    method: 'POST',
    route: '/api/v1/auctions/:id/schedule',
    setup: (c) => auctionsFixture(c, 'bj', 'draft'),
    url: (_c, fx) => `/api/v1/auctions/${fx.id}/schedule`,
    expect: { ...signedIn(AUCTION_HIDDEN), tto_officer: 200, market_operator_bj: 403, platform_admin: 403 },
  },
  {
    method: 'POST',
    route: '/api/v1/auctions/:id/cancel',
    setup: (c) => auctionsFixture(c, 'bj', 'upcoming'),
    url: (_c, fx) => `/api/v1/auctions/${fx.id}/cancel`,
    body: () => ({ reason: '矩阵测试' }),
    expect: only({ tto_officer: 200, market_operator_bj: 200, platform_admin: 200 }),
  },
  { method: 'POST', route: '/api/v1/auctions/:id/publish-result', setup: (c) => auctionsFixture(c, 'bj', 'closed'), url: (_c, fx) => `/api/v1/auctions/${fx.id}/publish-result`, expect: AUCTION_OPERATOR },
  { method: 'GET', route: '/api/v1/auctions/:id/bids', setup: (c) => auctionsFixture(c, 'bj', 'live'), url: (_c, fx) => `/api/v1/auctions/${fx.id}/bids`, expect: everyone(200) },
  { method: 'GET', route: '/api/v1/auctions/:id/me', setup: (c) => auctionsFixture(c, 'bj', 'live'), url: (_c, fx) => `/api/v1/auctions/${fx.id}/me`, expect: signedIn(200) },
  { method: 'GET', route: '/api/v1/auctions/:id/events', note: 'closed: snapshot, closed, end', setup: (c) => auctionsFixture(c, 'bj', 'closed'), url: (_c, fx) => `/api/v1/auctions/${fx.id}/events`, expect: everyone(200) },
  {
    method: 'GET',
    route: '/api/v1/auctions/:id/events',
    note: 'draft',
    setup: (c) => auctionsFixture(c, 'bj', 'draft'),
    url: (_c, fx) => `/api/v1/auctions/${fx.id}/events`,
    expect: { ...everyone(AUCTION_HIDDEN), tto_officer: 200, market_operator_bj: 200, platform_admin: 200 },
  },
  {
    method: 'POST',
    route: '/api/v1/auctions/:id/registrations',
    note: "as the tto officer's university, on a 广东 auction",
    setup: (c) => auctionsFixture(c, 'gd', 'live'),
    url: (_c, fx) => `/api/v1/auctions/${fx.id}/registrations`,
    body: (c) => ({ bidderOrgId: c.bjOrg, qualification: '事业单位法人证书' }),
    expect: only({ tto_officer: 201 }),
  },
  {
    method: 'POST',
    route: '/api/v1/auctions/:id/registrations',
    note: 'the seller organisation',
    setup: (c) => auctionsFixture(c, 'bj', 'live'),
    url: (_c, fx) => `/api/v1/auctions/${fx.id}/registrations`,
    body: (c) => ({ bidderOrgId: c.bjOrg, qualification: '卖方' }),
    expect: only({ tto_officer: '403 auction/seller_cannot_bid' }),
  },
  { method: 'GET', route: '/api/v1/auctions/:id/registrations', setup: (c) => auctionsFixture(c, 'bj', 'live'), url: (_c, fx) => `/api/v1/auctions/${fx.id}/registrations`, expect: AUCTION_OPERATOR },
  {
    method: 'POST',
    route: '/api/v1/auctions/:id/registrations/:registrationId/approve',
    setup: (c) => auctionsRegistration(c, 'pending'),
    url: (_c, fx) => `/api/v1/auctions/${fx.id}/registrations/${fx.registrationId}/approve`,
    expect: AUCTION_OPERATOR,
  },
  {
    method: 'POST',
    route: '/api/v1/auctions/:id/registrations/:registrationId/reject',
    setup: (c) => auctionsRegistration(c, 'pending'),
    url: (_c, fx) => `/api/v1/auctions/${fx.id}/registrations/${fx.registrationId}/reject`,
    body: () => ({ reason: '资质不全' }),
    expect: AUCTION_OPERATOR,
  },
  {
    method: 'POST',
    route: '/api/v1/auctions/:id/registrations/:registrationId/deposits',
    setup: (c) => auctionsRegistration(c, 'approved'),
    url: (_c, fx) => `/api/v1/auctions/${fx.id}/registrations/${fx.registrationId}/deposits`,
    body: () => ({ entry: 'held', amountFen: 1_000_000, reference: 'MATRIX' }),
    expect: AUCTION_OPERATOR,
  },
  {
    method: 'POST',
    route: '/api/v1/auctions/:id/bids',
    setup: (c) => auctionsFixture(c, 'bj', 'live'),
    url: (_c, fx) => `/api/v1/auctions/${fx.id}/bids`,
    body: () => ({ amountFen: 1_000_000, clientKey: `matrix-${uniq()}` }),
    expect: { ...signedIn('403 auction/not_registered'), tto_officer: '403 auction/seller_cannot_bid' },
  },
  {
    method: 'PUT',
    route: '/api/v1/auctions/:id/proxy',
    setup: (c) => auctionsFixture(c, 'bj', 'live'),
    url: (_c, fx) => `/api/v1/auctions/${fx.id}/proxy`,
    body: () => ({ maxFen: 2_000_000 }),
    expect: { ...signedIn('403 auction/not_registered'), tto_officer: '403 auction/seller_cannot_bid' },
  },
  // ── tenders (rows for /api/v1/tenders*) ──
  // Tenders (招标): public once published; the buyer side is the demand's organisation (the TTO
  // officer's 北京 university in the 'bj' rows). Sealed proposals: a bidder sees its own only.
  { method: 'GET', route: '/api/v1/tenders', url: () => '/api/v1/tenders?status=open', expect: everyone(200) },
  { method: 'GET', route: '/api/v1/tenders', note: '?mine=true', url: () => '/api/v1/tenders?mine=true', expect: signedIn(200) },
  {
    method: 'POST',
    route: '/api/v1/tenders',
    note: 'on a published 北京 demand',
    setup: (c) => demandIn(c, 'bj', 'published'),
    url: () => '/api/v1/tenders',
    body: (_c, fx) => tenderBody(fx.id!),
    expect: only({ tto_officer: 201 }),
  },
  {
    method: 'POST',
    route: '/api/v1/tenders',
    note: 'on a published 广东 demand',
    setup: (c) => demandIn(c, 'gd', 'published'),
    url: () => '/api/v1/tenders',
    body: (_c, fx) => tenderBody(fx.id!),
    expect: only({}),
  },
  { method: 'GET', route: '/api/v1/tenders/:id', note: 'open, 广东', setup: (c) => tenderIn(c, 'gd', 'open'), url: (_c, fx) => `/api/v1/tenders/${fx.id}`, expect: everyone(200) },
  {
    method: 'GET',
    route: '/api/v1/tenders/:id',
    note: 'draft, 北京',
    setup: (c) => tenderIn(c, 'bj', 'draft'),
    url: (_c, fx) => `/api/v1/tenders/${fx.id}`,
    expect: { ...everyone(TENDER_HIDDEN), tto_officer: 200 },
  },
  {
    method: 'PATCH',
    route: '/api/v1/tenders/:id',
    note: 'draft, 北京',
    setup: (c) => tenderIn(c, 'bj', 'draft'),
    url: (_c, fx) => `/api/v1/tenders/${fx.id}`,
    body: () => ({ title: '权限矩阵修改' }),
    expect: only({ tto_officer: 200 }, TENDER_HIDDEN),
  },
  {
    method: 'PATCH',
    route: '/api/v1/tenders/:id',
    note: 'open, 广东',
    setup: (c) => tenderIn(c, 'gd', 'open'),
    url: (_c, fx) => `/api/v1/tenders/${fx.id}`,
    body: () => ({ title: '权限矩阵修改' }),
    expect: only({}),
  },
  {
    method: 'POST',
    route: '/api/v1/tenders/:id/publish',
    note: 'draft, 北京',
    setup: (c) => tenderIn(c, 'bj', 'draft'),
    url: (_c, fx) => `/api/v1/tenders/${fx.id}/publish`,
    expect: only({ tto_officer: 200 }, TENDER_HIDDEN),
  },
  {
    method: 'POST',
    route: '/api/v1/tenders/:id/cancel',
    note: 'open, 北京',
    setup: (c) => tenderIn(c, 'bj', 'open'),
    url: (_c, fx) => `/api/v1/tenders/${fx.id}/cancel`,
    body: () => ({ reason: '权限矩阵取消' }),
    expect: only({ tto_officer: 200 }),
  },
  {
    method: 'POST',
    route: '/api/v1/tenders/:id/award',
    note: 'opened, 北京, scored',
    setup: (c) => tenderIn(c, 'bj', 'opened'),
    url: (_c, fx) => `/api/v1/tenders/${fx.id}/award`,
    body: (_c, fx) => ({ proposalId: fx.proposalId, reason: '综合得分第一' }),
    expect: only({ tto_officer: 200 }),
  },
  {
    method: 'POST',
    route: '/api/v1/tenders/:id/fail',
    note: 'opened, 北京',
    setup: (c) => tenderIn(c, 'bj', 'opened'),
    url: (_c, fx) => `/api/v1/tenders/${fx.id}/fail`,
    body: () => ({ reason: '均不满足要求' }),
    expect: only({ tto_officer: 200 }),
  },
  {
    method: 'POST',
    route: '/api/v1/tenders/:id/proposals',
    note: 'open, 广东: members of a verified organisation bid',
    // Earlier rows let actors create organisations; a clone has only the actor's own memberships.
    freshAgent: true,
    setup: (c) => tenderIn(c, 'gd', 'open'),
    url: (_c, fx) => `/api/v1/tenders/${fx.id}/proposals`,
    body: () => proposalBody(),
    expect: only({ tto_officer: 200 }),
  },
  {
    method: 'POST',
    route: '/api/v1/tenders/:id/proposals',
    note: 'open, 北京: the buyer cannot bid',
    // Earlier rows let actors create organisations; a clone has only the actor's own memberships.
    freshAgent: true,
    setup: (c) => tenderIn(c, 'bj', 'open'),
    url: (_c, fx) => `/api/v1/tenders/${fx.id}/proposals`,
    body: () => proposalBody(),
    expect: only({ tto_officer: '403 tender/own_tender' }),
  },
  {
    method: 'GET',
    route: '/api/v1/tenders/:id/proposals',
    note: 'open, 广东, sealed: everyone gets their own only',
    setup: (c) => tenderWithBjProposal(c),
    url: (_c, fx) => `/api/v1/tenders/${fx.id}/proposals`,
    expect: signedIn(200),
  },
  {
    method: 'GET',
    route: '/api/v1/tenders/:id/proposals/mine',
    note: 'open, 广东',
    setup: (c) => tenderWithBjProposal(c),
    url: (_c, fx) => `/api/v1/tenders/${fx.id}/proposals/mine`,
    expect: signedIn(200),
  },
  {
    method: 'POST',
    route: '/api/v1/tenders/:id/proposals/:proposalId/withdraw',
    note: "the 北京 university's sealed proposal",
    setup: (c) => tenderWithBjProposal(c),
    url: (_c, fx) => `/api/v1/tenders/${fx.id}/proposals/${fx.proposalId}/withdraw`,
    expect: only({ tto_officer: 200 }, '404 tender/proposal_not_found'),
  },
  {
    method: 'PUT',
    route: '/api/v1/tenders/:id/proposals/:proposalId/scores',
    note: 'opened, 北京',
    setup: (c) => tenderIn(c, 'bj', 'opened', { manual: true }),
    url: (_c, fx) => `/api/v1/tenders/${fx.id}/proposals/${fx.proposalId}/scores`,
    body: () => ({ scores: { tech: 85 } }),
    expect: only({ tto_officer: 200 }),
  },
];

// ---------------------------------------------------------------------------------------------
// Actors

/** Who each actor is: home region, platform roles, organisation memberships. */
function actorSpecs(orgs: { bjOrg: string }): Record<SignedInKey, InsertUserInput> {
  return {
    visitor: { regionCode: '110108' },
    researcher: { regionCode: '110108', roles: [{ role: 'researcher' }] },
    enterprise_member: { regionCode: '440305', roles: [{ role: 'enterprise_member' }] },
    investor: { regionCode: '440305', roles: [{ role: 'investor' }] },
    broker: { regionCode: '110108', roles: [{ role: 'broker' }] },
    tto_officer: {
      regionCode: '110108',
      roles: [{ role: 'tto_officer', organisationId: orgs.bjOrg }],
      orgs: [{ organisationId: orgs.bjOrg, role: 'member' }],
    },
    registrar: { regionCode: '110000', roles: [{ role: 'registrar', regionCode: '110000' }] },
    market_operator_bj: { regionCode: '110000', roles: [{ role: 'market_operator', regionCode: '110000' }] },
    regional_admin_bj: { regionCode: '110000', roles: [{ role: 'regional_admin', regionCode: '110000' }] },
    regional_admin_gd: { regionCode: '440000', roles: [{ role: 'regional_admin', regionCode: '440000' }] },
    platform_admin: { regionCode: null, roles: [{ role: 'platform_admin' }] },
  };
}
let specs: Record<SignedInKey, InsertUserInput>;

/** A new user with the same roles, region and memberships as the actor, signed in. */
async function cloneOf(actor: SignedInKey): Promise<Agent> {
  const u = await insertUser(t.handle.db, { ...specs[actor], email: `${actor}-${uniq()}@matrix.test` });
  return t.login(u.email);
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.handle.db;
  const bjOrg = await insertOrganisation(db, { name: '北京海淀测试大学', type: 'university', regionCode: '110108', status: 'verified' });
  const bjPendingOrg = await insertOrganisation(db, { name: '北京待审核机构', regionCode: '110108', status: 'pending' });
  const gdOrg = await insertOrganisation(db, { name: '深圳南山测试企业', regionCode: '440305', status: 'verified' });
  const bjUser = await insertUser(db, { email: 'plain-bj@matrix.test', regionCode: '110108' });
  const gdUser = await insertUser(db, { email: 'plain-gd@matrix.test', regionCode: '440305' });
  await insertUser(db, { email: 'owner-gd@matrix.test', regionCode: '440305', orgs: [{ organisationId: gdOrg.id, role: 'owner' }] });

  specs = actorSpecs({ bjOrg: bjOrg.id });
  const keys = Object.keys(specs) as SignedInKey[];
  for (const k of keys) {
    await insertUser(db, { ...specs[k], email: `${k}@matrix.test` });
  }
  // Each actor signs in once (argon2 is the slow part) and the session is reused by every cell.
  const agents = await Promise.all(keys.map((k) => t.login(`${k}@matrix.test`)));
  ctx = {
    bjOrg: bjOrg.id,
    bjPendingOrg: bjPendingOrg.id,
    gdOrg: gdOrg.id,
    bjUser: bjUser.id,
    gdUser: gdUser.id,
    agents: Object.fromEntries(keys.map((k, i) => [k, agents[i]!])) as Record<SignedInKey, Agent>,
  };
});
afterAll(() => t.close());

// ---------------------------------------------------------------------------------------------
// One test per cell

const DEFAULT_CODE: Record<number, string> = { 401: 'common/unauthenticated', 403: 'common/forbidden' };

function parseOutcome(o: Outcome): { label: string; check: (status: number) => boolean; code?: string } {
  if (o === 'ok') {
    return { label: '2xx', check: (s) => s >= 200 && s < 300 };
  }
  const [status, code] = String(o).split(' ') as [string, string | undefined];
  const want = Number(status);
  return { label: String(o), check: (s) => s === want, code: code ?? DEFAULT_CODE[want] };
}

const rowName = (r: Row) => `${r.method} ${r.route}${r.note ? ` [${r.note}]` : ''}`;

const cells = ROWS.flatMap((row) =>
  ACTORS.map((actor) => ({ row, actor, name: `${rowName(row)} as ${actor} → ${parseOutcome(row.expect[actor]).label}` })),
);

describe('authorization matrix', () => {
  // A loop rather than it.each: it.each would cut the long cell names short.
  for (const { row, actor, name } of cells) {
    it(name, async () => {
      const shared = actor === 'anonymous' ? undefined : ctx.agents[actor];
      const agent = actor !== 'anonymous' && row.freshAgent ? await cloneOf(actor) : shared;
      const fx = row.setup ? await row.setup(ctx, agent) : {};
      const res = await t.request(row.method, row.url(ctx, fx), { as: agent, ...(row.body ? { body: row.body(ctx, fx) } : {}), ...(row.headers ? { headers: row.headers } : {}) });

      const want = parseOutcome(row.expect[actor]);
      const got = `${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`;
      expect(want.check(res.status), `expected ${want.label}, got ${got}`).toBe(true);
      if (want.code) {
        expect(res.body?.error?.code, got).toBe(want.code);
      }
    });
  }
});

describe('regional scope of GET /api/v1/admin/users', () => {
  const regionsSeenBy = async (agent: Agent) => {
    const res = await t.request('GET', '/api/v1/admin/users?pageSize=200', { as: agent });
    expect(res.status).toBe(200);
    return res.body.items as { id: string; regionCode: string | null }[];
  };

  it('shows the 北京 administrator only users homed in 北京', async () => {
    const items = await regionsSeenBy(ctx.agents.regional_admin_bj);
    expect(items.map((u) => u.id)).toContain(ctx.bjUser);
    expect(
      items.every((u) => u.regionCode?.startsWith('11')),
      JSON.stringify(items.map((u) => u.regionCode)),
    ).toBe(true);
  });

  it('shows the 广东 administrator only users homed in 广东', async () => {
    const items = await regionsSeenBy(ctx.agents.regional_admin_gd);
    expect(items.map((u) => u.id)).toContain(ctx.gdUser);
    expect(
      items.every((u) => u.regionCode?.startsWith('44')),
      JSON.stringify(items.map((u) => u.regionCode)),
    ).toBe(true);
  });

  it('shows the platform administrator users of every region and of none', async () => {
    const items = await regionsSeenBy(ctx.agents.platform_admin);
    const ids = items.map((u) => u.id);
    expect(ids).toEqual(expect.arrayContaining([ctx.bjUser, ctx.gdUser, ctx.agents.platform_admin.userId]));
    expect(items.some((u) => u.regionCode === null)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Coverage: the matrix must name every API route the application registers.

/** `METHOD /path` for every route in Fastify's route tree (HEAD twins of GET routes left out). */
function registeredRoutes(app: TestApp['app']): string[] {
  const out: string[] = [];
  const prefixes: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:[│ ] {3})*)[├└]── (\S+)(?: \(([^)]*)\))?/.exec(line);
    if (!m) {
      continue;
    }
    const depth = m[1]!.length / 4;
    const path = (prefixes[depth - 1] ?? '') + m[2]!;
    prefixes[depth] = path;
    prefixes.length = depth + 1;
    for (const method of (m[3] ?? '').split(',').map((s) => s.trim())) {
      if (method && method !== 'HEAD') {
        out.push(`${method} ${path}`);
      }
    }
  }
  return out;
}

describe('matrix coverage', () => {
  it('has a row for every /api/v1 route, and every row names a real route', () => {
    const routes = registeredRoutes(t.app);
    // Guard against a parser that silently finds nothing.
    expect(routes).toContain('GET /api/v1/health');
    expect(routes).toContain('DELETE /api/v1/admin/users/:id/roles/:assignmentId');
    const api = routes.filter((r) => r.split(' ')[1]!.startsWith('/api/v1/')).sort();
    const covered = [...new Set(ROWS.map((r) => `${r.method} ${r.route}`))].sort();
    expect(
      api.filter((r) => !covered.includes(r)),
      'routes without a matrix row',
    ).toEqual([]);
    expect(
      covered.filter((r) => !api.includes(r)),
      'matrix rows for routes that do not exist',
    ).toEqual([]);
  });

  it('has an expectation for every actor in every row', () => {
    for (const row of ROWS) {
      expect(Object.keys(row.expect).sort(), rowName(row)).toEqual([...ACTORS].sort());
    }
  });
});
