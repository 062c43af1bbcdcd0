import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { achievements } from '#server/modules/achievements/achievements.tables';
import { auditEvents } from '#server/modules/audit/audit.tables';
import { insertOrganisation, insertUser } from '#server/test-factories';
import { createTestApp, type Agent, type TestApp } from '#server/test-app';

let t: TestApp;
let chen: Agent;
let li: Agent;
let wang: Agent;
let verifiedOrg: { id: string; name: string };
const API = '/api/v1/experts';

const profile = (over: Record<string, unknown> = {}) => ({
  title: '教授',
  bio: '长期从事锂离子电池正极材料研究。',
  domainCodes: ['TD07', 'TD08'],
  discipline: '材料科学',
  keywords: ['高镍正极', '固态电池'],
  regionCode: '110108',
  contactPolicy: 'public_email',
  isPublic: true,
  ...over,
});

/** A published (or other-status) achievement naming `userId` in its team, straight into the table. */
async function achievementWithTeam(orgId: string, userId: string, status: 'published' | 'draft') {
  await t.handle.db.insert(achievements).values({
    chainId: `TNA2026${Math.random().toString(36).slice(2, 12).toUpperCase()}`,
    ownerOrgId: orgId,
    title: '团队成果',
    abstract: '一段足够长的摘要文字用于测试。',
    regionCode: '110108',
    team: [{ name: '陈教授', userId }, { name: '助理' }],
    status,
  });
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.handle.db;
  verifiedOrg = await insertOrganisation(db, { name: '北京专家大学', type: 'university', regionCode: '110108', status: 'verified' });
  const pendingOrg = await insertOrganisation(db, { name: '待审核研究所', regionCode: '110108', status: 'pending' });
  const chenUser = await insertUser(db, {
    email: 'chen@experts.test',
    displayName: '陈明',
    orgs: [
      { organisationId: verifiedOrg.id, role: 'member' },
      { organisationId: pendingOrg.id, role: 'member' },
    ],
  });
  await insertUser(db, { email: 'li@experts.test', displayName: '李华', regionCode: '440305' });
  await insertUser(db, { email: 'wang@experts.test', displayName: '王强' });
  [chen, li, wang] = await Promise.all([t.login('chen@experts.test'), t.login('li@experts.test'), t.login('wang@experts.test')]);
  await achievementWithTeam(verifiedOrg.id, chenUser.id, 'published');
  await achievementWithTeam(verifiedOrg.id, chenUser.id, 'published');
  await achievementWithTeam(verifiedOrg.id, chenUser.id, 'draft');
});
afterAll(() => t.close());

describe('PUT /api/v1/experts/me', () => {
  it('needs a session', async () => {
    expect((await t.request('PUT', `${API}/me`, { body: profile() })).status).toBe(401);
    expect((await t.request('GET', `${API}/me`)).status).toBe(401);
  });

  it('has no profile until one is saved', async () => {
    const res = await t.request('GET', `${API}/me`, { as: chen });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('expert/not_found');
  });

  it('creates the profile with organisations (verified only) and published achievements naming the expert', async () => {
    const res = await t.request('PUT', `${API}/me`, { as: chen, body: profile() });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      userId: chen.userId,
      displayName: '陈明',
      title: '教授',
      domainCodes: ['TD07', 'TD08'],
      regionName: expect.stringContaining('海淀'),
      contactPolicy: 'public_email',
      email: 'chen@experts.test',
      organisations: [{ id: verifiedOrg.id, name: '北京专家大学' }],
      publishedAchievements: 2,
    });
  });

  it('replaces the profile, hides the e-mail unless public_email is chosen, and audits both saves', async () => {
    const res = await t.request('PUT', `${API}/me`, { as: chen, body: profile({ contactPolicy: 'via_tto', title: undefined }) });
    expect(res.body).toMatchObject({ contactPolicy: 'via_tto', email: null, title: null });
    const audit = await t.handle.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, chen.userId)).orderBy(auditEvents.seq);
    expect(audit.map((r) => r.action).filter((a) => a.startsWith('expert.'))).toEqual(['expert.profile_created', 'expert.profile_updated']);
  });

  it('refuses unknown domain and region codes at their fields', async () => {
    const domain = await t.request('PUT', `${API}/me`, { as: li, body: profile({ domainCodes: ['TD01', 'TD42'] }) });
    expect(domain.status).toBe(400);
    expect(domain.body.error).toMatchObject({ code: 'expert/unknown_code', details: { issues: [{ path: 'body.domainCodes.1' }] } });
    const region = await t.request('PUT', `${API}/me`, { as: li, body: profile({ regionCode: '999999' }) });
    expect(region.body.error.code).toBe('region/unknown_code');
    expect((await t.request('PUT', `${API}/me`, { as: li, body: { ...profile(), email: 'x@y.cn' } })).status).toBe(400);
  });
});

describe('GET /api/v1/experts', () => {
  beforeAll(async () => {
    await t.request('PUT', `${API}/me`, { as: li, body: profile({ title: '高级工程师', domainCodes: ['TD01'], keywords: ['工业软件'], regionCode: '440305', discipline: '计算机科学', contactPolicy: 'platform_message' }) });
    await t.request('PUT', `${API}/me`, { as: wang, body: profile({ isPublic: false, keywords: ['隐身'] }) });
  });
  const names = async (q: string) => (await t.request('GET', `${API}?${q}`)).body.items.map((e: { displayName: string }) => e.displayName);

  it('lists public profiles only, with organisations and counts', async () => {
    const res = await t.request('GET', API);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    expect(res.body.items.map((e: { displayName: string }) => e.displayName).sort()).toEqual(['李华', '陈明'].sort());
    const li = res.body.items.find((e: { displayName: string }) => e.displayName === '李华');
    expect(li).toMatchObject({ email: null, organisations: [], publishedAchievements: 0 });
  });

  it('filters by domain, region (everything under it) and text on name, title or keywords', async () => {
    expect(await names('domainCode=TD07')).toEqual(['陈明']);
    expect(await names('regionCode=440000')).toEqual(['李华']);
    expect(await names('regionCode=110000')).toEqual(['陈明']);
    expect(await names(`q=${encodeURIComponent('工业软件')}`)).toEqual(['李华']);
    expect(await names(`q=${encodeURIComponent('陈')}`)).toEqual(['陈明']);
    expect(await names(`q=${encodeURIComponent('隐身')}`)).toEqual([]);
    expect(await names(`q=${encodeURIComponent('%')}`)).toEqual([]);
  });
});

describe('GET /api/v1/experts/:userId', () => {
  it('shows a public profile to everyone and a hidden one to its owner only', async () => {
    expect((await t.request('GET', `${API}/${chen.userId}`)).body.displayName).toBe('陈明');
    const hidden = await t.request('GET', `${API}/${wang.userId}`, { as: li });
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe('expert/not_found');
    expect((await t.request('GET', `${API}/${wang.userId}`, { as: wang })).body.isPublic).toBe(false);
    expect((await t.request('GET', `${API}/me`, { as: wang })).body.isPublic).toBe(false);
    expect((await t.request('GET', `${API}/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });
});
