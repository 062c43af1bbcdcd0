import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { achievements, demands, expertProfiles, listingEvents } from '#server/db/schema';
import { rowsOf } from '#server/db/types';
import { fixedClock } from '#server/lib/clock';
import { newChainId } from '#server/lib/ids';
import type { MailMessage } from '#server/modules/notifications/index';
import { createServices } from '#server/services';
import { insertOrganisation, insertUser, makeActor } from '#server/test-factories';
import { createTestApp, type Agent, type TestApp } from '#server/test-app';

const clock = fixedClock('2026-03-01T08:00:00Z');
const API = '/api/v1';

// Three topics with their own vocabulary; documents draw words from one topic.
const TOPICS = {
  battery: { domain: 'TD08', industry: '3841', words: ['锂离子电池', '正极材料', '电解液', '负极', '隔膜', '循环寿命', '能量密度', '快充', '固态电解质', '储能电站', '电池管理系统', '热失控'] },
  rice: { domain: 'TD05', industry: '0111', words: ['水稻', '育种', '抗病基因', '产量', '分子标记', '种子', '栽培技术', '杂交稻', '耐盐碱', '稻瘟病', '秧苗', '灌溉'] },
  imaging: { domain: 'TD06', industry: '3581', words: ['医学影像', '深度学习', '肺结节', '图像分割', 'CT', '辅助诊断', '病灶检测', '磁共振', '放射科', '标注数据', '三维重建', '影像组学'] },
} as const;
type Topic = keyof typeof TOPICS;

let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
function words(topic: Topic, n: number): string[] {
  const w = TOPICS[topic].words;
  return Array.from({ length: n }, () => w[Math.floor(rand() * w.length)]!);
}

let t: TestApp;
let uniId: string;
let enterpriseId: string;
const a = {} as Record<'researcher' | 'tto' | 'buyer' | 'outsider', Agent>;
const ids: Record<string, string> = {};
let buyerUserId: string;

async function insertListing(topic: Topic, i: number, over: Partial<typeof achievements.$inferInsert> = {}) {
  const kw = [...new Set(words(topic, 3))];
  const [row] = await t.handle.db
    .insert(achievements)
    .values({
      chainId: newChainId('A', clock.now()),
      ownerOrgId: uniId,
      title: `${kw.join('')}技术${i}`,
      abstract: `本成果涉及${words(topic, 6).join('、')}，并在${words(topic, 3).join('和')}方面取得进展。`,
      keywords: kw,
      domainCode: TOPICS[topic].domain,
      industryCodes: [TOPICS[topic].industry],
      discipline: topic === 'rice' ? '作物学' : topic === 'battery' ? '材料科学' : '计算机科学',
      trl: 4 + (i % 5),
      regionCode: '110108',
      transferModes: ['LICENSE'],
      priceMode: 'fixed',
      priceMinFen: 1_000_000 * (1 + (i % 4)),
      status: 'published',
      publishedAt: clock.now(),
      confirmedAt: clock.now(),
      ...over,
    })
    .returning({ id: achievements.id });
  return row!.id;
}

/** Creates, submits and approves a listing through the API (so the publish hooks run). */
async function publish(body: Record<string, unknown>): Promise<string> {
  const res = await t.request('POST', `${API}/achievements`, { as: a.researcher, body: { ownerOrgId: uniId, transferModes: ['LICENSE'], priceMode: 'negotiable', ...body } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const id = res.body.id as string;
  expect((await t.request('POST', `${API}/achievements/${id}/submit`, { as: a.researcher })).status).toBe(200);
  const ok = await t.request('POST', `${API}/achievements/${id}/approve`, { as: a.tto });
  expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  return id;
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.handle.db;
  const uni = await insertOrganisation(db, { name: '北京匹配大学', type: 'university', regionCode: '110108', isTechTransferOrg: true });
  const ent = await insertOrganisation(db, { name: '北京储能科技有限公司', type: 'enterprise', regionCode: '110105' });
  uniId = uni.id;
  enterpriseId = ent.id;
  const specs = {
    researcher: { regionCode: '110108', roles: [{ role: 'researcher' as const }], orgs: [{ organisationId: uni.id, role: 'member' as const }] },
    tto: { regionCode: '110108', roles: [{ role: 'tto_officer' as const, organisationId: uni.id }] },
    buyer: { regionCode: '110105', roles: [{ role: 'enterprise_member' as const }], orgs: [{ organisationId: ent.id, role: 'owner' as const }] },
    outsider: { regionCode: '440305', roles: [{ role: 'researcher' as const }] },
  };
  for (const [key, spec] of Object.entries(specs)) {
    const u = await insertUser(db, { ...spec, email: `${key}@matching.test`, displayName: key === 'researcher' ? '陈研究员' : key });
    if (key === 'buyer') {
      buyerUserId = u.id;
    }
  }
  for (const k of Object.keys(specs)) {
    a[k as keyof typeof a] = await t.login(`${k}@matching.test`);
  }
  let i = 0;
  for (const topic of Object.keys(TOPICS) as Topic[]) {
    for (let n = 0; n < 14; n++) {
      const id = await insertListing(topic, i++);
      ids[`${topic}${n}`] = id;
    }
  }
  // A published demand of the enterprise: batteries for a storage station, TRL 6 needed, budget 500 万.
  const [d] = await db
    .insert(demands)
    .values({
      chainId: newChainId('D', clock.now()),
      ownerOrgId: ent.id,
      createdBy: buyerUserId,
      title: '储能电站用长寿命锂离子电池',
      description: '寻求循环寿命超过 6000 次的锂离子电池正极材料与电池管理系统技术，用于储能电站，要求能量密度高、热失控风险低。',
      keywords: ['储能电站', '锂离子电池'],
      domainCode: 'TD08',
      industryCodes: ['3841'],
      regionCode: '110105',
      trlNeeded: 6,
      budgetMinFen: 1_000_000,
      budgetMaxFen: 5_000_000_00,
      status: 'published',
      publishedAt: clock.now(),
    })
    .returning({ id: demands.id });
  ids.demand = d!.id;
  const expert = await insertUser(db, { email: 'expert@matching.test', displayName: '李专家' });
  await db.insert(expertProfiles).values({ userId: expert.id, title: '教授', bio: '长期从事锂离子电池正极材料和固态电解质研究。', domainCodes: ['TD08'], keywords: ['锂离子电池', '正极材料'], regionCode: '110108' });
  // The enterprise enquired about a battery listing: a buyer signal.
  await db.insert(listingEvents).values({ entityType: 'achievement', entityId: ids.battery1!, kind: 'enquiry', actorId: buyerUserId, occurredAt: clock.now() });
  await db.insert(listingEvents).values({ entityType: 'achievement', entityId: ids.battery2!, kind: 'access_request', actorId: buyerUserId, occurredAt: clock.now() });
  // Listings inserted directly bypass the publish hooks: index them for BM25 as `search rebuild` would.
  await t.services.search.rebuild(makeActor([{ role: 'platform_admin' }]), t.services.publishedListings);
  const trained = await t.services.matching.train();
  expect(trained.docs).toBe(43);
  expect(trained.projected).toBe(43);
}, 180_000);
afterAll(() => t.close());

const topicOf = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0].replace(/\d+$/, '');

describe('GET /achievements/:id/similar', () => {
  it('returns listings of the same topic, not itself, in the search hit shape (anonymous)', async () => {
    const res = await t.request('GET', `${API}/achievements/${ids.rice0}/similar?limit=8`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const items = res.body.items as { id: string; title: string; score: number; highlights: unknown[]; ownerOrgName: string; regionName: string }[];
    expect(items).toHaveLength(8);
    expect(items.map((x) => x.id)).not.toContain(ids.rice0);
    expect(items.every((x) => topicOf(x.id) === 'rice')).toBe(true);
    expect(items[0]).toMatchObject({ ownerOrgName: '北京匹配大学', regionName: expect.any(String), highlights: expect.any(Array) });
    const scores = items.map((x) => x.score);
    expect([...scores].sort((p, q) => q - p)).toEqual(scores);
  });

  it('404s for an unknown or unpublished listing seen by an outsider', async () => {
    expect((await t.request('GET', `${API}/achievements/00000000-0000-4000-8000-000000000000/similar`)).body.error.code).toBe('achievement/not_found');
    const draft = await insertListing('rice', 99, { status: 'draft', publishedAt: null });
    expect((await t.request('GET', `${API}/achievements/${draft}/similar`, { as: a.outsider })).status).toBe(404);
    expect((await t.request('GET', `${API}/achievements/${draft}/similar`, { as: a.researcher })).status).toBe(200);
    expect((await t.request('GET', `${API}/achievements/${ids.rice0}/similar?limit=0`)).status).toBe(400);
  });
});

describe('POST /matching/achievements', () => {
  it('matches a demand text to the right topic with explained reasons', async () => {
    const text = '我们是一家储能企业，需要提升锂离子电池的循环寿命和能量密度，同时降低热失控风险，希望引进新型正极材料或固态电解质技术，并配套电池管理系统。'.padEnd(200, '。');
    const res = await t.request('POST', `${API}/matching/achievements`, { body: { text, limit: 10 } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const items = res.body.items as { achievement: { id: string; title: string }; score: number; reasons: { code: string; weight: number; terms?: string[]; message: string }[] }[];
    expect(items).toHaveLength(10);
    expect(items.every((x) => topicOf(x.achievement.id) === 'battery')).toBe(true);
    const top = items[0]!;
    expect(top.score).toBeGreaterThan(0);
    const codes = top.reasons.map((r) => r.code);
    expect(codes).toContain('semantic');
    expect(codes).toContain('shared_terms');
    const shared = top.reasons.find((r) => r.code === 'shared_terms')!;
    expect(shared.terms!.length).toBeGreaterThan(0);
    expect(shared.message).toContain('共同关键词');
    const total = top.reasons.reduce((s, r) => s + r.weight, 0);
    expect(total).toBeCloseTo(1, 2);
  });

  it('matches from a demand id with structured reasons (domain, industry, TRL, region, budget)', async () => {
    const res = await t.request('POST', `${API}/matching/achievements`, { body: { demandId: ids.demand, limit: 5 }, headers: { 'accept-language': 'en' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const items = res.body.items as { achievement: { id: string; trl: number }; reasons: { code: string; message: string; weight: number }[] }[];
    expect(items.length).toBe(5);
    expect(items.every((x) => topicOf(x.achievement.id) === 'battery')).toBe(true);
    const codes = new Set(items.flatMap((x) => x.reasons.map((r) => r.code)));
    for (const c of ['domain', 'industry', 'trl', 'region', 'budget']) {
      expect(codes, c).toContain(c);
    }
    const trl = items.flatMap((x) => x.reasons).find((r) => r.code === 'trl')!;
    expect(trl.message).toMatch(/TRL \d/);
  });

  it('applies filters and rejects bad input with stable codes', async () => {
    const filtered = await t.request('POST', `${API}/matching/achievements`, { body: { text: '锂离子电池正极材料', filters: { trlMin: 7 } } });
    expect(filtered.status).toBe(200);
    expect(filtered.body.items.length).toBeGreaterThan(0);
    for (const x of filtered.body.items) {
      expect(x.achievement.trl).toBeGreaterThanOrEqual(7);
    }
    const both = await t.request('POST', `${API}/matching/achievements`, { body: { text: '电池', demandId: ids.demand } });
    expect(both.status).toBe(400);
    expect(both.body.error.code).toBe('search/match_input_invalid');
    expect((await t.request('POST', `${API}/matching/achievements`, { body: {} })).body.error.code).toBe('search/match_input_invalid');
    expect((await t.request('POST', `${API}/matching/achievements`, { body: { text: '' } })).status).toBe(400);
    expect((await t.request('POST', `${API}/matching/achievements`, { body: { text: 'x'.repeat(5001) } })).status).toBe(400);
    const punct = await t.request('POST', `${API}/matching/achievements`, { body: { text: '，。！？' } });
    expect(punct.status).toBe(400);
    expect(punct.body.error.code).toBe('search/query_invalid');
    const unknownDemand = await t.request('POST', `${API}/matching/achievements`, { body: { demandId: '00000000-0000-4000-8000-000000000000' } });
    expect(unknownDemand.body.error.code).toBe('demand/not_found');
  });
});

describe('GET /achievements/:id/matches', () => {
  it('gives the owner side ranked demands, experts and likely buyers with reasons', async () => {
    const res = await t.request('GET', `${API}/achievements/${ids.battery3}/matches`, { as: a.researcher });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.demands[0]).toMatchObject({ demand: { id: ids.demand, ownerOrgName: '北京储能科技有限公司' } });
    expect(res.body.demands[0].reasons.map((r: { code: string }) => r.code)).toContain('domain');
    expect(res.body.experts[0]).toMatchObject({ expert: { displayName: '李专家' } });
    const buyer = res.body.buyers.find((b: { organisation: { id: string } }) => b.organisation.id === enterpriseId);
    expect(buyer).toBeDefined();
    expect(buyer.reasons.map((r: { code: string }) => r.code)).toContain('activity');
  });

  it('is not for anonymous visitors or outsiders', async () => {
    expect((await t.request('GET', `${API}/achievements/${ids.battery3}/matches`)).status).toBe(401);
    const out = await t.request('GET', `${API}/achievements/${ids.battery3}/matches`, { as: a.outsider });
    expect(out.status).toBe(403);
    expect(out.body.error.code).toBe('common/forbidden');
    expect((await t.request('GET', `${API}/achievements/${ids.battery3}/matches`, { as: a.tto })).status).toBe(200);
  });
});

describe('POST /classify', () => {
  it('suggests the domain and discipline of obvious drafts', async () => {
    const rice = await t.request('POST', `${API}/classify`, { body: { title: '耐盐碱杂交稻新品种', abstract: '通过分子标记辅助育种，聚合抗病基因，提高水稻产量。', keywords: ['水稻', '育种'] } });
    expect(rice.status, JSON.stringify(rice.body)).toBe(200);
    expect(rice.body.domain[0]).toMatchObject({ code: 'TD05', label: '农业' });
    expect(rice.body.domain[0].confidence).toBeGreaterThan(0.5);
    expect(rice.body.discipline[0].code).toBe('作物学');
    const img = await t.request('POST', `${API}/classify`, { body: { title: '基于深度学习的肺结节辅助诊断', abstract: '对 CT 医学影像进行图像分割与病灶检测。' } });
    expect(img.body.domain[0].code).toBe('TD06');
    expect(img.body.discipline[0].code).toBe('计算机科学');
    const en = await t.request('POST', `${API}/classify`, { body: { title: '锂离子电池正极材料' }, headers: { 'accept-language': 'en' } });
    expect(en.body.domain[0]).toMatchObject({ code: 'TD08', label: 'New energy and energy efficiency' });
  });

  it('rejects empty drafts', async () => {
    expect((await t.request('POST', `${API}/classify`, { body: {} })).body.error.code).toBe('search/query_invalid');
    expect((await t.request('POST', `${API}/classify`, { body: { title: 'x'.repeat(201) } })).status).toBe(400);
  });
});

describe('publish hook, saved searches and notifications', () => {
  it('projects a newly published listing, notifies matching saved searches and demand owners once, and forgets it on withdrawal', async () => {
    const mails: MailMessage[] = [];
    const saved = await t.request('POST', `${API}/saved-searches`, { as: a.buyer, body: { name: '固态电池', query: '固态电解质 锂离子电池', filters: { domainCode: ['TD08'] } } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    const unrelated = await t.request('POST', `${API}/saved-searches`, { as: a.outsider, body: { name: '水稻', query: '杂交稻 育种' } });
    expect(unrelated.status).toBe(201);
    expect((await t.request('GET', `${API}/saved-searches`, { as: a.buyer })).body.items).toHaveLength(1);

    const id = await publish({
      title: '高安全固态电解质锂离子电池',
      abstract: '采用新型固态电解质与高镍正极材料，循环寿命超过 6000 次，能量密度 350 Wh/kg，热失控风险显著降低，适用于储能电站。',
      keywords: ['固态电解质', '锂离子电池'],
      domainCode: 'TD08',
      industryCodes: ['3841'],
      trl: 7,
      regionCode: '110108',
    });
    const vec = rowsOf<{ n: number }>(await t.handle.db.execute(sql`select count(*)::int as n from listing_vectors where entity_id = ${id}`));
    expect(vec[0]!.n).toBe(1);

    // The outbox row was written by the publish transaction; a claimer (its own services, fake mail) handles it.
    const svc = createServices(t.handle, clock, { version: 'test', auth: { sessionTtlHours: 12, maxFailures: 5, lockoutMinutes: 15, secret: 'test-secret-test-secret-test-secret' }, mail: { send: (m) => (mails.push(m), Promise.resolve()) } });
    const first = await svc.matching.processOutbox();
    expect(first.processed).toBeGreaterThanOrEqual(1);
    const again = await svc.matching.processOutbox();
    expect(again.processed).toBe(0);

    const list = await t.request('GET', `${API}/notifications`, { as: a.buyer });
    expect(list.status).toBe(200);
    const kinds = (list.body.items as { kind: string; data: { achievementId: string } }[]).filter((n) => n.data.achievementId === id).map((n) => n.kind).sort();
    expect(kinds).toEqual(['demand_match', 'saved_search_match']);
    expect(list.body.unread).toBe(2);
    expect(mails.filter((m) => m.to === 'buyer@matching.test')).toHaveLength(2);
    expect((await t.request('GET', `${API}/notifications`, { as: a.outsider })).body.items).toHaveLength(0);

    const nid = list.body.items[0].id as string;
    expect((await t.request('POST', `${API}/notifications/${nid}/read`, { as: a.outsider })).status).toBe(404);
    const read = await t.request('POST', `${API}/notifications/${nid}/read`, { as: a.buyer });
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    expect((await t.request('GET', `${API}/notifications?unread=true`, { as: a.buyer })).body.items).toHaveLength(1);
    expect((await t.request('POST', `${API}/notifications/read-all`, { as: a.buyer })).body.updated).toBe(1);

    // Similar to the new listing: battery listings (its vector was projected at publish time).
    const sim = await t.request('GET', `${API}/achievements/${id}/similar?limit=5`);
    expect(sim.body.items.every((x: { id: string }) => topicOf(x.id) === 'battery')).toBe(true);

    expect((await t.request('POST', `${API}/achievements/${id}/withdraw`, { as: a.researcher, body: { note: '暂停' } })).status).toBe(200);
    const gone = rowsOf<{ n: number }>(await t.handle.db.execute(sql`select count(*)::int as n from listing_vectors where entity_id = ${id}`));
    expect(gone[0]!.n).toBe(0);

    const sid = saved.body.id as string;
    expect((await t.request('DELETE', `${API}/saved-searches/${sid}`, { as: a.outsider })).status).toBe(404);
    expect((await t.request('DELETE', `${API}/saved-searches/${sid}`, { as: a.buyer })).status).toBe(200);
    expect((await t.request('GET', `${API}/saved-searches`)).status).toBe(401);
  }, 60_000);
});
