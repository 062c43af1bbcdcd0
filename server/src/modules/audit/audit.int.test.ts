import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '#server/test-factories';
import { createTestApp, type Agent, type TestApp } from '#server/test-app';
import { TEST_DATABASE_URL } from '../../../test/helpers/test-env';

let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  await insertUser(t.handle.db, { email: 'audit-admin@example.cn', roles: [{ role: 'platform_admin' }] });
  admin = await t.login('audit-admin@example.cn');
  // A few state changes, each of which must leave one chained event.
  await t.request('POST', '/api/v1/organisations', { as: admin, body: { name: '审计测试机构', type: 'university', regionCode: '110108' } });
  await t.request('PATCH', '/api/v1/auth/profile', { as: admin, body: { displayName: '审计管理员' } });
});
afterAll(() => t.close());

describe('audit trail', () => {
  it('records state changes with actor, action, entity, digests and request id', async () => {
    const res = await t.request('GET', '/api/v1/audit/events?pageSize=10', { as: admin, headers: { 'x-request-id': 'req-audit-0001' } });
    expect(res.status).toBe(200);
    const actions = res.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['organisation.created', 'user.profile_updated', 'session.created']));
    const profile = res.body.items.find((e: { action: string }) => e.action === 'user.profile_updated');
    expect(profile).toMatchObject({ actorId: admin.userId, entityType: 'user', entityId: admin.userId });
    expect(profile.beforeDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(profile.afterDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(profile.beforeDigest).not.toBe(profile.afterDigest);
    expect(profile.requestId).toBeTruthy();
  });

  it('verifies an intact chain over HTTP', async () => {
    const res = await t.request('GET', '/api/v1/audit/verify', { as: admin });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, firstBroken: null });
    expect(res.body.checked).toBeGreaterThanOrEqual(3);
    expect(res.body.headSeq).toBe(res.body.checked);
  });

  it('refuses UPDATE and DELETE on the table (append-only trigger)', async () => {
    await expect(t.handle.db.execute(sql`update audit_events set action = 'x' where seq = 1`)).rejects.toThrow();
    await expect(t.handle.db.execute(sql`delete from audit_events where seq = 1`)).rejects.toThrow();
    expect((await t.request('GET', '/api/v1/audit/verify', { as: admin })).body.ok).toBe(true);
  });

  it('detects an edit made behind the application’s back and names the first broken link', async () => {
    // A DBA with superuser rights can switch the trigger off; the hash chain still gives it away.
    await t.handle.db.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
    await t.handle.db.execute(sql`update audit_events set actor_label = 'someone else' where seq = 2`);
    await t.handle.db.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
    const res = await t.request('GET', '/api/v1/audit/verify', { as: admin });
    expect(res.body.ok).toBe(false);
    expect(res.body.firstBroken).toMatchObject({ seq: 2, reason: 'hash_mismatch' });
    expect(res.body.checked).toBe(1);
  });

  it('lets only platform administrators verify', async () => {
    await insertUser(t.handle.db, { email: 'audit-researcher@example.cn', roles: [{ role: 'researcher' }] });
    const r = await t.login('audit-researcher@example.cn');
    expect((await t.request('GET', '/api/v1/audit/verify', { as: r })).status).toBe(403);
    expect((await t.request('GET', '/api/v1/audit/verify')).status).toBe(401);
  });

  it('runs on the database this suite targets', () => {
    expect(t.handle.mode).toBe(TEST_DATABASE_URL ? 'postgres' : 'embedded');
  });
});
