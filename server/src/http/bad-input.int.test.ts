import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '#server/db/types';
import { insertOrganisation, insertUser, makeCreditCode } from '#server/test-factories';
import { createTestApp, type Agent, type RequestOptions, type TestApp, type TestResponse } from '#server/test-app';

/**
 * Bad input of every kind gets the right 4xx with a stable code and a readable message, writes
 * nothing (row counts and the audit trail are unchanged) and leaves the server working.
 */

let t: TestApp;
let agent: Agent;

beforeAll(async () => {
  t = await createTestApp();
  await insertUser(t.handle.db, { email: 'input@bad-input.test', displayName: '输入测试', regionCode: '110108' });
  agent = await t.login('input@bad-input.test');
});
afterAll(() => t.close());

let n = 0;
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`;
const validOrg = () => ({ name: `输入测试机构-${uniq()}`, type: 'enterprise', regionCode: '110108' });
const CJK = /[\u4e00-\u9fff]/;

async function count(table: 'organisations' | 'users' | 'memberships' | 'sessions' | 'api_tokens'): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await t.handle.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`));
  return Number(row!.n);
}

/** What a rejected request must not change. */
async function snapshot() {
  return {
    organisations: await count('organisations'),
    users: await count('users'),
    memberships: await count('memberships'),
    apiTokens: await count('api_tokens'),
    audit: await t.services.audit.count(),
  };
}

/**
 * Sends a request that must be refused with `status` and `code`, then checks that nothing was
 * written and that a follow-up request still works.
 */
async function expectRefused(send: () => Promise<TestResponse>, status: number, code: string): Promise<TestResponse> {
  const before = await snapshot();
  const res = await send();
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.body.error.code).toBe(code);
  expect(res.body.error.message).toEqual(expect.any(String));
  expect(res.body.error.message.length).toBeGreaterThan(0);
  expect(res.body.error.message, 'no unfilled {placeholder}').not.toMatch(/\{\w+\}/);
  expect(await snapshot()).toEqual(before);
  const followUp = await t.request('GET', '/api/v1/auth/me', { as: agent });
  expect(followUp.status).toBe(200);
  return res;
}

const post = (url: string, o: RequestOptions) => () => t.request('POST', url, { as: agent, ...o });
const issuePaths = (res: TestResponse) => (res.body.error.details?.issues ?? []).map((i: { path: string }) => i.path);

describe('malformed bodies', () => {
  it('answers 400 common/bad_request to malformed JSON', async () => {
    const res = await expectRefused(
      post('/api/v1/organisations', { body: '{"name": "未闭合', headers: { 'content-type': 'application/json' } }),
      400,
      'common/bad_request',
    );
    expect(res.body.error.message).toMatch(CJK);
  });

  it('answers 400 common/bad_request to an empty JSON body', async () => {
    await expectRefused(
      post('/api/v1/organisations', { body: '', headers: { 'content-type': 'application/json' } }),
      400,
      'common/bad_request',
    );
  });

  it('answers 415 common/unsupported_media_type to an XML body', async () => {
    const res = await expectRefused(
      post('/api/v1/organisations', {
        body: '<organisation><name>x</name></organisation>',
        headers: { 'content-type': 'application/xml' },
      }),
      415,
      'common/unsupported_media_type',
    );
    expect(res.body.error.message).toContain('application/xml');
  });

  it('answers 415 common/unsupported_media_type to a text/plain body on a JSON endpoint', async () => {
    await expectRefused(
      post('/api/v1/organisations', { body: JSON.stringify(validOrg()), headers: { 'content-type': 'text/plain' } }),
      415,
      'common/unsupported_media_type',
    );
  });

  it('answers 413 common/payload_too_large to a body over the 1 MiB limit, naming the limit', async () => {
    const res = await expectRefused(
      post('/api/v1/organisations', { body: { ...validOrg(), description: '长'.repeat(400_000) } }),
      413,
      'common/payload_too_large',
    );
    expect(res.body.error.message).toContain('1048576');
  });

  it('names the limit of the route when a route raises it (deal documents: 1.5 MB)', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const res = await t.request('POST', `/api/v1/market/deals/${id}/messages`, { as: agent, body: { body: '附件', document: { name: 'a.pdf', mediaType: 'application/pdf', contentBase64: 'A'.repeat(1_600_000) } } });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('common/payload_too_large');
    expect(res.body.error.message).toContain(String(1_500_000 + 16_384));
  });
});

describe('schema validation', () => {
  it('refuses instants PostgreSQL cannot store on every market route that takes one, naming the field', async () => {
    const late = '9999-12-31T23:59:59-14:00';
    for (const [path, field] of [
      ['/api/v1/auctions', 'endsAt'],
      ['/api/v1/tenders', 'deadline'],
      ['/api/v1/market/listings', 'listedUntil'],
    ] as const) {
      const res = await t.request('POST', path, { as: agent, body: { [field]: late } });
      expect(res.status, path).toBe(400);
      expect(res.body.error.code).toBe('common/validation_failed');
      expect(issuePaths(res), path).toContain(`body.${field}`);
      expect(res.body.error.details.issues.find((i: { path: string }) => i.path === `body.${field}`).message).toBe('日期时间格式不正确');
    }
  });

  it('answers 400 common/validation_failed with one issue per wrong field', async () => {
    const res = await expectRefused(
      post('/api/v1/organisations', { body: { name: 12345, type: 'spaceship', regionCode: '110108', flags: { isInvestor: 'yes' } } }),
      400,
      'common/validation_failed',
    );
    expect(issuePaths(res).sort()).toEqual(['body.flags.isInvestor', 'body.name', 'body.type']);
    for (const issue of res.body.error.details.issues) {
      expect(issue).toEqual({ path: expect.any(String), code: expect.any(String), message: expect.stringMatching(CJK) });
    }
  });

  it('reports a missing required field by its path', async () => {
    const res = await expectRefused(
      post('/api/v1/organisations', { body: { type: 'enterprise', regionCode: '110108' } }),
      400,
      'common/validation_failed',
    );
    expect(issuePaths(res)).toEqual(['body.name']);
  });

  it('refuses unknown fields with one issue per unknown key', async () => {
    const res = await expectRefused(
      post('/api/v1/organisations', { body: { ...validOrg(), status: 'verified', isAdmin: true } }),
      400,
      'common/validation_failed',
    );
    const unknown = res.body.error.details.issues.filter((i: { code: string }) => i.code === 'unrecognized_key');
    expect(unknown.map((i: { path: string }) => i.path).sort()).toEqual(['body.isAdmin', 'body.status']);
    expect(unknown[0].message).toMatch(CJK);
  });

  it('answers 400 to an invalid UUID in the path, before anything is read or written', async () => {
    const read = await expectRefused(
      () => t.request('GET', '/api/v1/organisations/not-a-uuid', { as: agent }),
      400,
      'common/validation_failed',
    );
    expect(issuePaths(read)).toEqual(['params.id']);
    const write = await expectRefused(
      () => t.request('PATCH', "/api/v1/organisations/1'%20OR%20'1'='1", { as: agent, body: { description: 'x' } }),
      400,
      'common/validation_failed',
    );
    expect(issuePaths(write)).toEqual(['params.id']);
  });

  it('answers in Chinese by default and in English with Accept-Language: en', async () => {
    const body = { name: 1, type: 'enterprise', regionCode: '110108' };
    const zh = await expectRefused(post('/api/v1/organisations', { body }), 400, 'common/validation_failed');
    expect(zh.body.error.message).toBe('提交的数据有误，请检查标出的字段');
    expect(zh.body.error.details.issues[0].message).toBe('应为文本');
    expect(zh.headers['content-language']).toBe('zh-CN');

    const en = await expectRefused(
      post('/api/v1/organisations', { body, headers: { 'accept-language': 'en' } }),
      400,
      'common/validation_failed',
    );
    expect(en.body.error.message).toBe('The request has invalid fields');
    expect(en.body.error.details.issues[0].message).toBe('Expected string');
    expect(en.headers['content-language']).toBe('en');
  });
});

describe('region codes', () => {
  it('refuses a region code that is not 6 digits with 400 at body.regionCode', async () => {
    const res = await expectRefused(
      post('/api/v1/organisations', { body: { ...validOrg(), regionCode: '11010' } }),
      400,
      'common/validation_failed',
    );
    expect(issuePaths(res)).toEqual(['body.regionCode']);
    const path = await expectRefused(() => t.request('GET', '/api/v1/regions/11010x'), 400, 'common/validation_failed');
    expect(issuePaths(path)).toEqual(['params.code']);
  });

  it('refuses an unknown 6-digit region for an organisation with 400 region/unknown_code', async () => {
    const res = await expectRefused(
      post('/api/v1/organisations', { body: { ...validOrg(), regionCode: '999999' } }),
      400,
      'region/unknown_code',
    );
    expect(res.body.error.message).toContain('999999');
    expect(issuePaths(res)).toEqual(['body.regionCode']);
  });

  it('refuses an unknown 6-digit region in a profile with 400 region/unknown_code on the field', async () => {
    const res = await expectRefused(
      () => t.request('PATCH', '/api/v1/auth/profile', { as: agent, body: { regionCode: '999999' } }),
      400,
      'region/unknown_code',
    );
    expect(res.body.error.message).toContain('999999');
    expect(issuePaths(res)).toEqual(['body.regionCode']);
  });
});

describe('unified social credit codes', () => {
  /** The same code with a different (still well-formed) check character. */
  function withWrongCheckChar(code: string): string {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const last = code.at(-1)!;
    return code.slice(0, -1) + alphabet[(alphabet.indexOf(last) + 1) % alphabet.length];
  }

  it('refuses a code whose check character is wrong with 400 organisation/credit_code_invalid', async () => {
    const res = await expectRefused(
      post('/api/v1/organisations', { body: { ...validOrg(), creditCode: withWrongCheckChar(makeCreditCode('110108')) } }),
      400,
      'organisation/credit_code_invalid',
    );
    expect(issuePaths(res)).toEqual(['body.creditCode']);
  });

  it('refuses a code of the wrong shape with 400 common/validation_failed at body.creditCode', async () => {
    const res = await expectRefused(
      post('/api/v1/organisations', { body: { ...validOrg(), creditCode: '91110108ABC' } }),
      400,
      'common/validation_failed',
    );
    expect(issuePaths(res)).toEqual(['body.creditCode']);
  });

  it('refuses a code another organisation uses (in any letter case) with 409 organisation/credit_code_taken', async () => {
    const existing = await insertOrganisation(t.handle.db, { regionCode: '110108' });
    const res = await expectRefused(
      post('/api/v1/organisations', { body: { ...validOrg(), creditCode: existing.creditCode!.toLowerCase() } }),
      409,
      'organisation/credit_code_taken',
    );
    expect(issuePaths(res)).toEqual(['body.creditCode']);
  });
});

describe('sessions and CSRF', () => {
  it('answers 401 common/session_expired to an expired session, clears the cookie and changes nothing', async () => {
    const u = await insertUser(t.handle.db, { email: `expired-${uniq()}@bad-input.test`, displayName: '过期前' });
    const stale = await t.login(u.email);
    await t.handle.db.execute(sql`update sessions set expires_at = now() - interval '1 minute' where user_id = ${stale.userId}`);

    const res = await expectRefused(
      () => t.request('PATCH', '/api/v1/auth/profile', { as: stale, body: { displayName: '过期后' } }),
      401,
      'common/session_expired',
    );
    expect(res.raw.cookies.find((c) => c.name === 'tn_session')?.value).toBe('');
    const again = await t.request('GET', '/api/v1/auth/me', { as: stale });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('common/session_expired');
    const [row] = rowsOf<{ display_name: string }>(await t.handle.db.execute(sql`select display_name from users where id = ${u.id}`));
    expect(row!.display_name).toBe('过期前');
  });

  it('answers 403 common/csrf_invalid to a forged or missing CSRF token and leaves the profile unchanged', async () => {
    const forged = await expectRefused(
      () =>
        t.request('PATCH', '/api/v1/auth/profile', {
          as: { ...agent, csrf: 'forged-csrf-token-0000000000' },
          body: { displayName: '伪造' },
        }),
      403,
      'common/csrf_invalid',
    );
    expect(forged.body.error.message).toMatch(CJK);
    await expectRefused(
      () => t.request('PATCH', '/api/v1/auth/profile', { as: agent, body: { displayName: '伪造' }, noCsrf: true }),
      403,
      'common/csrf_invalid',
    );
    // Another session's token is just as wrong: the token is bound to the session.
    const u = await insertUser(t.handle.db, { email: `other-${uniq()}@bad-input.test` });
    const other = await t.login(u.email);
    await expectRefused(
      () => t.request('PATCH', '/api/v1/auth/profile', { as: { ...agent, csrf: other.csrf }, body: { displayName: '伪造' } }),
      403,
      'common/csrf_invalid',
    );
    const me = await t.request('GET', '/api/v1/auth/me', { as: agent });
    expect(me.body.displayName).toBe('输入测试');
  });
});

describe('hostile text', () => {
  const SQLI = "Robert'); DROP TABLE organisations; --";
  const XSS = '<script>alert(1)</script>';

  it('stores SQL and script payloads in organisation fields verbatim and returns them as inert JSON', async () => {
    const before = await count('organisations');
    const created = await t.request('POST', '/api/v1/organisations', {
      as: agent,
      body: { ...validOrg(), name: SQLI, description: `${XSS}<img src=x onerror=alert(2)> ' OR 1=1; --` },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(await count('organisations')).toBe(before + 1);

    const res = await t.request('GET', `/api/v1/organisations/${created.body.id}`, { as: agent });
    expect(res.status).toBe(200);
    expect(res.body.name).toBe(SQLI);
    expect(res.body.description).toBe(`${XSS}<img src=x onerror=alert(2)> ' OR 1=1; --`);
    // JSON, never HTML: the browser will not sniff or render it.
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.raw.body).toContain(JSON.stringify(XSS).slice(1, -1));
  });

  it('treats SQL and LIKE wildcards in search text as plain text', async () => {
    await insertOrganisation(t.handle.db, { name: '普通机构', regionCode: '110108' });
    for (const q of ["' OR '1'='1", '%', '_', "'; select pg_sleep(5); --"]) {
      const res = await t.request('GET', `/api/v1/organisations?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
      expect(
        res.body.items.every((o: { name: string }) => o.name.includes(q)),
        q,
      ).toBe(true);
    }
    const all = await t.request('GET', '/api/v1/organisations');
    expect(all.body.total).toBeGreaterThan(0);
  });

  it('stores a script payload in a display name verbatim', async () => {
    const u = await insertUser(t.handle.db, { email: `xss-${uniq()}@bad-input.test` });
    const a = await t.login(u.email);
    const res = await t.request('PATCH', '/api/v1/auth/profile', { as: a, body: { displayName: `${XSS}'--` } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const me = await t.request('GET', '/api/v1/auth/me', { as: a });
    expect(me.body.displayName).toBe(`${XSS}'--`);
    expect(me.headers['content-type']).toMatch(/^application\/json/);
  });
});

describe('Idempotency-Key', () => {
  it('replays the first response for the same key and body, and creates one row only', async () => {
    const key = `idem-${uniq()}-0001`;
    const body = { ...validOrg(), creditCode: makeCreditCode('110108') };
    const before = await snapshot();

    const first = await t.request('POST', '/api/v1/organisations', { as: agent, body, headers: { 'idempotency-key': key } });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    const replay = await t.request('POST', '/api/v1/organisations', { as: agent, body, headers: { 'idempotency-key': key } });
    expect(replay.status).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(first.body);

    const after = await snapshot();
    expect(after.organisations).toBe(before.organisations + 1);
    expect(after.audit).toBe(before.audit + 1);
  });

  it('refuses the same key with a different body with 422 common/idempotency_key_reused', async () => {
    const key = `idem-${uniq()}-0002`;
    const first = await t.request('POST', '/api/v1/organisations', { as: agent, body: validOrg(), headers: { 'idempotency-key': key } });
    expect(first.status).toBe(201);
    await expectRefused(
      post('/api/v1/organisations', { body: validOrg(), headers: { 'idempotency-key': key } }),
      422,
      'common/idempotency_key_reused',
    );
  });

  it('refuses a malformed key with 400 common/bad_request', async () => {
    await expectRefused(
      post('/api/v1/organisations', { body: validOrg(), headers: { 'idempotency-key': 'short' } }),
      400,
      'common/bad_request',
    );
  });
});
