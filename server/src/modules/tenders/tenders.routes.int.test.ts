import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newChainId } from '#server/lib/ids';
import { demands } from '#server/modules/demands/demands.tables';
import { marketDeals } from '#server/modules/market/market.tables';
import { scheduledJobs } from '#server/modules/scheduler/scheduler.tables';
import { insertOrganisation, insertUser } from '#server/test-factories';
import { createTestApp, fixedClock, type Agent, type TestApp } from '#server/test-app';
import { tenderProposals } from './tenders.tables';

const API = '/api/v1/tenders';
const START = '2026-11-25T02:00:00.000Z';
const clock = fixedClock(START);
const HOUR = 3_600_000;
const UNIV_NAME = '京华密封测试大学';
const ENT_NAME = '密封测试装备有限公司';
const UNIV_PRICE = 812_345;
const ENT_PRICE = 900_000;

let t: TestApp;
const a = {} as Record<'buyer' | 'univ' | 'ent' | 'other' | 'admin' | 'operator' | 'pending', Agent>;
let buyerOrg: string;
let univOrg: string;
let entOrg: string;
let demandId: string;

const CRITERIA = [
  { key: 'price', label: '报价', weight: 40, kind: 'price' },
  { key: 'tech', label: '技术方案', weight: 60, kind: 'manual' },
];

function tenderBody(over: Record<string, unknown> = {}) {
  return {
    demandId,
    title: '工业视觉缺陷检测方案招标',
    description: '面向 3C 金属外壳的表面缺陷检测，漏检率低于 0.1%。',
    criteria: CRITERIA,
    budgetMaxFen: 1_000_000,
    deadline: new Date(clock.now().getTime() + 2 * HOUR).toISOString(),
    ...over,
  };
}

function proposalBody(priceFen: number, over: Record<string, unknown> = {}) {
  return { priceFen, terms: '合同签订后 30 日内一次性付款', technicalProposal: '基于深度学习的检测方案，含样机与部署。', ...over };
}

async function openTender(over: Record<string, unknown> = {}) {
  const created = await t.request('POST', API, { as: a.buyer, body: tenderBody(over) });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const published = await t.request('POST', `${API}/${created.body.id}/publish`, { as: a.buyer });
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  return created.body.id as string;
}

async function submit(as: Agent, id: string, priceFen: number, over: Record<string, unknown> = {}) {
  return t.request('POST', `${API}/${id}/proposals`, { as, body: proposalBody(priceFen, over) });
}

async function passDeadline(id: string) {
  const row = (await t.request('GET', `${API}/${id}`)).body;
  clock.set(new Date(new Date(row.deadline).getTime() + 1_000));
  return t.services.scheduler.runDue();
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.handle.db;
  buyerOrg = (await insertOrganisation(db, { name: '深圳招标测试企业', type: 'enterprise', regionCode: '440305' })).id;
  univOrg = (await insertOrganisation(db, { name: UNIV_NAME, type: 'university', regionCode: '110108' })).id;
  entOrg = (await insertOrganisation(db, { name: ENT_NAME, type: 'enterprise', regionCode: '210112' })).id;
  const otherOrg = (await insertOrganisation(db, { name: '第三方测试机构', type: 'enterprise', regionCode: '310104' })).id;
  const pendingOrg = (await insertOrganisation(db, { name: '待认证投标机构', type: 'enterprise', regionCode: '310104', status: 'pending' }))
    .id;
  const specs = {
    buyer: {
      regionCode: '440305',
      roles: [{ role: 'enterprise_member' as const }],
      orgs: [{ organisationId: buyerOrg, role: 'owner' as const }],
    },
    univ: {
      regionCode: '110108',
      roles: [{ role: 'tto_officer' as const, organisationId: univOrg }],
      orgs: [{ organisationId: univOrg, role: 'member' as const }],
    },
    ent: {
      regionCode: '210112',
      roles: [{ role: 'enterprise_member' as const }],
      orgs: [{ organisationId: entOrg, role: 'owner' as const }],
    },
    other: { regionCode: '310104', orgs: [{ organisationId: otherOrg, role: 'owner' as const }] },
    admin: { regionCode: null, roles: [{ role: 'platform_admin' as const }] },
    operator: { regionCode: '440000', roles: [{ role: 'market_operator' as const, regionCode: '440000' }] },
    pending: { regionCode: '310104', orgs: [{ organisationId: pendingOrg, role: 'owner' as const }] },
  };
  for (const [key, spec] of Object.entries(specs)) {
    await insertUser(db, { ...spec, email: `${key}@tenders.test` });
  }
  const agents = await Promise.all(Object.keys(specs).map((k) => t.login(`${k}@tenders.test`)));
  Object.keys(specs).forEach((k, i) => (a[k as keyof typeof a] = agents[i]!));
  const [d] = await db
    .insert(demands)
    .values({
      chainId: newChainId('D', clock.now()),
      ownerOrgId: buyerOrg,
      regionCode: '440305',
      title: '工业视觉检测需求',
      description: '需要缺陷检测方案。',
      status: 'published',
      publishedAt: clock.now(),
    })
    .returning();
  demandId = d!.id;
});
afterAll(() => t.close());

describe('tender: full flow with sealed proposals, opening, scoring and award', () => {
  let id: string;
  let univProposal: string;
  let entProposal: string;

  it('creates a draft that only the buyer sees, and publishes it with the opening scheduled at the deadline', async () => {
    const created = await t.request('POST', API, { as: a.buyer, body: tenderBody() });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    id = created.body.id;
    expect(created.body).toMatchObject({ status: 'draft', isBuyer: true, proposalCount: 0, ranking: null, criteria: CRITERIA });
    expect((await t.request('GET', `${API}/${id}`)).status).toBe(404);
    expect((await t.request('GET', `${API}/${id}`, { as: a.admin })).status).toBe(404);
    const patched = await t.request('PATCH', `${API}/${id}`, { as: a.buyer, body: { title: '工业视觉缺陷检测方案招标（修订）' } });
    expect(patched.status).toBe(200);
    expect((await t.request('PATCH', `${API}/${id}`, { as: a.univ, body: { title: '改不了' } })).status).toBe(404);

    const published = await t.request('POST', `${API}/${id}/publish`, { as: a.buyer });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body.status).toBe('open');
    const [job] = await t.handle.db.select().from(scheduledJobs).where(eq(scheduledJobs.key, id));
    expect(job).toMatchObject({ kind: 'tender.open', status: 'pending' });
    expect(job!.runAt.toISOString()).toBe(published.body.deadline);
    expect((await t.request('PATCH', `${API}/${id}`, { as: a.buyer, body: { title: '发布后修改' } })).body.error.code).toBe(
      'tender/not_editable',
    );
  });

  it('takes two sealed proposals; each bidder sees only its own, replacing keeps one per organisation', async () => {
    const u = await submit(a.univ, id, UNIV_PRICE);
    expect(u.status, JSON.stringify(u.body)).toBe(200);
    expect(u.body).toMatchObject({ status: 'sealed', bidderName: UNIV_NAME, isMine: true, priceFen: UNIV_PRICE, transferMode: 'assign' });
    univProposal = u.body.id;
    const e1 = await submit(a.ent, id, 950_000, { transferMode: 'license' });
    expect(e1.status).toBe(200);
    const e2 = await submit(a.ent, id, ENT_PRICE, { transferMode: 'license' });
    expect(e2.status).toBe(200);
    expect(e2.body.id).toBe(e1.body.id);
    expect(e2.body.priceFen).toBe(ENT_PRICE);
    expect(e2.body).toMatchObject({ bidderName: ENT_NAME, isMine: true });
    entProposal = e2.body.id;

    const univList = await t.request('GET', `${API}/${id}/proposals`, { as: a.univ });
    expect(univList.body.items.map((p: { id: string }) => p.id)).toEqual([univProposal]);
    const entMine = await t.request('GET', `${API}/${id}/proposals/mine`, { as: a.ent });
    expect(entMine.body.proposal).toMatchObject({ id: entProposal, priceFen: ENT_PRICE, transferMode: 'license' });
    expect((await t.request('GET', `${API}/${id}/proposals/mine`, { as: a.other })).body).toEqual({ proposal: null });
  });

  it('shows the buyer, operators, administrators and the public only the count before opening', async () => {
    for (const as of [a.buyer, a.admin, a.operator, a.other]) {
      const list = await t.request('GET', `${API}/${id}/proposals`, { as });
      expect(list.status).toBe(200);
      expect(list.body.items).toEqual([]);
      expect((await t.request('GET', `${API}/${id}/proposals/mine`, { as })).body).toEqual({ proposal: null });
    }
    for (const as of [undefined, a.buyer, a.admin, a.operator]) {
      const detail = await t.request('GET', `${API}/${id}`, { as });
      expect(detail.body).toMatchObject({ proposalCount: 2, ranking: null, status: 'open' });
      const pub = await t.request('GET', `${API}?status=open`, { as });
      const row = pub.body.items.find((r: { id: string }) => r.id === id);
      expect(Object.keys(row).sort()).toEqual(['budgetMaxFen', 'buyerName', 'deadline', 'id', 'proposalCount', 'status', 'title']);
      expect(row.proposalCount).toBe(2);
      for (const text of [JSON.stringify(detail.body), JSON.stringify(pub.body)]) {
        expect(text).not.toContain(UNIV_NAME);
        expect(text).not.toContain(ENT_NAME);
        expect(text).not.toContain(String(UNIV_PRICE));
      }
    }
    // Not even the audit trail (readable by platform administrators) names a bidder before opening.
    const audit = await t.request('GET', '/api/v1/audit/events?pageSize=200', { as: a.admin });
    expect(audit.status).toBe(200);
    expect(JSON.stringify(audit.body)).not.toContain(String(UNIV_PRICE));
    expect(JSON.stringify(audit.body)).not.toContain(univProposal);
  });

  it('refuses the buyer bidding, prices over the ceiling, an unverified bidder, and scoring or award before opening', async () => {
    expect((await submit(a.buyer, id, 100)).body.error.code).toBe('tender/own_tender');
    const over = await submit(a.other, id, 1_000_001);
    expect(over.status).toBe(400);
    expect(over.body.error.code).toBe('tender/budget_exceeded');
    expect(over.body.error.details.issues[0].path).toBe('body.priceFen');
    expect((await submit(a.other, id, -1)).status).toBe(400);
    expect((await submit(a.other, id, 10.5)).status).toBe(400);
    expect((await submit(a.pending, id, 100)).body.error.code).toBe('tender/bidder_not_verified');
    const score = await t.request('PUT', `${API}/${id}/proposals/${univProposal}/scores`, { as: a.buyer, body: { scores: { tech: 90 } } });
    expect(score.status).toBe(409);
    expect(score.body.error.code).toBe('tender/not_opened');
    const award = await t.request('POST', `${API}/${id}/award`, {
      as: a.buyer,
      body: { proposalId: univProposal, reason: '综合得分第一' },
    });
    expect(award.body.error.code).toBe('tender/not_opened');
    // A third proposal withdrawn before the deadline does not count.
    const third = await submit(a.other, id, 990_000);
    expect((await t.request('GET', `${API}/${id}`)).body.proposalCount).toBe(3);
    const w = await t.request('POST', `${API}/${id}/proposals/${third.body.id}/withdraw`, { as: a.other });
    expect(w.body.status).toBe('withdrawn');
    expect((await t.request('POST', `${API}/${id}/proposals/${third.body.id}/withdraw`, { as: a.univ })).status).toBe(404);
    expect((await t.request('GET', `${API}/${id}`)).body.proposalCount).toBe(2);
  });

  it('opens every sealed proposal together at the deadline, exactly once; later proposals are refused', async () => {
    const early = await t.services.scheduler.runDue();
    expect(early.ran).toBe(0);
    const run = await passDeadline(id);
    expect(run.ran).toBe(1);
    expect((await t.services.scheduler.runDue()).ran).toBe(0);
    const late = await submit(a.other, id, 500_000);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('tender/deadline_passed');
    expect((await t.request('POST', `${API}/${id}/proposals/${univProposal}/withdraw`, { as: a.univ })).body.error.code).toBe(
      'tender/deadline_passed',
    );

    const pub = await t.request('GET', `${API}/${id}`);
    expect(pub.body.status).toBe('opened');
    // The proposal withdrawn before the deadline is neither counted nor ranked.
    expect(pub.body.proposalCount).toBe(2);
    expect(pub.body.ranking.map((r: { bidderName: string; rank: number }) => [r.rank, r.bidderName])).toEqual([
      [1, UNIV_NAME],
      [2, ENT_NAME],
    ]);
    const buyerView = await t.request('GET', `${API}/${id}/proposals`, { as: a.buyer });
    expect(buyerView.body.items).toHaveLength(2);
    expect(buyerView.body.items.every((p: { status: string }) => p.status === 'opened')).toBe(true);
    // Price scores by formula at opening: 812345 / 900000 × 100 = 90.26.
    expect(buyerView.body.items.find((p: { id: string }) => p.id === entProposal).scoresX100).toEqual({ price: 9_026 });
    expect((await t.request('GET', `${API}/${id}/proposals`, { as: a.admin })).body.items).toEqual([]);
  });

  it('lets the buyer score manual criteria, ranks by total, and refuses unknown keys or award before all are scored', async () => {
    const bad = await t.request('PUT', `${API}/${id}/proposals/${univProposal}/scores`, { as: a.buyer, body: { scores: { price: 50 } } });
    expect(bad.body.error.code).toBe('tender/score_invalid');
    expect(
      (await t.request('PUT', `${API}/${id}/proposals/${univProposal}/scores`, { as: a.buyer, body: { scores: { tech: 101 } } })).status,
    ).toBe(400);
    expect(
      (await t.request('PUT', `${API}/${id}/proposals/${univProposal}/scores`, { as: a.univ, body: { scores: { tech: 100 } } })).status,
    ).toBe(403);
    const s1 = await t.request('PUT', `${API}/${id}/proposals/${univProposal}/scores`, { as: a.buyer, body: { scores: { tech: 90 } } });
    expect(s1.status, JSON.stringify(s1.body)).toBe(200);
    expect(s1.body).toMatchObject({ totalScoreX100: 9_400, rank: 1, bidderName: UNIV_NAME, isMine: false }); // 40 × 100 + 60 × 90
    const early = await t.request('POST', `${API}/${id}/award`, {
      as: a.buyer,
      body: { proposalId: univProposal, reason: '综合得分第一' },
    });
    expect(early.body.error.code).toBe('tender/scores_incomplete');
    const s2 = await t.request('PUT', `${API}/${id}/proposals/${entProposal}/scores`, { as: a.buyer, body: { scores: { tech: 80 } } });
    expect(s2.body).toMatchObject({ totalScoreX100: 8_410, rank: 2 }); // (40 × 90.26 + 60 × 80) = 84.104 → 84.10
  });

  it('awards: a deal is opened (state-funded university → awaiting_notice), the other bidder reads its rank, score and reason', async () => {
    const award = await t.request('POST', `${API}/${id}/award`, {
      as: a.buyer,
      body: { proposalId: univProposal, reason: '技术方案最优且报价最低' },
    });
    expect(award.status, JSON.stringify(award.body)).toBe(200);
    expect(award.body).toMatchObject({ status: 'awarded', awardedProposalId: univProposal, awardReason: '技术方案最优且报价最低' });
    const [deal] = await t.handle.db.select().from(marketDeals).where(eq(marketDeals.tenderId, id));
    expect(deal).toMatchObject({
      pricingMethod: 'tender',
      status: 'awaiting_notice',
      sellerOrgId: univOrg,
      buyerOrgId: buyerOrg,
      priceFen: UNIV_PRICE,
      stateFunded: true,
      transferMode: 'assign',
      demandId,
    });
    expect(award.body.dealId).toBe(deal!.id);
    expect((await t.request('GET', `${API}/${id}`)).body.dealId).toBeNull();

    const again = await t.request('POST', `${API}/${id}/award`, { as: a.buyer, body: { proposalId: entProposal, reason: '再次定标' } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('tender/invalid_transition');

    const mine = (await t.request('GET', `${API}/${id}/proposals/mine`, { as: a.ent })).body.proposal;
    expect(mine.status).toBe('unsuccessful');
    // Each bidder's members are told in-app: the loser with a link to the tender, the winner to the deal.
    const entInbox = (await t.request('GET', '/api/v1/notifications', { as: a.ent })).body.items;
    expect(entInbox).toContainEqual(expect.objectContaining({ kind: 'tender_outcome', data: expect.objectContaining({ link: `/market/tenders/${id}` }) }));
    const univInbox = (await t.request('GET', '/api/v1/notifications', { as: a.univ })).body.items;
    expect(univInbox).toContainEqual(expect.objectContaining({ kind: 'tender_outcome', data: expect.objectContaining({ link: `/market/deals/${award.body.dealId}` }) }));
    expect(mine.outcomeReason).toContain('第 2 名');
    expect(mine.outcomeReason).toContain('84.10');
    expect(mine.outcomeReason).toContain('技术方案最优且报价最低');
    expect((await t.request('GET', `${API}/${id}/proposals/mine`, { as: a.univ })).body.proposal.status).toBe('awarded');
    expect((await t.request('GET', `${API}?status=awarded`)).body.items.map((r: { id: string }) => r.id)).toContain(id);
  });
});

describe('tender: other outcomes and refusals', () => {
  it('awards an enterprise bidder: the deal is concluded at once, as a licence', async () => {
    const id = await openTender({ criteria: [{ key: 'price', label: '报价', weight: 100, kind: 'price' }] });
    const p = await submit(a.ent, id, 700_000, { transferMode: 'license' });
    await passDeadline(id);
    const award = await t.request('POST', `${API}/${id}/award`, { as: a.buyer, body: { proposalId: p.body.id, reason: '唯一有效投标' } });
    expect(award.status, JSON.stringify(award.body)).toBe(200);
    const [deal] = await t.handle.db.select().from(marketDeals).where(eq(marketDeals.tenderId, id));
    expect(deal).toMatchObject({ status: 'concluded', stateFunded: false, transferMode: 'license', priceFen: 700_000 });
    expect(deal!.contractDraft).toMatchObject({ pricingMethod: 'tender', chainId: deal!.chainId });
  });

  it('refuses criteria whose weights do not sum to 100, duplicate keys, two price criteria and a deadline too soon', async () => {
    const sum = await t.request('POST', API, {
      as: a.buyer,
      body: tenderBody({ criteria: [{ key: 'tech', label: '技术', weight: 90, kind: 'manual' }] }),
    });
    expect(sum.status).toBe(400);
    expect(sum.body.error.code).toBe('tender/criteria_weights_sum');
    const dup = await t.request('POST', API, {
      as: a.buyer,
      body: tenderBody({
        criteria: [
          { key: 'tech', label: '技术', weight: 50, kind: 'manual' },
          { key: 'tech', label: '技术2', weight: 50, kind: 'manual' },
        ],
      }),
    });
    expect(dup.body.error.code).toBe('tender/criteria_duplicate_key');
    const prices = await t.request('POST', API, {
      as: a.buyer,
      body: tenderBody({
        criteria: [
          { key: 'p1', label: '报价', weight: 50, kind: 'price' },
          { key: 'p2', label: '报价2', weight: 50, kind: 'price' },
        ],
      }),
    });
    expect(prices.body.error.code).toBe('tender/criteria_price_count');
    const soon = await t.request('POST', API, {
      as: a.buyer,
      body: tenderBody({ deadline: new Date(clock.now().getTime() + 30 * 60_000).toISOString() }),
    });
    expect(soon.body.error.code).toBe('tender/deadline_too_soon');
    expect((await t.request('POST', API, { as: a.buyer, body: tenderBody({ budgetMaxFen: 1.5 }) })).status).toBe(400);
    expect((await t.request('POST', API, { as: a.univ, body: tenderBody() })).status).toBe(403);
  });

  it('fails a tender nobody bid on at the deadline', async () => {
    const id = await openTender();
    expect((await passDeadline(id)).ran).toBe(1);
    expect((await t.request('GET', `${API}/${id}`)).body).toMatchObject({ status: 'failed', proposalCount: 0 });
  });

  it('cancels before opening: sealed proposals are released unopened and the opening is unscheduled', async () => {
    const id = await openTender();
    const p = await submit(a.univ, id, 300_000);
    const res = await t.request('POST', `${API}/${id}/cancel`, { as: a.buyer, body: { reason: '需求已调整' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'cancelled', closedReason: '需求已调整', ranking: null });
    const [row] = await t.handle.db.select().from(tenderProposals).where(eq(tenderProposals.id, p.body.id));
    expect(row).toMatchObject({ status: 'released' });
    expect((await t.handle.db.select().from(scheduledJobs).where(eq(scheduledJobs.key, id))).length).toBe(0);
    expect((await t.request('GET', `${API}/${id}/proposals`, { as: a.buyer })).body.items).toEqual([]);
  });

  it('lets the buyer declare no award after opening, with the reason told to every bidder', async () => {
    const id = await openTender({ criteria: [{ key: 'price', label: '报价', weight: 100, kind: 'price' }] });
    await submit(a.univ, id, 600_000);
    await passDeadline(id);
    const res = await t.request('POST', `${API}/${id}/fail`, { as: a.buyer, body: { reason: '报价均不满足要求' } });
    expect(res.body.status).toBe('failed');
    const mine = (await t.request('GET', `${API}/${id}/proposals/mine`, { as: a.univ })).body.proposal;
    expect(mine.status).toBe('unsuccessful');
    expect(mine.outcomeReason).toContain('报价均不满足要求');
  });
});
