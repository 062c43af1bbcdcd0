import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbConn } from '#server/db/types';
import { auditEvents } from '#server/modules/audit/audit.tables';
import { insertOrganisation, insertUser, makeActor } from '#server/test-factories';
import { createTestApp, type Agent, type TestApp } from '#server/test-app';
import { achievements, listingEvents } from './achievements.tables';
import { createAchievementsRepo, createAchievementsService, createCodeChecker, type SearchDocument } from './index';

let t: TestApp;
let uniId: string;
let companyId: string;
const a = {} as Record<'researcher' | 'tto' | 'bjAdmin' | 'gdAdmin' | 'buyer' | 'outsider' | 'companyOwner' | 'companyMember', Agent>;

const API = '/api/v1/achievements';
const XSS = '<script>alert(1)</script>';

/** A complete listing body for the university. */
function listing(over: Record<string, unknown> = {}) {
  return {
    ownerOrgId: uniId,
    title: '高镍正极材料表面包覆工艺',
    abstract: '本成果提出一种高镍正极材料表面包覆工艺，循环 1000 次容量保持率 92%，适用于动力电池。',
    detail: '保密部分：包覆配方与烧结曲线',
    keywords: ['高镍正极', '包覆', '锂离子电池'],
    domainCode: 'TD07',
    industryCodes: ['3841'],
    trl: 6,
    trlEvidence: '中试线连续运行 3 个月，第三方检测报告。',
    transferModes: ['LICENSE', 'ASSIGN'],
    priceMode: 'range',
    priceMinFen: 50_000_000,
    priceMaxFen: 80_000_000,
    ...over,
  };
}

async function create(as: Agent, over: Record<string, unknown> = {}) {
  const res = await t.request('POST', API, { as, body: listing(over) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; [k: string]: any };
}

/** Creates, submits and approves (by the TTO officer) a listing of the university. */
async function published(over: Record<string, unknown> = {}) {
  const { id } = await create(a.researcher, over);
  expect((await t.request('POST', `${API}/${id}/submit`, { as: a.researcher })).status).toBe(200);
  const res = await t.request('POST', `${API}/${id}/approve`, { as: a.tto, body: { note: '同意发布' } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return id;
}

const events = async (id: string) =>
  (await t.handle.db.select({ kind: listingEvents.kind, actorId: listingEvents.actorId }).from(listingEvents).where(eq(listingEvents.entityId, id))).map((e) => e.kind).sort();

beforeAll(async () => {
  t = await createTestApp();
  const db = t.handle.db;
  const uni = await insertOrganisation(db, { name: '北京测试大学', type: 'university', regionCode: '110108', isTechTransferOrg: true });
  const company = await insertOrganisation(db, { name: '深圳测试电池有限公司', regionCode: '440305', isTechTransferOrg: false });
  uniId = uni.id;
  companyId = company.id;
  const specs = {
    researcher: { regionCode: '110108', roles: [{ role: 'researcher' as const }], orgs: [{ organisationId: uni.id, role: 'member' as const }] },
    tto: { regionCode: '110108', roles: [{ role: 'tto_officer' as const, organisationId: uni.id }] },
    bjAdmin: { regionCode: '110000', roles: [{ role: 'regional_admin' as const, regionCode: '110000' }] },
    gdAdmin: { regionCode: '440000', roles: [{ role: 'regional_admin' as const, regionCode: '440000' }] },
    buyer: { regionCode: '440305', roles: [{ role: 'enterprise_member' as const }], orgs: [{ organisationId: company.id, role: 'member' as const }] },
    outsider: { regionCode: '110108' },
    companyOwner: { regionCode: '440305', orgs: [{ organisationId: company.id, role: 'owner' as const }] },
    companyMember: { regionCode: '440305', orgs: [{ organisationId: company.id, role: 'member' as const }] },
  };
  for (const [key, spec] of Object.entries(specs)) {
    await insertUser(db, { ...spec, email: `${key.toLowerCase()}@achievements.test`, displayName: key });
  }
  const agents = await Promise.all(Object.keys(specs).map((k) => t.login(`${k.toLowerCase()}@achievements.test`)));
  Object.keys(specs).forEach((k, i) => (a[k as keyof typeof a] = agents[i]!));
});
afterAll(() => t.close());

describe('achievement lifecycle', () => {
  let id: string;

  it('creates a draft in the organisation region with a chain id, quality score and the detail for its editor', async () => {
    const created = await create(a.researcher);
    id = created.id;
    expect(created).toMatchObject({ status: 'draft', regionCode: '110108', regionName: expect.stringContaining('海淀'), ownerOrgName: '北京测试大学', detailRestricted: false, detail: '保密部分：包覆配方与烧结曲线', stale: false, publishedAt: null });
    expect(created.chainId).toMatch(/^TNA\d{4}[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(created.quality.score).toBeGreaterThan(0);
    expect(created.quality.hints.map((h: { code: string }) => h.code)).toContain('no_comparison');
  });

  it('hides a draft from the public, outsiders and other provinces, not from its region admin or TTO', async () => {
    expect((await t.request('GET', `${API}/${id}`)).body.error.code).toBe('achievement/not_found');
    expect((await t.request('GET', `${API}/${id}`, { as: a.outsider })).status).toBe(404);
    expect((await t.request('GET', `${API}/${id}`, { as: a.gdAdmin })).status).toBe(404);
    const byAdmin = await t.request('GET', `${API}/${id}`, { as: a.bjAdmin });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.detail).not.toBeNull();
    expect(byAdmin.body.quality).toBeUndefined();
    expect((await t.request('GET', `${API}/${id}`, { as: a.tto })).body.quality).toBeDefined();
  });

  it('lets the editor submit, not approve, and the TTO officer approve', async () => {
    expect((await t.request('POST', `${API}/${id}/submit`, { as: a.researcher })).body.status).toBe('submitted');
    const selfApprove = await t.request('POST', `${API}/${id}/approve`, { as: a.researcher });
    expect(selfApprove.status).toBe(403);
    expect(selfApprove.body.error.code).toBe('common/forbidden');
    expect((await t.request('POST', `${API}/${id}/approve`, { as: a.gdAdmin })).status).toBe(404);
    const approved = await t.request('POST', `${API}/${id}/approve`, { as: a.tto, body: { note: '同意' } });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'published', stale: false });
    expect(approved.body.publishedAt).toBe(approved.body.confirmedAt);
  });

  it('shows the published listing to everyone with the detail restricted and no quality', async () => {
    const res = await t.request('GET', `${API}/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'published', detail: null, detailRestricted: true });
    expect(res.body.quality).toBeUndefined();
    const list = await t.request('GET', `${API}?pageSize=200`);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('refuses an invalid transition with 409 naming the status and action', async () => {
    const res = await t.request('POST', `${API}/${id}/submit`, { as: a.researcher });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'achievement/invalid_transition', details: { from: 'published', action: 'submit' } });
  });

  it('refuses workflow actions by outsiders and anonymous visitors', async () => {
    expect((await t.request('POST', `${API}/${id}/withdraw`, { as: a.outsider })).body.error.code).toBe('common/forbidden');
    expect((await t.request('POST', `${API}/${id}/withdraw`)).status).toBe(401);
  });

  it('takes a withdrawn listing out of public view at once', async () => {
    const res = await t.request('POST', `${API}/${id}/withdraw`, { as: a.researcher });
    expect(res.body.status).toBe('withdrawn');
    expect((await t.request('GET', `${API}/${id}`)).status).toBe(404);
    const list = await t.request('GET', `${API}?pageSize=200`);
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    const [row] = await t.handle.db.select().from(achievements).where(eq(achievements.id, id));
    expect(row!.withdrawnAt).not.toBeNull();
  });

  it('republishes through review again, then archives only once withdrawn', async () => {
    expect((await t.request('POST', `${API}/${id}/republish`, { as: a.researcher })).body.status).toBe('submitted');
    expect((await t.request('POST', `${API}/${id}/approve`, { as: a.bjAdmin })).body.status).toBe('published');
    expect((await t.request('POST', `${API}/${id}/archive`, { as: a.researcher })).status).toBe(409);
    await t.request('POST', `${API}/${id}/withdraw`, { as: a.bjAdmin });
    expect((await t.request('POST', `${API}/${id}/archive`, { as: a.researcher })).body.status).toBe('archived');
  });

  it('audits every step in the hash chain', async () => {
    const rows = await t.handle.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, id)).orderBy(auditEvents.seq);
    expect(rows.map((r) => r.action)).toEqual([
      'achievement.created',
      'achievement.submitted',
      'achievement.approved',
      'achievement.withdrawn',
      'achievement.republished',
      'achievement.approved',
      'achievement.withdrawn',
      'achievement.archived',
    ]);
  });

  it('returns a submission to draft with the reviewer note, and lets the editor take a submission back', async () => {
    const { id: other } = await create(a.researcher);
    await t.request('POST', `${API}/${other}/submit`, { as: a.researcher });
    expect((await t.request('POST', `${API}/${other}/return`, { as: a.tto, body: { note: '请补充对比数据' } })).body.status).toBe('draft');
    const [row] = await t.handle.db.select().from(achievements).where(eq(achievements.id, other));
    expect(row!.reviewNote).toBe('请补充对比数据');
    await t.request('POST', `${API}/${other}/submit`, { as: a.researcher });
    expect((await t.request('POST', `${API}/${other}/withdraw`, { as: a.researcher })).body.status).toBe('draft');
  });
});

describe('organisations without their own TTO', () => {
  it('lets owners approve their own listings and plain members only submit', async () => {
    const { id } = await create(a.companyMember, { ownerOrgId: companyId });
    expect(id).toBeDefined();
    await t.request('POST', `${API}/${id}/submit`, { as: a.companyMember });
    expect((await t.request('POST', `${API}/${id}/approve`, { as: a.companyMember })).status).toBe(403);
    const ok = await t.request('POST', `${API}/${id}/approve`, { as: a.companyOwner });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'published', regionCode: '440305' });
  });

  it('refuses to publish for an organisation its regional administrator has not verified, writing nothing', async () => {
    const db = t.handle.db;
    const pending = await insertOrganisation(db, { name: '待审核科技有限公司', regionCode: '440305', status: 'pending' });
    await insertUser(db, { email: 'pending-owner@achievements.test', regionCode: '440305', orgs: [{ organisationId: pending.id, role: 'owner' }] });
    const owner = await t.login('pending-owner@achievements.test');
    const { id } = await create(owner, { ownerOrgId: pending.id });
    expect((await t.request('POST', `${API}/${id}/submit`, { as: owner })).status).toBe(200);
    const refused = await t.request('POST', `${API}/${id}/approve`, { as: owner });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'organisation/not_verified', message: expect.stringContaining('待审核科技有限公司') });
    expect((await t.request('GET', `${API}/${id}`, { as: owner })).body.status).toBe('submitted');
    expect((await t.request('GET', `${API}/${id}`)).status).toBe(404);
  });
});

describe('POST /api/v1/achievements authorization', () => {
  it('needs a signed-in member or TTO officer of the owning organisation', async () => {
    expect((await t.request('POST', API, { body: listing() })).status).toBe(401);
    expect((await t.request('POST', API, { as: a.outsider, body: listing() })).body.error.code).toBe('common/forbidden');
    expect((await t.request('POST', API, { as: a.bjAdmin, body: listing() })).status).toBe(403);
    expect((await t.request('POST', API, { as: a.tto, body: listing() })).status).toBe(201);
    const missing = await t.request('POST', API, { as: a.researcher, body: listing({ ownerOrgId: '00000000-0000-4000-8000-000000000000' }) });
    expect(missing.body.error.code).toBe('organisation/not_found');
  });
});

describe('bad input', () => {
  it('refuses a price range whose minimum exceeds its maximum, at the field', async () => {
    const res = await t.request('POST', API, { as: a.researcher, body: listing({ priceMinFen: 900, priceMaxFen: 100 }) });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('achievement/price_range_invalid');
    expect(res.body.error.details.issues[0].path).toBe('body.priceMaxFen');
  });

  it('refuses unknown domain and industry codes, naming them', async () => {
    const domain = await t.request('POST', API, { as: a.researcher, body: listing({ domainCode: 'TD99' }), headers: { 'accept-language': 'en' } });
    expect(domain.status).toBe(400);
    expect(domain.body.error).toMatchObject({ code: 'achievement/unknown_code', message: 'Unknown code(s): TD99' });
    expect(domain.body.error.details.issues[0].path).toBe('body.domainCode');
    const industry = await t.request('POST', API, { as: a.researcher, body: listing({ industryCodes: ['3841', '9999'] }) });
    expect(industry.body.error.code).toBe('achievement/unknown_code');
    expect(industry.body.error.details.issues[0].path).toBe('body.industryCodes.1');
    const region = await t.request('POST', API, { as: a.researcher, body: listing({ regionCode: '119999' }) });
    expect(region.body.error.code).toBe('region/unknown_code');
  });

  it('keeps external ids unique per organisation', async () => {
    await create(a.researcher, { externalId: 'EXT-001' });
    const dup = await t.request('POST', API, { as: a.researcher, body: listing({ externalId: 'EXT-001' }) });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('achievement/duplicate_external_id');
    expect(dup.body.error.message).toContain('EXT-001');
    await create(a.companyMember, { ownerOrgId: companyId, externalId: 'EXT-001' });
  });

  it('refuses to edit a submitted or published listing with 409 achievement/not_editable', async () => {
    const id = await published();
    const res = await t.request('PATCH', `${API}/${id}`, { as: a.researcher, body: { title: '改名' } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('achievement/not_editable');
  });

  it('patches only the fields sent, clears with null, and checks the merged price range', async () => {
    const { id } = await create(a.researcher);
    const res = await t.request('PATCH', `${API}/${id}`, { as: a.researcher, body: { title: '新标题', detail: null } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ title: '新标题', detail: null, keywords: ['高镍正极', '包覆', '锂离子电池'], transferModes: ['LICENSE', 'ASSIGN'], priceMode: 'range' });
    const bad = await t.request('PATCH', `${API}/${id}`, { as: a.researcher, body: { priceMaxFen: 1 } });
    expect(bad.body.error.code).toBe('achievement/price_range_invalid');
    expect((await t.request('PATCH', `${API}/${id}`, { as: a.outsider, body: { title: '外人' } })).status).toBe(404);
    expect((await t.request('PATCH', `${API}/${id}`, { as: a.bjAdmin, body: { title: '管理员' } })).status).toBe(403);
  });

  it('stores script payloads verbatim and returns them as inert JSON', async () => {
    const { id } = await create(a.researcher, { title: `${XSS}'--`, abstract: `<img src=x onerror=alert(2)> 正文足够长的摘要内容`, keywords: [XSS] });
    const res = await t.request('GET', `${API}/${id}`, { as: a.researcher });
    expect(res.body.title).toBe(`${XSS}'--`);
    expect(res.body.keywords).toEqual([XSS]);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses a status filter on the public directory and mine=true without a session', async () => {
    expect((await t.request('GET', `${API}?status=draft`)).body.error.code).toBe('common/validation_failed');
    expect((await t.request('GET', `${API}?mine=true`)).status).toBe(401);
  });
});

describe('GET /api/v1/achievements', () => {
  let bjId: string;
  let gdId: string;
  beforeAll(async () => {
    bjId = await published({ title: '北京的成果', domainCode: 'TD01', trl: 3, transferModes: ['JOINT'], openLicence: true });
    const { id } = await create(a.companyOwner, { ownerOrgId: companyId, title: '深圳的成果', domainCode: 'TD01', trl: 8, transferModes: ['ASSIGN'] });
    await t.request('POST', `${API}/${id}/submit`, { as: a.companyOwner });
    await t.request('POST', `${API}/${id}/approve`, { as: a.companyOwner });
    gdId = id;
  });
  const ids = async (query: string) => (await t.request('GET', `${API}?pageSize=200&${query}`)).body.items.map((i: { id: string }) => i.id) as string[];

  it('filters by domain, region (everything under it), TRL range, transfer mode and open licence', async () => {
    expect(await ids('domainCode=TD01')).toEqual([gdId, bjId]); // newest publication first
    expect(await ids('domainCode=TD01&regionCode=440000')).toEqual([gdId]);
    expect(await ids('domainCode=TD01&regionCode=110108')).toEqual([bjId]);
    expect(await ids('domainCode=TD01&regionCode=110105')).toEqual([]); // 朝阳区: a sibling county
    expect(await ids('domainCode=TD01&regionCode=110000')).toEqual([bjId]);
    expect(await ids('domainCode=TD01&trlMin=5')).toEqual([gdId]);
    expect(await ids('domainCode=TD01&trlMax=5')).toEqual([bjId]);
    expect(await ids('domainCode=TD01&transferMode=JOINT')).toEqual([bjId]);
    expect(await ids('domainCode=TD01&openLicence=true')).toEqual([bjId]);
    expect(await ids(`domainCode=TD01&ownerOrgId=${companyId}`)).toEqual([gdId]);
  });

  it('lists public summaries with an excerpt and no detail', async () => {
    const res = await t.request('GET', `${API}?domainCode=TD01`);
    expect(res.body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    const item = res.body.items[0];
    expect(item).toMatchObject({ ownerOrgName: '深圳测试电池有限公司', regionName: expect.any(String), status: 'published' });
    expect(item.detail).toBeUndefined();
    expect(item.qualityScore).toBeUndefined();
  });

  it('lists the caller’s organisations’ listings in every status with quality scores (mine=true)', async () => {
    const mine = await t.request('GET', `${API}?mine=true&pageSize=200`, { as: a.researcher });
    expect(mine.status).toBe(200);
    const statuses = new Set(mine.body.items.map((i: { status: string }) => i.status));
    expect(statuses.has('draft') && statuses.has('published')).toBe(true);
    expect(mine.body.items.every((i: { ownerOrgId: string; qualityScore: number }) => i.ownerOrgId === uniId && typeof i.qualityScore === 'number')).toBe(true);
    const drafts = await t.request('GET', `${API}?mine=true&status=draft&pageSize=200`, { as: a.tto });
    expect(drafts.body.items.length).toBeGreaterThan(0);
    expect(drafts.body.items.every((i: { status: string }) => i.status === 'draft')).toBe(true);
    expect((await t.request('GET', `${API}?mine=true`, { as: a.outsider })).body.total).toBe(0);
  });
});

describe('NDA access requests', () => {
  let id: string;
  let requestId: string;
  beforeAll(async () => {
    id = await published();
  });

  it('refuses the detail before a grant', async () => {
    const res = await t.request('GET', `${API}/${id}/detail`, { as: a.buyer });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('achievement/detail_restricted');
    expect((await t.request('GET', `${API}/${id}/detail`)).body.error.code).toBe('achievement/detail_restricted');
  });

  it('accepts one request per person from signed-in outsiders who accept the NDA', async () => {
    expect((await t.request('POST', `${API}/${id}/access-requests`, { body: { acceptNda: true } })).status).toBe(401);
    expect((await t.request('POST', `${API}/${id}/access-requests`, { as: a.buyer, body: { message: '想了解配方' } })).body.error.code).toBe('common/validation_failed');
    expect((await t.request('POST', `${API}/${id}/access-requests`, { as: a.researcher, body: { acceptNda: true } })).status).toBe(403);
    const res = await t.request('POST', `${API}/${id}/access-requests`, { as: a.buyer, body: { acceptNda: true, message: '想了解配方' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ achievementId: id, requesterName: 'buyer', status: 'pending', message: '想了解配方', decidedAt: null });
    requestId = res.body.id;
    expect((await t.request('GET', `${API}/${id}/access-requests/mine`, { as: a.buyer })).body.request).toMatchObject({ id: requestId, status: 'pending' });
    expect((await t.request('GET', `${API}/${id}/access-requests/mine`, { as: a.outsider })).body).toEqual({ request: null });
    expect((await t.request('GET', `${API}/${id}/access-requests/mine`)).status).toBe(401);
    const again = await t.request('POST', `${API}/${id}/access-requests`, { as: a.buyer, body: { acceptNda: true } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('achievement/access_request_exists');
  });

  it('refuses requests for listings the requester cannot see', async () => {
    const { id: draft } = await create(a.researcher);
    expect((await t.request('POST', `${API}/${draft}/access-requests`, { as: a.buyer, body: { acceptNda: true } })).body.error.code).toBe('achievement/not_found');
  });

  it('shows requests to the owner side only', async () => {
    expect((await t.request('GET', `${API}/${id}/access-requests`, { as: a.buyer })).status).toBe(403);
    expect((await t.request('GET', `${API}/${id}/access-requests`, { as: a.bjAdmin })).status).toBe(403);
    const res = await t.request('GET', `${API}/${id}/access-requests`, { as: a.tto });
    expect(res.body.items.map((r: { id: string }) => r.id)).toEqual([requestId]);
  });

  it('lets the owner side decide, and a grant opens the detail to the requester', async () => {
    expect((await t.request('POST', `${API}/${id}/access-requests/${requestId}/decision`, { as: a.buyer, body: { decision: 'granted' } })).status).toBe(403);
    const missing = await t.request('POST', `${API}/${id}/access-requests/00000000-0000-4000-8000-000000000000/decision`, { as: a.researcher, body: { decision: 'granted' } });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('achievement/access_request_not_found');
    const granted = await t.request('POST', `${API}/${id}/access-requests/${requestId}/decision`, { as: a.researcher, body: { decision: 'granted', note: '已签保密协议' } });
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({ status: 'granted', decidedAt: expect.any(String) });
    expect((await t.request('GET', `${API}/${id}`, { as: a.buyer })).body).toMatchObject({ detail: '保密部分：包覆配方与烧结曲线', detailRestricted: false });
    expect((await t.request('GET', `${API}/${id}/detail`, { as: a.buyer })).body).toEqual({ detail: '保密部分：包覆配方与烧结曲线' });
    expect((await t.request('GET', `${API}/${id}/detail`, { as: a.outsider })).status).toBe(403);
  });

  it('lets the owner revoke a grant', async () => {
    await t.request('POST', `${API}/${id}/access-requests/${requestId}/decision`, { as: a.researcher, body: { decision: 'denied' } });
    expect((await t.request('GET', `${API}/${id}/detail`, { as: a.buyer })).status).toBe(403);
    expect((await t.request('GET', `${API}/${id}/access-requests/mine`, { as: a.buyer })).body.request).toMatchObject({ status: 'denied', decidedAt: expect.any(String) });
  });
});

describe('enquiries', () => {
  it('records an enquiry event and an audit digest for signed-in outsiders only', async () => {
    const id = await published();
    expect((await t.request('POST', `${API}/${id}/enquiries`, { body: { message: '你好' } })).status).toBe(401);
    expect((await t.request('POST', `${API}/${id}/enquiries`, { as: a.tto, body: { message: '你好' } })).status).toBe(403);
    expect((await t.request('POST', `${API}/${id}/enquiries`, { as: a.buyer, body: { message: '' } })).status).toBe(400);
    const res = await t.request('POST', `${API}/${id}/enquiries`, { as: a.buyer, body: { message: `想洽谈许可 ${XSS}` } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ok: true, recordedAt: expect.any(String) });
    expect(await events(id)).toEqual(['enquiry']);
    const [audit] = await t.handle.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'achievement.enquired')));
    expect(audit!.afterDigest).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('GET /api/v1/achievements/:id/funnel', () => {
  it('counts exactly the recorded events, per kind and per month, and leaves the owner side out', async () => {
    const id = await published();
    await t.request('GET', `${API}/${id}`); // anonymous view
    await t.request('GET', `${API}/${id}`); // anonymous view
    await t.request('GET', `${API}/${id}`, { as: a.researcher }); // owner side: not counted
    await t.request('GET', `${API}/${id}`, { as: a.tto }); // owner side: not counted
    await t.request('GET', `${API}/${id}`, { as: a.buyer }); // view
    const req = await t.request('POST', `${API}/${id}/access-requests`, { as: a.buyer, body: { acceptNda: true } });
    await t.request('POST', `${API}/${id}/access-requests/${req.body.id}/decision`, { as: a.researcher, body: { decision: 'granted' } });
    await t.request('GET', `${API}/${id}`, { as: a.buyer }); // view + detail_open
    await t.request('GET', `${API}/${id}/detail`, { as: a.buyer }); // detail_open
    await t.request('GET', `${API}/${id}/detail`, { as: a.researcher }); // owner side: not counted
    await t.request('POST', `${API}/${id}/enquiries`, { as: a.buyer, body: { message: '请报价' } });
    // An older event, two months back: in the totals and in its own month.
    const twoMonthsAgo = new Date(Date.now() - 62 * 86_400_000);
    await t.handle.db.insert(listingEvents).values({ entityType: 'achievement', entityId: id, kind: 'view', actorId: null, occurredAt: twoMonthsAgo });

    expect((await t.request('GET', `${API}/${id}/funnel`)).status).toBe(401);
    expect((await t.request('GET', `${API}/${id}/funnel`, { as: a.buyer })).status).toBe(403);
    expect((await t.request('GET', `${API}/${id}/funnel`, { as: a.bjAdmin })).status).toBe(403);
    const res = await t.request('GET', `${API}/${id}/funnel`, { as: a.researcher });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ achievementId: id, views: 5, detailOpens: 2, accessRequests: 1, enquiries: 1 });
    expect(res.body.byMonth).toHaveLength(12);
    const sum = (k: string) => res.body.byMonth.reduce((s: number, m: Record<string, number>) => s + m[k]!, 0);
    expect([sum('views'), sum('detailOpens'), sum('accessRequests'), sum('enquiries')]).toEqual([5, 2, 1, 1]);
    expect(res.body.byMonth.at(-1).views).toBe(4);
    // The funnel is the event table: no invented totals.
    const [n] = await t.handle.db.select({ n: sql<number>`count(*)::int` }).from(listingEvents).where(eq(listingEvents.entityId, id));
    expect(Number(n!.n)).toBe(9);
  });
});

describe('staleness', () => {
  it('flags a listing unconfirmed for 12 months, and confirmation clears it', async () => {
    const id = await published();
    await t.handle.db.update(achievements).set({ confirmedAt: new Date(Date.now() - 400 * 86_400_000) }).where(eq(achievements.id, id));
    const stale = await t.request('GET', `${API}/${id}`, { as: a.researcher });
    expect(stale.body.stale).toBe(true);
    expect(stale.body.quality.hints.map((h: { code: string }) => h.code)).toContain('stale');
    expect((await t.request('GET', `${API}/${id}`)).body.stale).toBe(true);
    expect((await t.request('POST', `${API}/${id}/confirm`, { as: a.buyer })).status).toBe(403);
    const confirmed = await t.request('POST', `${API}/${id}/confirm`, { as: a.researcher });
    expect(confirmed.body).toMatchObject({ status: 'published', stale: false });
  });
});

describe('search index hook', () => {
  /** A service like the app's, with an index that records what it saw inside the transaction. */
  function serviceWithIndex(failOn?: 'upsert') {
    const seen: string[] = [];
    const statusIn = async (tx: DbConn, id: string) => (await tx.select({ s: achievements.status }).from(achievements).where(eq(achievements.id, id)))[0]?.s;
    const searchIndex = {
      async upsert(doc: SearchDocument, tx: DbConn) {
        seen.push(`upsert ${doc.kind} while ${await statusIn(tx, doc.id)}`);
        if (failOn === 'upsert') {
          throw new Error('index down');
        }
      },
      async remove(id: string, tx: DbConn) {
        seen.push(`remove while ${await statusIn(tx, id)}`);
      },
    };
    const service = createAchievementsService({
      db: t.handle.db,
      repo: createAchievementsRepo(t.handle.db),
      audit: t.services.audit,
      clock: t.clock,
      regionExists: (c) => t.services.regions.regionExists(c),
      regionNames: (c) => t.services.regions.regionNames(c),
      unknownCodes: createCodeChecker((n) => t.services.regions.getCodeList(n)),
      searchIndex,
    });
    return { service, seen };
  }
  const actorOf = async (email: string, roles: Parameters<typeof makeActor>[0], memberships: Parameters<typeof makeActor>[1] = []) => {
    const u = await insertUser(t.handle.db, { email });
    return { ...makeActor(roles, memberships), userId: u.id };
  };

  it('indexes a listing inside the transaction that publishes it and removes it inside the one that withdraws it', async () => {
    const { service, seen } = serviceWithIndex();
    const editor = await actorOf('hook-editor@achievements.test', [], [{ organisationId: uniId, role: 'member' }]);
    const reviewer = await actorOf('hook-tto@achievements.test', [{ role: 'tto_officer', organisationId: uniId }]);
    const created = await service.create(editor, listing() as never, 'zh');
    await service.transition(editor, created.id, 'submit', undefined, 'zh');
    expect(seen).toEqual([]);
    await service.transition(reviewer, created.id, 'approve', undefined, 'zh');
    await service.transition(editor, created.id, 'confirm', undefined, 'zh');
    await service.transition(editor, created.id, 'withdraw', undefined, 'zh');
    await service.transition(editor, created.id, 'archive', undefined, 'zh');
    // Each call saw the new status: it ran inside the transition's own transaction.
    expect(seen).toEqual(['upsert achievement while published', 'upsert achievement while published', 'remove while withdrawn', 'remove while archived']);
  });

  it('rolls the publication back when the index fails', async () => {
    const { service } = serviceWithIndex('upsert');
    const editor = await actorOf('hook-editor2@achievements.test', [], [{ organisationId: uniId, role: 'member' }]);
    const reviewer = await actorOf('hook-tto2@achievements.test', [{ role: 'tto_officer', organisationId: uniId }]);
    const created = await service.create(editor, listing() as never, 'zh');
    await service.transition(editor, created.id, 'submit', undefined, 'zh');
    await expect(service.transition(reviewer, created.id, 'approve', undefined, 'zh')).rejects.toThrow('index down');
    const [row] = await t.handle.db.select().from(achievements).where(eq(achievements.id, created.id));
    expect(row!.status).toBe('submitted');
  });
});
