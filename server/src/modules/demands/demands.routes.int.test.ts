import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbConn } from '#server/db/types';
import type { SearchDocument } from '#server/modules/achievements/index';
import { createCodeChecker } from '#server/modules/achievements/index';
import { listingEvents } from '#server/modules/achievements/achievements.tables';
import { auditEvents } from '#server/modules/audit/audit.tables';
import { insertOrganisation, insertUser, makeActor } from '#server/test-factories';
import { createTestApp, type Agent, type TestApp } from '#server/test-app';
import { chinaToday } from './demand.workflow';
import { demands } from './demands.tables';
import { createDemandsRepo, createDemandsService } from './index';

let t: TestApp;
let orgId: string;
const a = {} as Record<'member' | 'owner' | 'outsider' | 'gdAdmin' | 'bjAdmin', Agent>;
const API = '/api/v1/demands';
const XSS = '<script>alert(1)</script>';

const dayFromToday = (days: number) => chinaToday(new Date(Date.now() + days * 86_400_000));

function demand(over: Record<string, unknown> = {}) {
  return {
    ownerOrgId: orgId,
    title: '动力电池正极材料循环寿命提升',
    description: '现有高镍正极循环 800 次后容量衰减超过 20%，寻求表面包覆或掺杂方案，目标 1000 次保持率 90% 以上。',
    keywords: ['高镍正极', '循环寿命'],
    domainCode: 'TD07',
    industryCodes: ['3841'],
    budgetMinFen: 10_000_000,
    budgetMaxFen: 50_000_000,
    trlNeeded: 6,
    deadline: dayFromToday(90),
    cooperationModes: ['LICENSE', 'JOINT'],
    ...over,
  };
}

async function create(over: Record<string, unknown> = {}, as = a.member) {
  const res = await t.request('POST', API, { as, body: demand(over) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; [k: string]: any };
}

beforeAll(async () => {
  t = await createTestApp();
  const org = await insertOrganisation(t.handle.db, { name: '深圳需求电池有限公司', regionCode: '440305' });
  orgId = org.id;
  const specs = {
    member: { regionCode: '440305', roles: [{ role: 'enterprise_member' as const }], orgs: [{ organisationId: org.id, role: 'member' as const }] },
    owner: { regionCode: '440305', orgs: [{ organisationId: org.id, role: 'owner' as const }] },
    outsider: { regionCode: '440305', roles: [{ role: 'researcher' as const }] },
    gdAdmin: { regionCode: '440000', roles: [{ role: 'regional_admin' as const, regionCode: '440000' }] },
    bjAdmin: { regionCode: '110000', roles: [{ role: 'regional_admin' as const, regionCode: '110000' }] },
  };
  for (const [key, spec] of Object.entries(specs)) {
    await insertUser(t.handle.db, { ...spec, email: `${key.toLowerCase()}@demands.test` });
  }
  const agents = await Promise.all(Object.keys(specs).map((k) => t.login(`${k.toLowerCase()}@demands.test`)));
  Object.keys(specs).forEach((k, i) => (a[k as keyof typeof a] = agents[i]!));
});
afterAll(() => t.close());

describe('demand lifecycle', () => {
  let id: string;

  it('creates a draft in the organisation region with a chain id', async () => {
    const d = await create();
    id = d.id;
    expect(d).toMatchObject({ status: 'draft', regionCode: '440305', ownerOrgName: '深圳需求电池有限公司', expired: false, canEdit: true, publishedAt: null });
    expect(d.chainId).toMatch(/^TND\d{4}[0-9A-Z]{10}$/);
  });

  it('hides a draft from the public, outsiders and other provinces', async () => {
    expect((await t.request('GET', `${API}/${id}`)).body.error.code).toBe('demand/not_found');
    expect((await t.request('GET', `${API}/${id}`, { as: a.outsider })).status).toBe(404);
    expect((await t.request('GET', `${API}/${id}`, { as: a.bjAdmin })).status).toBe(404);
    expect((await t.request('GET', `${API}/${id}`, { as: a.gdAdmin })).body.canEdit).toBe(false);
  });

  it('edits the draft, publishes it, and shows it to everyone', async () => {
    const patched = await t.request('PATCH', `${API}/${id}`, { as: a.member, body: { title: '正极材料循环寿命提升（修订）', trlNeeded: null } });
    expect(patched.body).toMatchObject({ title: '正极材料循环寿命提升（修订）', trlNeeded: null, keywords: ['高镍正极', '循环寿命'] });
    expect((await t.request('POST', `${API}/${id}/publish`, { as: a.outsider })).status).toBe(404);
    expect((await t.request('POST', `${API}/${id}/publish`, { as: a.gdAdmin })).status).toBe(403);
    const pub = await t.request('POST', `${API}/${id}/publish`, { as: a.member });
    expect(pub.status).toBe(200);
    expect(pub.body.status).toBe('published');
    expect(pub.body.publishedAt).not.toBeNull();
    const res = await t.request('GET', `${API}/${id}`);
    expect(res.body).toMatchObject({ status: 'published', canEdit: false });
    expect((await t.request('GET', `${API}?pageSize=200`)).body.items.map((d: { id: string }) => d.id)).toContain(id);
  });

  it('refuses edits once published and transitions the table does not have', async () => {
    const edit = await t.request('PATCH', `${API}/${id}`, { as: a.member, body: { title: '再改' } });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('demand/not_editable');
    const again = await t.request('POST', `${API}/${id}/publish`, { as: a.member });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'demand/invalid_transition', details: { from: 'published', action: 'publish' } });
  });

  it('counts views by outsiders only', async () => {
    await t.request('GET', `${API}/${id}`, { as: a.member });
    await t.request('GET', `${API}/${id}`, { as: a.outsider });
    const rows = await t.handle.db.select().from(listingEvents).where(and(eq(listingEvents.entityType, 'demand'), eq(listingEvents.entityId, id)));
    expect(rows.map((r) => r.kind)).toEqual(['view', 'view']); // the anonymous one above and the outsider
  });

  it('closes it: still public, no longer in the directory, closed for good', async () => {
    expect((await t.request('POST', `${API}/${id}/close`, { as: a.outsider })).body.error.code).toBe('common/forbidden');
    expect((await t.request('POST', `${API}/${id}/close`, { as: a.owner, body: { note: '已找到方案' } })).body.status).toBe('closed');
    expect((await t.request('GET', `${API}/${id}`)).body.status).toBe('closed');
    expect((await t.request('GET', `${API}?pageSize=200`)).body.items.map((d: { id: string }) => d.id)).not.toContain(id);
    expect((await t.request('POST', `${API}/${id}/publish`, { as: a.member })).body.error.code).toBe('demand/invalid_transition');
    const audit = await t.handle.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, id)).orderBy(auditEvents.seq);
    expect(audit.map((r) => r.action)).toEqual(['demand.created', 'demand.updated', 'demand.published', 'demand.closed']);
  });

  it('lets an administrator of its region take a demand down, not one of another province', async () => {
    const { id: other } = await create();
    await t.request('POST', `${API}/${other}/publish`, { as: a.member });
    expect((await t.request('POST', `${API}/${other}/withdraw`, { as: a.bjAdmin })).status).toBe(403);
    expect((await t.request('POST', `${API}/${other}/withdraw`)).status).toBe(401);
    expect((await t.request('POST', `${API}/${other}/withdraw`, { as: a.gdAdmin })).body.status).toBe('withdrawn');
    expect((await t.request('GET', `${API}/${other}`)).status).toBe(404);
    expect((await t.request('POST', `${API}/${other}/publish`, { as: a.member })).body.status).toBe('published');
  });
});

describe('POST /api/v1/demands', () => {
  it('needs a signed-in member of the owning organisation', async () => {
    expect((await t.request('POST', API, { body: demand() })).status).toBe(401);
    expect((await t.request('POST', API, { as: a.outsider, body: demand() })).status).toBe(403);
    expect((await t.request('POST', API, { as: a.gdAdmin, body: demand() })).status).toBe(403);
    expect((await t.request('POST', API, { as: a.owner, body: demand({ ownerOrgId: '00000000-0000-4000-8000-000000000000' }) })).body.error.code).toBe('organisation/not_found');
  });

  it('refuses an inverted budget, a past deadline and unknown codes at their fields', async () => {
    const budget = await t.request('POST', API, { as: a.member, body: demand({ budgetMinFen: 5, budgetMaxFen: 1 }) });
    expect(budget.status).toBe(400);
    expect(budget.body.error).toMatchObject({ code: 'demand/budget_range_invalid', details: { issues: [{ path: 'body.budgetMaxFen' }] } });
    const past = await t.request('POST', API, { as: a.member, body: demand({ deadline: dayFromToday(-1) }) });
    expect(past.status).toBe(400);
    expect(past.body.error).toMatchObject({ code: 'demand/deadline_past', details: { issues: [{ path: 'body.deadline' }] } });
    expect((await t.request('POST', API, { as: a.member, body: demand({ deadline: dayFromToday(0) }) })).status).toBe(201);
    expect((await t.request('POST', API, { as: a.member, body: demand({ deadline: '2026-02-30' }) })).body.error.code).toBe('common/validation_failed');
    const domain = await t.request('POST', API, { as: a.member, body: demand({ domainCode: 'XX' }) });
    expect(domain.body.error).toMatchObject({ code: 'demand/unknown_code', details: { issues: [{ path: 'body.domainCode' }] } });
    const industry = await t.request('POST', API, { as: a.member, body: demand({ industryCodes: ['0000'] }) });
    expect(industry.body.error).toMatchObject({ code: 'demand/unknown_code', details: { issues: [{ path: 'body.industryCodes.0' }] } });
    expect((await t.request('POST', API, { as: a.member, body: demand({ cooperationModes: ['BARTER'] }) })).status).toBe(400);
  });

  it('keeps external ids unique per organisation', async () => {
    await create({ externalId: 'D-1' });
    const dup = await t.request('POST', API, { as: a.member, body: demand({ externalId: 'D-1' }) });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('demand/duplicate_external_id');
  });

  it('checks the merged budget on edit', async () => {
    const { id } = await create();
    expect((await t.request('PATCH', `${API}/${id}`, { as: a.member, body: { budgetMaxFen: 1 } })).body.error.code).toBe('demand/budget_range_invalid');
    expect((await t.request('PATCH', `${API}/${id}`, { as: a.member, body: { budgetMinFen: null, budgetMaxFen: 1 } })).status).toBe(200);
    expect((await t.request('PATCH', `${API}/${id}`, { as: a.gdAdmin, body: { title: '管理员改' } })).status).toBe(403);
  });

  it('stores script payloads verbatim as inert JSON', async () => {
    const { id } = await create({ title: `${XSS}'--`, keywords: [XSS] });
    const res = await t.request('GET', `${API}/${id}`, { as: a.member });
    expect(res.body.title).toBe(`${XSS}'--`);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });
});

describe('deadlines', () => {
  it('marks a published demand past its deadline as expired and leaves it out of the directory unless asked', async () => {
    const { id } = await create({ title: '即将过期的需求' });
    await t.request('POST', `${API}/${id}/publish`, { as: a.member });
    await t.handle.db.update(demands).set({ deadline: dayFromToday(-3) }).where(eq(demands.id, id));
    expect((await t.request('GET', `${API}/${id}`)).body.expired).toBe(true);
    const ids = async (q: string) => (await t.request('GET', `${API}?pageSize=200${q}`)).body.items.map((d: { id: string }) => d.id);
    expect(await ids('')).not.toContain(id);
    expect(await ids('&includeExpired=true')).toContain(id);
  });

  it('refuses to publish a draft whose deadline has passed', async () => {
    const { id } = await create();
    await t.handle.db.update(demands).set({ deadline: dayFromToday(-1) }).where(eq(demands.id, id));
    const res = await t.request('POST', `${API}/${id}/publish`, { as: a.member });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('demand/deadline_past');
  });
});

describe('unverified organisations', () => {
  it('may draft demands but not publish them until their regional administrator verifies them', async () => {
    const db = t.handle.db;
    const pending = await insertOrganisation(db, { name: '待审核需求有限公司', regionCode: '440305', status: 'pending' });
    await insertUser(db, { email: 'pending-member@demands.test', regionCode: '440305', orgs: [{ organisationId: pending.id, role: 'owner' }] });
    const member = await t.login('pending-member@demands.test');
    const { id } = await create({ ownerOrgId: pending.id }, member);
    const res = await t.request('POST', `${API}/${id}/publish`, { as: member, headers: { 'accept-language': 'en' } });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'organisation/not_verified', message: expect.stringContaining('has not been verified') });
    expect((await t.request('GET', `${API}/${id}`, { as: member })).body.status).toBe('draft');
  });
});

describe('GET /api/v1/demands', () => {
  it('filters by domain, industry, region, cooperation mode and the TRL on offer', async () => {
    const { id } = await create({ domainCode: 'TD02', industryCodes: ['3841'], trlNeeded: 4, cooperationModes: ['SERVICE'] });
    await t.request('POST', `${API}/${id}/publish`, { as: a.member });
    const ids = async (q: string) => (await t.request('GET', `${API}?pageSize=200&${q}`)).body.items.map((d: { id: string }) => d.id);
    expect(await ids('domainCode=TD02')).toEqual([id]);
    expect(await ids('domainCode=TD02&industryCode=3841&regionCode=440000&cooperationMode=SERVICE')).toEqual([id]);
    expect(await ids('domainCode=TD02&regionCode=110000')).toEqual([]);
    expect(await ids('domainCode=TD02&cooperationMode=ASSIGN')).toEqual([]);
    expect(await ids('domainCode=TD02&trl=5')).toEqual([id]);
    expect(await ids('domainCode=TD02&trl=3')).toEqual([]);
  });

  it('lists the caller’s demands in every status with mine=true, and refuses status filters on the public directory', async () => {
    const mine = await t.request('GET', `${API}?mine=true&status=draft&pageSize=200`, { as: a.member });
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.every((d: { status: string; canEdit: boolean }) => d.status === 'draft' && d.canEdit)).toBe(true);
    expect((await t.request('GET', `${API}?mine=true`)).status).toBe(401);
    expect((await t.request('GET', `${API}?status=draft`)).status).toBe(400);
    expect((await t.request('GET', `${API}?mine=true`, { as: a.outsider })).body.total).toBe(0);
  });
});

describe('search index hook', () => {
  it('indexes a demand inside the transaction that publishes it and removes it when it is closed', async () => {
    const seen: string[] = [];
    const statusIn = async (tx: DbConn, id: string) => (await tx.select({ s: demands.status }).from(demands).where(eq(demands.id, id)))[0]?.s;
    const service = createDemandsService({
      db: t.handle.db,
      repo: createDemandsRepo(t.handle.db),
      audit: t.services.audit,
      clock: t.clock,
      regionExists: (c) => t.services.regions.regionExists(c),
      regionNames: (c) => t.services.regions.regionNames(c),
      unknownCodes: createCodeChecker((n) => t.services.regions.getCodeList(n)),
      searchIndex: {
        async upsert(doc: SearchDocument, tx: DbConn) {
          seen.push(`upsert ${doc.kind} while ${await statusIn(tx, doc.id)}`);
        },
        async remove(id: string, tx: DbConn) {
          seen.push(`remove while ${await statusIn(tx, id)}`);
        },
      },
    });
    const u = await insertUser(t.handle.db, { email: 'hook@demands.test' });
    const actor = { ...makeActor([], [{ organisationId: orgId, role: 'member' }]), userId: u.id };
    const d = await service.create(actor, demand() as never);
    await service.transition(actor, d.id, 'publish', undefined);
    await service.transition(actor, d.id, 'close', undefined);
    expect(seen).toEqual(['upsert demand while published', 'remove while closed']);
  });
});
