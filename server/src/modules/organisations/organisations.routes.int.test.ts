import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOrganisation, insertUser, makeCreditCode } from '#server/test-factories';
import { createTestApp, type Agent, type TestApp } from '#server/test-app';

let t: TestApp;
let owner: Agent;
let gdAdmin: Agent;
let bjAdmin: Agent;
let stranger: Agent;
beforeAll(async () => {
  t = await createTestApp();
  await insertUser(t.handle.db, { email: 'org-owner@example.cn', regionCode: '440305' });
  await insertUser(t.handle.db, { email: 'gd@example.cn', regionCode: '440000', roles: [{ role: 'regional_admin', regionCode: '440000' }] });
  await insertUser(t.handle.db, { email: 'bj@example.cn', regionCode: '110000', roles: [{ role: 'regional_admin', regionCode: '110000' }] });
  await insertUser(t.handle.db, { email: 'member-to-be@example.cn', regionCode: '440305' });
  await insertUser(t.handle.db, { email: 'stranger@example.cn', regionCode: '440305' });
  [owner, gdAdmin, bjAdmin, stranger] = await Promise.all([
    t.login('org-owner@example.cn'),
    t.login('gd@example.cn'),
    t.login('bj@example.cn'),
    t.login('stranger@example.cn'),
  ]);
});
afterAll(() => t.close());

describe('organisation lifecycle', () => {
  let orgId: string;

  it('registers an organisation as pending with its creator as owner', async () => {
    const code = makeCreditCode('440305');
    const res = await t.request('POST', '/api/v1/organisations', {
      as: owner,
      body: { name: '深圳测试科技有限公司', type: 'enterprise', creditCode: code.toLowerCase(), regionCode: '440305', flags: { isTechTransferOrg: true } },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: 'pending', creditCode: code, regionName: expect.stringContaining('南山'), enterpriseOwnership: 'domestic', memberCount: 1 });
    expect(res.body.flags.isTechTransferOrg).toBe(true);
    orgId = res.body.id;
  });

  it('hides a pending organisation from the public and other regions, not from its region', async () => {
    expect((await t.request('GET', `/api/v1/organisations/${orgId}`)).status).toBe(404);
    expect((await t.request('GET', `/api/v1/organisations/${orgId}`, { as: bjAdmin })).status).toBe(404);
    expect((await t.request('GET', `/api/v1/organisations/${orgId}`, { as: gdAdmin })).status).toBe(200);
    const mine = await t.request('GET', '/api/v1/organisations?mine=true', { as: owner });
    expect(mine.body.items.map((o: { id: string }) => o.id)).toEqual([orgId]);
  });

  it('lets only administrators of its region verify it', async () => {
    const byOwner = await t.request('POST', `/api/v1/organisations/${orgId}/status`, { as: owner, body: { status: 'verified' } });
    expect(byOwner.status).toBe(403);
    const byOtherProvince = await t.request('POST', `/api/v1/organisations/${orgId}/status`, { as: bjAdmin, body: { status: 'verified' } });
    expect(byOtherProvince.status).toBe(404);
    const ok = await t.request('POST', `/api/v1/organisations/${orgId}/status`, { as: gdAdmin, body: { status: 'verified' } });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('verified');
    expect((await t.request('GET', `/api/v1/organisations/${orgId}`)).status).toBe(200);
  });

  it('manages members: add, change role, protect the last owner, remove', async () => {
    const added = await t.request('POST', `/api/v1/organisations/${orgId}/members`, { as: owner, body: { email: 'Member-To-Be@example.cn' } });
    expect(added.status).toBe(201);
    expect(added.body.role).toBe('member');
    const dup = await t.request('POST', `/api/v1/organisations/${orgId}/members`, { as: owner, body: { email: 'member-to-be@example.cn' } });
    expect(dup.body.error.code).toBe('organisation/member_exists');
    const byStranger = await t.request('POST', `/api/v1/organisations/${orgId}/members`, { as: stranger, body: { email: 'stranger@example.cn' } });
    expect(byStranger.status).toBe(403);
    expect((await t.request('GET', `/api/v1/organisations/${orgId}/members`, { as: stranger })).status).toBe(403);

    const demote = await t.request('PATCH', `/api/v1/organisations/${orgId}/members/${owner.userId}`, { as: owner, body: { role: 'member' } });
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe('organisation/last_owner');
    const leave = await t.request('DELETE', `/api/v1/organisations/${orgId}/members/${owner.userId}`, { as: owner });
    expect(leave.body.error.code).toBe('organisation/last_owner');

    const promoted = await t.request('PATCH', `/api/v1/organisations/${orgId}/members/${added.body.userId}`, { as: owner, body: { role: 'admin' } });
    expect(promoted.body.role).toBe('admin');
    const members = await t.request('GET', `/api/v1/organisations/${orgId}/members`, { as: owner });
    expect(members.body.items).toHaveLength(2);
    const removed = await t.request('DELETE', `/api/v1/organisations/${orgId}/members/${added.body.userId}`, { as: owner });
    expect(removed.status).toBe(200);
  });

  it('updates fields, keeps ownership only for enterprises, and audits every change', async () => {
    const res = await t.request('PATCH', `/api/v1/organisations/${orgId}`, { as: owner, body: { description: '更新后的简介', type: 'research_institute' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ description: '更新后的简介', type: 'research_institute', enterpriseOwnership: null });
    const moveAway = await t.request('PATCH', `/api/v1/organisations/${orgId}`, { as: gdAdmin, body: { regionCode: '110108' } });
    expect(moveAway.status).toBe(403);
    expect(moveAway.body.error.code).toBe('auth/region_out_of_scope');
  });
});

describe('organisation directory', () => {
  it('filters by region (everything under it), type and flag', async () => {
    await insertOrganisation(t.handle.db, { name: '广州天河目录机构', regionCode: '440106', type: 'medical' });
    await insertOrganisation(t.handle.db, { name: '北京海淀目录机构', regionCode: '110108', type: 'university', isTechTransferOrg: true });
    const gd = await t.request('GET', '/api/v1/organisations?regionCode=440000&pageSize=100');
    expect(gd.body.items.length).toBeGreaterThan(0);
    expect(gd.body.items.every((o: { regionCode: string }) => o.regionCode.startsWith('44'))).toBe(true);
    const uni = await t.request('GET', '/api/v1/organisations?type=university&flag=isTechTransferOrg');
    expect(uni.body.items.map((o: { name: string }) => o.name)).toContain('北京海淀目录机构');
    const q = await t.request('GET', `/api/v1/organisations?q=${encodeURIComponent('天河目录')}`);
    expect(q.body.total).toBe(1);
  });

  it('refuses a bad credit code with a field error', async () => {
    const res = await t.request('POST', '/api/v1/organisations', {
      as: owner,
      body: { name: '校验位错误公司', type: 'enterprise', creditCode: '91350100M000100Y44', regionCode: '440305' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('organisation/credit_code_invalid');
    expect(res.body.error.details.issues[0].path).toBe('body.creditCode');
  });
});
