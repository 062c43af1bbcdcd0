import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '#server/test-factories';
import { createTestApp, TEST_PASSWORD, type TestApp } from '#server/test-app';
import { rowsOf } from '#server/db/types';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const strong = 'Register2026!ok';

describe('POST /api/v1/auth/register', () => {
  it('creates an account with a self-service role and signs it in', async () => {
    const res = await t.request('POST', '/api/v1/auth/register', {
      body: { email: 'New.User@Example.cn', password: strong, displayName: '新用户', regionCode: '440305', role: 'researcher' },
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ email: 'new.user@example.cn', regionCode: '440305' });
    expect(res.body.user.roles.map((r: { role: string }) => r.role)).toEqual(['researcher']);
    expect(res.body.user).not.toHaveProperty('passwordHash');
    const cookie = res.raw.cookies.find((c) => c.name === 'tn_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const session = await t.request('GET', '/api/v1/auth/session', { as: { email: '', cookie: cookie!.value, csrf: res.body.csrfToken, userId: '' } });
    expect(session.status).toBe(200);
    expect(session.body.user.email).toBe('new.user@example.cn');
  });

  it('refuses an administrator role at registration', async () => {
    const res = await t.request('POST', '/api/v1/auth/register', {
      body: { email: 'sneaky@example.cn', password: strong, displayName: 'x', role: 'platform_admin' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('common/validation_failed');
    expect(res.body.error.details.issues[0].path).toBe('body.role');
  });

  it('refuses a taken e-mail with 409 auth/email_taken and writes nothing', async () => {
    await insertUser(t.handle.db, { email: 'taken@example.cn' });
    const before = await t.services.audit.count();
    const res = await t.request('POST', '/api/v1/auth/register', { body: { email: 'TAKEN@example.cn', password: strong, displayName: 'x' } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('auth/email_taken');
    expect(await t.services.audit.count()).toBe(before);
  });

  it('refuses weak, common and malformed passwords field by field, in Chinese by default', async () => {
    const weak = await t.request('POST', '/api/v1/auth/register', { body: { email: 'w@example.cn', password: 'short', displayName: 'x' } });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details.issues.some((i: { path: string }) => i.path === 'body.password')).toBe(true);
    expect(weak.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    const common = await t.request('POST', '/api/v1/auth/register', { body: { email: 'w@example.cn', password: 'password1234', displayName: 'x' } });
    expect(common.status).toBe(400);
    expect(common.body.error.code).toBe('auth/weak_password');
  });

  it('refuses an unknown region code', async () => {
    const res = await t.request('POST', '/api/v1/auth/register', { body: { email: 'r@example.cn', password: strong, displayName: 'x', regionCode: '999999' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('region/unknown_code');
    expect(res.body.error.details.issues[0].path).toBe('body.regionCode');
  });

  it('answers in English with Accept-Language: en', async () => {
    const res = await t.request('POST', '/api/v1/auth/register', {
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      body: { email: 'not-an-email', password: strong, displayName: 'x', extra: 1 },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('The request has invalid fields');
    const paths = res.body.error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toContain('body.email');
    expect(paths).toContain('body.extra');
    expect(res.headers['content-language']).toBe('en');
  });
});

describe('POST /api/v1/auth/login', () => {
  it('signs in and out; the cookie stops working after logout', async () => {
    await insertUser(t.handle.db, { email: 'login@example.cn' });
    const agent = await t.login('login@example.cn');
    expect((await t.request('GET', '/api/v1/auth/me', { as: agent })).status).toBe(200);
    const out = await t.request('POST', '/api/v1/auth/logout', { as: agent });
    expect(out.status).toBe(200);
    const after = await t.request('GET', '/api/v1/auth/me', { as: agent });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('common/session_expired');
  });

  it('gives the same answer for an unknown e-mail and a wrong password', async () => {
    await insertUser(t.handle.db, { email: 'known@example.cn' });
    const unknown = await t.request('POST', '/api/v1/auth/login', { body: { email: 'nobody@example.cn', password: 'whatever123' } });
    const wrong = await t.request('POST', '/api/v1/auth/login', { body: { email: 'known@example.cn', password: 'whatever123' } });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body.error).toEqual(wrong.body.error);
  });

  it('locks the account after 5 failures, even for the right password, and audits it', async () => {
    const u = await insertUser(t.handle.db, { email: 'lock@example.cn' });
    for (let i = 0; i < 4; i++) {
      expect((await t.request('POST', '/api/v1/auth/login', { body: { email: 'lock@example.cn', password: 'wrong-pass-1' } })).status).toBe(401);
    }
    const fifth = await t.request('POST', '/api/v1/auth/login', { body: { email: 'lock@example.cn', password: 'wrong-pass-1' } });
    expect(fifth.status).toBe(423);
    expect(fifth.body.error.code).toBe('auth/account_locked');
    const right = await t.request('POST', '/api/v1/auth/login', { body: { email: 'lock@example.cn', password: TEST_PASSWORD } });
    expect(right.status).toBe(423);
    const events = await t.request('GET', `/api/v1/audit/events?entityId=${u.id}`, { as: await adminAgent() });
    expect(events.body.items.map((e: { action: string }) => e.action)).toContain('user.locked');
  });

  it('refuses a disabled account', async () => {
    await insertUser(t.handle.db, { email: 'disabled@example.cn', status: 'disabled' });
    const res = await t.request('POST', '/api/v1/auth/login', { body: { email: 'disabled@example.cn', password: TEST_PASSWORD } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('auth/account_disabled');
  });

  it('rejects an expired session as session_expired', async () => {
    await insertUser(t.handle.db, { email: 'expire@example.cn' });
    const agent = await t.login('expire@example.cn');
    await t.handle.db.execute(sql`update sessions set expires_at = now() - interval '1 minute' where user_id = ${agent.userId}`);
    const res = await t.request('PATCH', '/api/v1/auth/profile', { as: agent, body: { displayName: 'x' } });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('common/session_expired');
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated write without the token or with a forged one, and changes nothing', async () => {
    await insertUser(t.handle.db, { email: 'csrf@example.cn', displayName: '原名' });
    const agent = await t.login('csrf@example.cn');
    const missing = await t.request('PATCH', '/api/v1/auth/profile', { as: agent, body: { displayName: '新名' }, noCsrf: true });
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe('common/csrf_invalid');
    const forged = await t.request('PATCH', '/api/v1/auth/profile', { as: { ...agent, csrf: 'forged-token-value' }, body: { displayName: '新名' } });
    expect(forged.status).toBe(403);
    const me = await t.request('GET', '/api/v1/auth/me', { as: agent });
    expect(me.body.displayName).toBe('原名');
    const ok = await t.request('PATCH', '/api/v1/auth/profile', { as: agent, body: { displayName: '新名' } });
    expect(ok.status).toBe(200);
    expect(ok.body.displayName).toBe('新名');
  });
});

describe('API tokens', () => {
  it('creates a token shown once, stores only its digest, honours scopes, and can be revoked', async () => {
    await insertUser(t.handle.db, { email: 'token@example.cn' });
    const agent = await t.login('token@example.cn');
    const created = await t.request('POST', '/api/v1/auth/tokens', { as: agent, body: { name: 'ci', scopes: ['read'] } });
    expect(created.status).toBe(201);
    const token: string = created.body.token;
    expect(token).toMatch(/^tn_[A-Za-z0-9]{8}_/);
    const stored = rowsOf<{ token_hash: string }>(await t.handle.db.execute(sql`select token_hash from api_tokens where id = ${created.body.id}`));
    // The secret is everything after `tn_<8-char id>_` (it may itself contain '_' or '-').
    const secret = token.slice('tn_'.length + 8 + 1);
    expect(secret.length).toBeGreaterThanOrEqual(20);
    expect(stored[0]!.token_hash).not.toContain(secret);

    const me = await t.request('GET', '/api/v1/auth/me', { as: { bearer: token } });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe('token@example.cn');
    const write = await t.request('PATCH', '/api/v1/auth/profile', { as: { bearer: token }, body: { displayName: 'x' } });
    expect(write.status).toBe(403);
    expect(write.body.error.code).toBe('common/token_scope_insufficient');

    const list = await t.request('GET', '/api/v1/auth/tokens', { as: agent });
    expect(list.body.items[0]).not.toHaveProperty('token');
    expect((await t.request('DELETE', `/api/v1/auth/tokens/${created.body.id}`, { as: agent })).status).toBe(200);
    const revoked = await t.request('GET', '/api/v1/auth/me', { as: { bearer: token } });
    expect(revoked.status).toBe(401);
    expect((await t.request('DELETE', `/api/v1/auth/tokens/${created.body.id}`, { as: agent })).body.error.code).toBe('auth/token_not_found');
  });

  it('rejects a malformed or unknown bearer token', async () => {
    expect((await t.request('GET', '/api/v1/auth/me', { as: { bearer: 'nonsense' } })).status).toBe(401);
    expect((await t.request('GET', '/api/v1/auth/me', { as: { bearer: `tn_ABCDEFGH_${'x'.repeat(43)}` } })).status).toBe(401);
  });
});

describe('POST /api/v1/auth/password', () => {
  it('changes the password and ends every session', async () => {
    await insertUser(t.handle.db, { email: 'pw@example.cn' });
    const a = await t.login('pw@example.cn');
    const b = await t.login('pw@example.cn');
    const wrong = await t.request('POST', '/api/v1/auth/password', { as: a, body: { currentPassword: 'nope', newPassword: 'Another2026!pw' } });
    expect(wrong.status).toBe(401);
    const ok = await t.request('POST', '/api/v1/auth/password', { as: a, body: { currentPassword: TEST_PASSWORD, newPassword: 'Another2026!pw' } });
    expect(ok.status).toBe(200);
    expect((await t.request('GET', '/api/v1/auth/me', { as: b })).status).toBe(401);
    expect((await t.login('pw@example.cn', 'Another2026!pw')).cookie).toBeTruthy();
  });
});

let admin: Awaited<ReturnType<TestApp['login']>> | undefined;
async function adminAgent() {
  if (!admin) {
    await insertUser(t.handle.db, { email: 'root@example.cn', roles: [{ role: 'platform_admin' }] });
    admin = await t.login('root@example.cn');
  }
  return admin;
}
