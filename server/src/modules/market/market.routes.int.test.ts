import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newChainId } from '#server/lib/ids';
import { achievementAccessRequests, achievements } from '#server/modules/achievements/achievements.tables';
import { auditEvents } from '#server/modules/audit/audit.tables';
import { scheduledJobs } from '#server/modules/scheduler/scheduler.tables';
import { insertOrganisation, insertUser } from '#server/test-factories';
import { createTestApp, fixedClock, type Agent, type TestApp } from '#server/test-app';

const clock = fixedClock('2026-11-25T02:00:00Z');
const API = '/api/v1/market';
let t: TestApp;
const a = {} as Record<'tto' | 'uniMember' | 'entOwner' | 'buyer' | 'buyer2' | 'outsider' | 'admin' | 'bjOperator' | 'gdOperator', Agent>;
let uni: { id: string };
let ent: { id: string };
let buyerOrg: { id: string };
let buyerOrg2: { id: string };

const inDays = (d: number) => new Date(clock.now().getTime() + d * 86_400_000).toISOString();

async function publishedAchievement(ownerOrgId: string, regionCode: string, fiscal = false) {
  const now = clock.now();
  const [row] = await t.handle.db
    .insert(achievements)
    .values({
      chainId: newChainId('A', now),
      ownerOrgId,
      regionCode,
      title: '高镍正极表面包覆技术',
      abstract: '一段足够长的摘要文字用于测试挂牌。',
      status: 'published',
      publishedAt: now,
      confirmedAt: now,
      funding: { fiscal },
    })
    .returning();
  return row!.id;
}

async function listing(as: Agent, achievementId: string, over: Record<string, unknown> = {}, publish = true) {
  const res = await t.request('POST', `${API}/listings`, {
    as,
    body: {
      achievementId,
      mode: 'assign',
      pricing: 'negotiable',
      priceFen: 50_000_000,
      terms: '一次性付款',
      dataRoom: '保密：工艺参数表',
      listedUntil: inDays(30),
      ...over,
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  if (!publish) {
    return res.body;
  }
  const pub = await t.request('POST', `${API}/listings/${res.body.id}/publish`, { as });
  expect(pub.status, JSON.stringify(pub.body)).toBe(200);
  return pub.body;
}

async function offer(listingId: string, amountFen: number, as = a.buyer) {
  const res = await t.request('POST', `${API}/listings/${listingId}/offers`, { as, body: { amountFen, terms: '分两期付款' } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** Sessions last 12 hours: sign everyone in again after moving the clock by days. */
async function relogin() {
  for (const k of Object.keys(a) as (keyof typeof a)[]) {
    a[k] = await t.login(a[k].email);
  }
}

const code = (res: { status: number; body: any }) => `${res.status} ${res.body?.error?.code}`;

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.handle.db;
  uni = await insertOrganisation(db, { name: '京华大学', type: 'university', regionCode: '110108' });
  ent = await insertOrganisation(db, { name: '深圳创新材料有限公司', type: 'enterprise', regionCode: '440305' });
  buyerOrg = await insertOrganisation(db, { name: '鹏城智能装备有限公司', type: 'enterprise', regionCode: '440305' });
  buyerOrg2 = await insertOrganisation(db, { name: '盛京重机有限公司', type: 'enterprise', regionCode: '210100' });
  const pending = await insertOrganisation(db, { name: '待审核企业', type: 'enterprise', regionCode: '440305', status: 'pending' });
  const specs = {
    tto: { roles: [{ role: 'tto_officer' as const, organisationId: uni.id }], orgs: [{ organisationId: uni.id, role: 'member' as const }] },
    uniMember: { orgs: [{ organisationId: uni.id, role: 'member' as const }] },
    entOwner: { orgs: [{ organisationId: ent.id, role: 'owner' as const }] },
    buyer: { orgs: [{ organisationId: buyerOrg.id, role: 'member' as const }] },
    buyer2: { orgs: [{ organisationId: buyerOrg2.id, role: 'member' as const }] },
    outsider: { orgs: [{ organisationId: pending.id, role: 'owner' as const }] },
    admin: { roles: [{ role: 'platform_admin' as const }] },
    bjOperator: { roles: [{ role: 'market_operator' as const, regionCode: '110000' }] },
    gdOperator: { roles: [{ role: 'market_operator' as const, regionCode: '440000' }] },
  };
  for (const [k, spec] of Object.entries(specs)) {
    await insertUser(db, { ...spec, email: `${k.toLowerCase()}@market.test` });
  }
  const agents = await Promise.all(Object.keys(specs).map((k) => t.login(`${k.toLowerCase()}@market.test`)));
  Object.keys(specs).forEach((k, i) => (a[k as keyof typeof a] = agents[i]!));
});
afterAll(() => t.close());

describe('listings', () => {
  it('the TTO lists a published achievement; the directory shows it; state funded for a university', async () => {
    const achId = await publishedAchievement(uni.id, '110108');
    const l = await listing(a.tto, achId, {
      mode: 'license',
      licenceKind: 'exclusive',
      licenceTerritory: '中国大陆',
      licenceTermMonths: 60,
    });
    expect(l).toMatchObject({
      status: 'listed',
      stateFunded: true,
      mode: 'license',
      licenceKind: 'exclusive',
      canManage: true,
      dataRoom: '保密：工艺参数表',
    });
    const dir = await t.request('GET', `${API}/listings?mode=license&q=${encodeURIComponent('正极')}`);
    expect(dir.status).toBe(200);
    expect(dir.body.items.map((i: any) => i.id)).toContain(l.id);
    expect(dir.body.items.find((i: any) => i.id === l.id).dataRoom).toBeNull();
    const region = await t.request('GET', `${API}/listings?region=440000`);
    expect(region.body.items.map((i: any) => i.id)).not.toContain(l.id);
    const mine = await t.request('GET', `${API}/listings?mine=true`, { as: a.tto });
    expect(mine.body.items.map((i: any) => i.id)).toContain(l.id);
  });

  it('the data room shows to NDA-granted users and the owner side only', async () => {
    const achId = await publishedAchievement(uni.id, '110108');
    const l = await listing(a.tto, achId);
    expect((await t.request('GET', `${API}/listings/${l.id}`, { as: a.buyer })).body.dataRoom).toBeNull();
    expect((await t.request('GET', `${API}/listings/${l.id}`, { as: a.uniMember })).body.dataRoom).toBe('保密：工艺参数表');
    await t.handle.db
      .insert(achievementAccessRequests)
      .values({ achievementId: achId, requesterId: a.buyer.userId, ndaAcceptedAt: clock.now(), status: 'granted' });
    expect((await t.request('GET', `${API}/listings/${l.id}`, { as: a.buyer })).body.dataRoom).toBe('保密：工艺参数表');
    expect((await t.request('GET', `${API}/listings/${l.id}`)).body.dataRoom).toBeNull();
  });

  it('the directory shows the data room only on listings whose achievement the caller was granted', async () => {
    const grantedAch = await publishedAchievement(uni.id, '110108');
    const otherAch = await publishedAchievement(uni.id, '110108');
    const granted = await listing(a.tto, grantedAch, { title: '目录资料室授权测试' });
    const other = await listing(a.tto, otherAch, { title: '目录资料室未授权测试' });
    await t.handle.db
      .insert(achievementAccessRequests)
      .values({ achievementId: grantedAch, requesterId: a.buyer2.userId, ndaAcceptedAt: clock.now(), status: 'granted' });
    const dir = await t.request('GET', `${API}/listings?q=${encodeURIComponent('目录资料室')}`, { as: a.buyer2 });
    const byId = new Map(dir.body.items.map((i: any) => [i.id, i.dataRoom]));
    expect(byId.get(granted.id)).toBe('保密：工艺参数表');
    expect(byId.get(other.id)).toBeNull();
    const seller = await t.request('GET', `${API}/listings?mine=true`, { as: a.uniMember });
    expect(seller.body.items.find((i: any) => i.id === other.id).dataRoom).toBe('保密：工艺参数表');
  });

  it('refuses instants PostgreSQL cannot store with a 400, not a 500', async () => {
    const achId = await publishedAchievement(uni.id, '110108');
    const body = { achievementId: achId, mode: 'assign', pricing: 'negotiable', listedUntil: inDays(30) };
    const paths = (res: { body: any }) => (res.body.error.details.issues as { path: string }[]).map((i) => i.path);
    const tooLate = await t.request('POST', `${API}/listings`, { as: a.tto, body: { ...body, listedUntil: '9999-12-31T23:59:59-14:00' } });
    expect(code(tooLate)).toBe('400 common/validation_failed');
    expect(paths(tooLate)).toEqual(['body.listedUntil']);
    const tooEarly = await t.request('POST', `${API}/listings`, { as: a.tto, body: { ...body, listedFrom: '0000-01-01T00:00:00Z' } });
    expect(code(tooEarly)).toBe('400 common/validation_failed');
    expect(paths(tooEarly)).toEqual(['body.listedFrom']);
    const draft = await listing(a.tto, achId, {}, false);
    const patched = await t.request('PATCH', `${API}/listings/${draft.id}`, { as: a.tto, body: { listedFrom: '0000-06-01T00:00:00Z' } });
    expect(code(patched)).toBe('400 common/validation_failed');
    expect(paths(patched)).toEqual(['body.listedFrom']);
  });

  it('refuses: non-seller, unpublished achievement, licence without kind, fixed without price, bad period, bad money, edits after publication', async () => {
    const achId = await publishedAchievement(uni.id, '110108');
    const body = { achievementId: achId, mode: 'assign', pricing: 'negotiable', listedUntil: inDays(30) };
    expect(code(await t.request('POST', `${API}/listings`, { as: a.uniMember, body }))).toBe('403 common/forbidden');
    expect(code(await t.request('POST', `${API}/listings`, { as: a.buyer, body }))).toBe('403 common/forbidden');
    expect(code(await t.request('POST', `${API}/listings`, { body }))).toBe('401 common/unauthenticated');
    const draftAch = await publishedAchievement(uni.id, '110108');
    await t.handle.db.update(achievements).set({ status: 'draft' }).where(eq(achievements.id, draftAch));
    expect(code(await t.request('POST', `${API}/listings`, { as: a.tto, body: { ...body, achievementId: draftAch } }))).toBe(
      '409 market/achievement_not_published',
    );
    expect(code(await t.request('POST', `${API}/listings`, { as: a.tto, body: { ...body, mode: 'license' } }))).toBe(
      '400 market/licence_kind_required',
    );
    expect(code(await t.request('POST', `${API}/listings`, { as: a.tto, body: { ...body, pricing: 'fixed' } }))).toBe(
      '400 market/price_required',
    );
    expect(code(await t.request('POST', `${API}/listings`, { as: a.tto, body: { ...body, listedUntil: inDays(-1) } }))).toBe(
      '400 market/period_invalid',
    );
    expect(code(await t.request('POST', `${API}/listings`, { as: a.tto, body: { ...body, pricing: 'fixed', priceFen: -1 } }))).toBe(
      '400 common/validation_failed',
    );
    expect(code(await t.request('POST', `${API}/listings`, { as: a.tto, body: { ...body, pricing: 'fixed', priceFen: 10.5 } }))).toBe(
      '400 common/validation_failed',
    );
    const draft = await listing(a.tto, achId, {}, false);
    const patched = await t.request('PATCH', `${API}/listings/${draft.id}`, {
      as: a.tto,
      body: { pricing: 'fixed', priceFen: 80_000_000 },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ pricing: 'fixed', priceFen: 80_000_000, status: 'draft' });
    expect(code(await t.request('GET', `${API}/listings/${draft.id}`, { as: a.buyer }))).toBe('404 market/listing_not_found');
    expect((await t.request('GET', `${API}/listings/${draft.id}`, { as: a.bjOperator })).status).toBe(200);
    await t.request('POST', `${API}/listings/${draft.id}/publish`, { as: a.tto });
    expect(code(await t.request('PATCH', `${API}/listings/${draft.id}`, { as: a.tto, body: { terms: 'x' } }))).toBe(
      '409 market/listing_not_editable',
    );
    expect(code(await t.request('POST', `${API}/listings/${draft.id}/publish`, { as: a.tto }))).toBe('409 market/invalid_transition');
  });
});

describe('negotiation → deal', () => {
  it('enquire → offer → counter → accept: a university seller’s deal awaits its notice; the listing is sold', async () => {
    const l = await listing(a.tto, await publishedAchievement(uni.id, '110108'));
    const enquiry = await t.request('POST', `${API}/listings/${l.id}/messages`, {
      as: a.buyer,
      body: { body: '请问是否含后续技术支持？' },
    });
    expect(enquiry.status).toBe(201);
    expect(enquiry.body.fromSide).toBe('buyer');
    const reply = await t.request('POST', `${API}/listings/${l.id}/messages`, {
      as: a.tto,
      body: { body: '含一年技术支持。', buyerOrgId: buyerOrg.id },
    });
    expect(reply.body.fromSide).toBe('seller');

    const o1 = await offer(l.id, 40_000_000);
    expect(o1).toMatchObject({
      status: 'open',
      fromSide: 'buyer',
      respondBy: inDays(7).replace('Z', '.000Z').replace('.000.000Z', '.000Z'),
    });
    expect(code(await t.request('POST', `${API}/listings/${l.id}/offers`, { as: a.buyer, body: { amountFen: 41_000_000 } }))).toBe(
      '409 market/offer_pending',
    );
    expect(code(await t.request('POST', `${API}/offers/${o1.id}/accept`, { as: a.buyer }))).toBe('403 market/not_your_turn');
    const threads = await t.request('GET', `${API}/listings/${l.id}/threads`, { as: a.tto });
    expect(threads.body).toEqual([
      expect.objectContaining({
        buyerOrgId: buyerOrg.id,
        messageCount: 2,
        offerCount: 1,
        openOffer: expect.objectContaining({ id: o1.id }),
      }),
    ]);

    // The seller side hears of the offer in-app, with a link to the listing.
    const sellerInbox = await t.request('GET', '/api/v1/notifications', { as: a.tto });
    expect(sellerInbox.body.items).toContainEqual(
      expect.objectContaining({ kind: 'offer_received', data: expect.objectContaining({ offerId: o1.id, link: `/market/listings/${l.id}` }) }),
    );
    const counter = await t.request('POST', `${API}/offers/${o1.id}/counter`, {
      as: a.tto,
      body: { amountFen: 46_000_000, terms: '一次性付款' },
    });
    expect(counter.status, JSON.stringify(counter.body)).toBe(200);
    expect(counter.body.offer.status).toBe('countered');
    expect(counter.body.counterOffer).toMatchObject({ fromSide: 'seller', previousOfferId: o1.id, amountFen: 46_000_000, status: 'open' });
    expect(code(await t.request('POST', `${API}/offers/${o1.id}/accept`, { as: a.tto }))).toBe('409 market/offer_not_open');

    const accepted = await t.request('POST', `${API}/offers/${counter.body.counterOffer.id}/accept`, { as: a.buyer });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.dealId).toBeTruthy();
    expect(code(await t.request('POST', `${API}/offers/${counter.body.counterOffer.id}/accept`, { as: a.buyer }))).toBe(
      '409 market/offer_not_open',
    );

    // The counter-offer came from the seller: the seller side hears that it was accepted.
    const answered = await t.request('GET', '/api/v1/notifications', { as: a.tto });
    expect(answered.body.items).toContainEqual(
      expect.objectContaining({ kind: 'offer_answered', data: expect.objectContaining({ link: `/market/deals/${accepted.body.dealId}` }) }),
    );
    const buyerInbox = await t.request('GET', '/api/v1/notifications', { as: a.buyer });
    expect(buyerInbox.body.items.map((n: any) => n.kind)).toContain('offer_received'); // the counter-offer
    const deal = await t.request('GET', `${API}/deals/${accepted.body.dealId}`, { as: a.tto });
    expect(deal.body).toMatchObject({
      status: 'awaiting_notice',
      pricingMethod: 'negotiated',
      priceFen: 46_000_000,
      commissionFen: 460_000,
      stateFunded: true,
      mySide: 'seller',
      notice: null,
      canPublishNotice: true,
      contractDraft: null,
    });
    expect(deal.body.offers.map((o: any) => o.status)).toEqual(['countered', 'accepted']);
    expect((await t.request('GET', `${API}/deals/${accepted.body.dealId}`, { as: a.buyer })).body).toMatchObject({
      mySide: 'buyer',
      canPublishNotice: false,
    });
    expect((await t.request('GET', `${API}/listings/${l.id}`)).body.status).toBe('sold');
    const thread = await t.request('GET', `${API}/listings/${l.id}/thread`, { as: a.buyer });
    expect(thread.body).toMatchObject({ mySide: 'buyer', dealId: accepted.body.dealId });
    expect(thread.body.messages.map((m: any) => m.fromSide)).toEqual(['buyer', 'seller']);
    expect(code(await t.request('POST', `${API}/listings/${l.id}/offers`, { as: a.buyer2, body: { amountFen: 1 } }))).toBe(
      '409 market/listing_not_open',
    );

    const audits = await t.handle.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, accepted.body.dealId));
    expect(audits.map((r) => r.action)).toEqual(['deal.opened']);
  });

  it('a fixed-price listing of a non-state-funded seller accepted at its price concludes at once with a contract draft', async () => {
    const l = await listing(a.entOwner, await publishedAchievement(ent.id, '440305'), { pricing: 'fixed', priceFen: 20_000_000 });
    expect(l.stateFunded).toBe(false);
    const o = await offer(l.id, 20_000_000);
    const res = await t.request('POST', `${API}/offers/${o.id}/accept`, { as: a.entOwner });
    const deal = await t.request('GET', `${API}/deals/${res.body.dealId}`, { as: a.entOwner });
    expect(deal.body).toMatchObject({ status: 'concluded', pricingMethod: 'listing', stateFunded: false });
    expect(deal.body.contractDraft).toMatchObject({ contractAmountFen: 20_000_000, pricingMethod: 'listing' });
  });

  it('an ordinary licence stays listed after a deal; other buyers keep negotiating', async () => {
    const l = await listing(a.entOwner, await publishedAchievement(ent.id, '440305'), { mode: 'license', licenceKind: 'ordinary' });
    const o = await offer(l.id, 5_000_000);
    const o2 = await offer(l.id, 6_000_000, a.buyer2);
    const res = await t.request('POST', `${API}/offers/${o.id}/accept`, { as: a.entOwner });
    expect(res.status).toBe(200);
    expect((await t.request('GET', `${API}/listings/${l.id}`)).body.status).toBe('listed');
    expect((await t.request('POST', `${API}/offers/${o2.id}/accept`, { as: a.entOwner })).status).toBe(200);
  });

  it('decline with a reason code and a note; withdraw your own; selling closes the other open offers', async () => {
    const l = await listing(a.entOwner, await publishedAchievement(ent.id, '440305'));
    const o = await offer(l.id, 1_000_000);
    expect(code(await t.request('POST', `${API}/offers/${o.id}/decline`, { as: a.entOwner, body: { reason: 'cheap', note: '' } }))).toBe(
      '400 common/validation_failed',
    );
    const res = await t.request('POST', `${API}/offers/${o.id}/decline`, {
      as: a.entOwner,
      body: { reason: 'price_too_low', note: '低于评估价' },
    });
    expect(res.body.offer).toMatchObject({ status: 'declined', declineReason: 'price_too_low', declineNote: '低于评估价' });
    expect(code(await t.request('POST', `${API}/offers/${o.id}/decline`, { as: a.entOwner, body: { reason: 'other', note: '' } }))).toBe(
      '409 market/offer_not_open',
    );
    const o2 = await offer(l.id, 2_000_000);
    expect(code(await t.request('POST', `${API}/offers/${o2.id}/withdraw`, { as: a.entOwner }))).toBe('403 market/not_your_turn');
    expect((await t.request('POST', `${API}/offers/${o2.id}/withdraw`, { as: a.buyer })).body.offer.status).toBe('withdrawn');
    const o3 = await offer(l.id, 3_000_000);
    const other = await offer(l.id, 2_500_000, a.buyer2);
    await t.request('POST', `${API}/offers/${o3.id}/accept`, { as: a.entOwner });
    const thread = await t.request('GET', `${API}/listings/${l.id}/thread?buyerOrgId=${buyerOrg2.id}`, { as: a.entOwner });
    expect(thread.body.offers.find((x: any) => x.id === other.id)).toMatchObject({
      status: 'declined',
      declineReason: 'already_committed',
    });
  });

  it('refusals: own listing, no verified buyer organisation, strangers, bad money, withdrawn listing', async () => {
    const l = await listing(a.tto, await publishedAchievement(uni.id, '110108'));
    expect(code(await t.request('POST', `${API}/listings/${l.id}/offers`, { as: a.tto, body: { amountFen: 100 } }))).toBe(
      '403 market/own_listing',
    );
    expect(code(await t.request('POST', `${API}/listings/${l.id}/offers`, { as: a.uniMember, body: { amountFen: 100 } }))).toBe(
      '403 market/own_listing',
    );
    expect(code(await t.request('POST', `${API}/listings/${l.id}/offers`, { as: a.outsider, body: { amountFen: 100 } }))).toBe(
      '403 market/buyer_org_required',
    );
    expect(code(await t.request('POST', `${API}/listings/${l.id}/offers`, { as: a.buyer, body: { amountFen: -5 } }))).toBe(
      '400 common/validation_failed',
    );
    expect(code(await t.request('POST', `${API}/listings/${l.id}/offers`, { as: a.buyer, body: { amountFen: 0.5 } }))).toBe(
      '400 common/validation_failed',
    );
    const o = await offer(l.id, 100);
    expect(code(await t.request('POST', `${API}/offers/${o.id}/accept`, { as: a.buyer2 }))).toBe('404 market/offer_not_found');
    expect(code(await t.request('GET', `${API}/listings/${l.id}/threads`, { as: a.buyer }))).toBe('403 common/forbidden');
    expect(code(await t.request('GET', `${API}/listings/${l.id}/thread?buyerOrgId=${buyerOrg.id}`, { as: a.buyer2 }))).toBe(
      '404 market/thread_not_found',
    );
    expect(
      code(await t.request('POST', `${API}/listings/${l.id}/messages`, { as: a.tto, body: { body: 'hi', buyerOrgId: buyerOrg2.id } })),
    ).toBe('404 market/thread_not_found');
    expect((await t.request('POST', `${API}/listings/${l.id}/withdraw`, { as: a.tto })).body.status).toBe('withdrawn');
    expect(code(await t.request('POST', `${API}/listings/${l.id}/offers`, { as: a.buyer2, body: { amountFen: 100 } }))).toBe(
      '409 market/listing_not_open',
    );
    expect(code(await t.request('POST', `${API}/offers/${o.id}/accept`, { as: a.tto }))).toBe('409 market/offer_not_open');
  });
});

describe('scheduler jobs', () => {
  it('offer.expire expires an unanswered offer at respondBy, exactly once', async () => {
    const l = await listing(a.entOwner, await publishedAchievement(ent.id, '440305'), { listedUntil: inDays(60) });
    const o = await offer(l.id, 7_000_000);
    await t.services.scheduler.runDue();
    expect((await t.request('GET', `${API}/listings/${l.id}/thread`, { as: a.buyer })).body.offers[0].status).toBe('open');
    clock.advance(7 * 86_400_000);
    await relogin();
    const ran = await t.services.scheduler.runDue();
    expect(ran.ran).toBeGreaterThanOrEqual(1);
    expect((await t.request('GET', `${API}/listings/${l.id}/thread`, { as: a.buyer })).body.offers[0].status).toBe('expired');
    const [job] = await t.handle.db
      .select()
      .from(scheduledJobs)
      .where(and(eq(scheduledJobs.kind, 'offer.expire'), eq(scheduledJobs.key, o.id)));
    expect(job).toMatchObject({ status: 'done', attempts: 1 });
    expect(code(await t.request('POST', `${API}/offers/${o.id}/accept`, { as: a.entOwner }))).toBe('409 market/offer_not_open');
    const audits = await t.handle.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, o.id));
    expect(audits.filter((r) => r.action === 'offer.expired')).toHaveLength(1);
  });

  it('listing.expire expires a listing at listedUntil and lapses its open offers', async () => {
    const l = await listing(a.entOwner, await publishedAchievement(ent.id, '440305'), { listedUntil: inDays(3) });
    const o = await offer(l.id, 8_000_000);
    clock.advance(3 * 86_400_000);
    await relogin();
    await t.services.scheduler.runDue();
    expect((await t.request('GET', `${API}/listings/${l.id}`)).body.status).toBe('expired');
    expect(
      (await t.request('GET', `${API}/listings/${l.id}/thread`, { as: a.buyer })).body.offers.find((x: any) => x.id === o.id).status,
    ).toBe('declined');
    await t.services.scheduler.runDue();
    const audits = await t.handle.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, l.id));
    expect(audits.filter((r) => r.action === 'listing.expired')).toHaveLength(1);
  });
});

describe('deal workspace', () => {
  let dealId: string;
  beforeAll(async () => {
    const l = await listing(a.tto, await publishedAchievement(uni.id, '110108'));
    const o = await offer(l.id, 30_000_000);
    dealId = (await t.request('POST', `${API}/offers/${o.id}/accept`, { as: a.tto })).body.dealId;
  });

  it('parties, region operators and platform admins see the deal; others do not', async () => {
    expect((await t.request('GET', `${API}/deals/${dealId}`, { as: a.bjOperator })).body.mySide).toBeNull();
    expect((await t.request('GET', `${API}/deals/${dealId}`, { as: a.admin })).status).toBe(200);
    expect(code(await t.request('GET', `${API}/deals/${dealId}`, { as: a.gdOperator }))).toBe('404 market/deal_not_found');
    expect(code(await t.request('GET', `${API}/deals/${dealId}`, { as: a.buyer2 }))).toBe('404 market/deal_not_found');
    const sellerList = await t.request('GET', `${API}/deals?role=seller`, { as: a.tto });
    expect(sellerList.body.items.map((d: any) => d.id)).toContain(dealId);
    const buyerList = await t.request('GET', `${API}/deals?role=seller`, { as: a.buyer });
    expect(buyerList.body.items.map((d: any) => d.id)).not.toContain(dealId);
    expect((await t.request('GET', `${API}/deals?role=buyer`, { as: a.buyer })).body.items.map((d: any) => d.id)).toContain(dealId);
    expect((await t.request('GET', `${API}/deals`, { as: a.bjOperator })).body.items.map((d: any) => d.id)).toContain(dealId);
    expect((await t.request('GET', `${API}/deals`, { as: a.gdOperator })).body.items.map((d: any) => d.id)).not.toContain(dealId);
  });

  it('messages with a document: stored with its SHA-256, downloaded as an attachment; too large refused', async () => {
    const content = Buffer.from('技术转让合同草稿 v1');
    const res = await t.request('POST', `${API}/deals/${dealId}/messages`, {
      as: a.buyer,
      body: {
        body: '合同草稿见附件',
        document: { name: '合同草稿.txt', mediaType: 'text/plain', contentBase64: content.toString('base64') },
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.document).toEqual({
      name: '合同草稿.txt',
      mediaType: 'text/plain',
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
    });
    const list = await t.request('GET', `${API}/deals/${dealId}/messages`, { as: a.tto });
    expect(list.body.at(-1)).toMatchObject({ id: res.body.id, fromSide: 'buyer' });
    const dl = await t.request('GET', `${API}/deals/${dealId}/documents/${res.body.id}`, { as: a.tto });
    expect(dl.status).toBe(200);
    expect(dl.headers['content-disposition']).toMatch(/^attachment; /);
    expect(dl.raw.rawPayload.equals(content)).toBe(true);
    expect(code(await t.request('GET', `${API}/deals/${dealId}/documents/${res.body.id}`, { as: a.buyer2 }))).toBe(
      '404 market/deal_not_found',
    );
    const big = Buffer.alloc(1_048_577, 1).toString('base64');
    expect(
      code(
        await t.request('POST', `${API}/deals/${dealId}/messages`, {
          as: a.buyer,
          body: { body: '', document: { name: 'big.bin', mediaType: 'application/octet-stream', contentBase64: big } },
        }),
      ),
    ).toBe('400 market/document_too_large');
    expect(code(await t.request('POST', `${API}/deals/${dealId}/messages`, { as: a.bjOperator, body: { body: 'x' } }))).toBe(
      '403 common/forbidden',
    );
    const textOnly = await t.request('POST', `${API}/deals/${dealId}/messages`, { as: a.tto, body: { body: '已收到，法务审核中。' } });
    expect(textOnly.body).toMatchObject({ fromSide: 'seller', document: null });
    expect(code(await t.request('GET', `${API}/deals/${dealId}/documents/${textOnly.body.id}`, { as: a.tto }))).toBe(
      '404 market/document_not_found',
    );
    expect(
      code(
        await t.request('POST', `${API}/deals/${dealId}/messages`, {
          as: a.buyer,
          body: { body: '', document: { name: 'x.txt', mediaType: 'text/plain', contentBase64: '不是base64!' } },
        }),
      ),
    ).toBe('400 market/document_invalid');
    expect(code(await t.request('POST', `${API}/deals/${dealId}/messages`, { as: a.buyer, body: { body: '' } }))).toBe(
      '400 common/validation_failed',
    );
    expect(
      code(
        await t.request('POST', `${API}/deals/${dealId}/messages`, {
          as: a.buyer,
          body: { body: '', document: { name: 'empty.txt', mediaType: 'text/plain', contentBase64: ' \n ' } },
        }),
      ),
    ).toBe('400 market/document_invalid');
    const audits = await t.handle.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, dealId));
    expect(audits.map((r) => r.action)).toEqual(expect.arrayContaining(['deal.opened', 'deal.document_shared', 'deal.message']));
  });
});

describe('fee schedule', () => {
  it('defaults, platform admins schedule future fees, refusals', async () => {
    const before = await t.request('GET', `${API}/fees`);
    expect(before.body.inForce).toEqual({ effectiveFrom: null, commissionBp: 100, depositBp: 1000, depositMinFen: 1_000_000 });
    const body = { effectiveFrom: '2027-01-01', commissionBp: 150, depositBp: 1000, depositMinFen: 2_000_000 };
    expect(code(await t.request('POST', `${API}/fees`, { as: a.bjOperator, body }))).toBe('403 common/forbidden');
    const res = await t.request('POST', `${API}/fees`, { as: a.admin, body });
    expect(res.status).toBe(201);
    expect(res.body.upcoming).toEqual([body]);
    expect(code(await t.request('POST', `${API}/fees`, { as: a.admin, body }))).toBe('409 market/fee_schedule_exists');
    expect(code(await t.request('POST', `${API}/fees`, { as: a.admin, body: { ...body, effectiveFrom: '2020-01-01' } }))).toBe(
      '400 market/fee_date_past',
    );
    expect(code(await t.request('POST', `${API}/fees`, { as: a.admin, body: { ...body, commissionBp: 10_001 } }))).toBe(
      '400 common/validation_failed',
    );
  });
});
