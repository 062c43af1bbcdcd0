import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggerOptions, REDACT_PATHS } from '#server/lib/logger';
import { insertUser } from '#server/test-factories';
import { createTestApp, type Agent, type TestApp, type TestResponse } from '#server/test-app';
import { TEST_DATABASE_URL } from '../../test/helpers/test-env';

/** House conventions every API response follows: errors, request ids, security headers, caching, docs. */

let t: TestApp;
let agent: Agent;

beforeAll(async () => {
  t = await createTestApp();
  await insertUser(t.handle.db, { email: 'conventions@conventions.test' });
  agent = await t.login('conventions@conventions.test');
});
afterAll(() => t.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A spread of responses: success, each kind of error, and the OpenAPI document. */
async function sampleResponses(): Promise<[string, TestResponse][]> {
  return [
    ['200 health', await t.request('GET', '/api/v1/health')],
    ['200 signed-in read', await t.request('GET', '/api/v1/auth/me', { as: agent })],
    ['401', await t.request('GET', '/api/v1/auth/me')],
    ['404 unknown route', await t.request('GET', '/api/v1/no-such-thing')],
    ['400 validation', await t.request('GET', '/api/v1/organisations/not-a-uuid')],
    ['415', await t.request('POST', '/api/v1/organisations', { as: agent, body: '<x/>', headers: { 'content-type': 'application/xml' } })],
    ['OpenAPI', await t.request('GET', '/api/docs/json')],
  ];
}

describe('unknown routes', () => {
  it.each([
    ['GET', '/api/v1/no-such-thing?x=1', '/api/v1/no-such-thing'],
    ['POST', '/api/v1/organisations/x/y/z', '/api/v1/organisations/x/y/z'],
    ['DELETE', '/api/v1/health', '/api/v1/health'],
    ['GET', '/api/v2/health', '/api/v2/health'],
  ])('answers %s %s with JSON 404 common/route_not_found', async (method, url, path) => {
    const res = await t.request(method, url, { ...(method === 'GET' ? {} : { body: {} }) });
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body.error.code).toBe('common/route_not_found');
    expect(res.body.error.message).toBe(`接口不存在：${method} ${path}`);
  });

  it('names the route in English with Accept-Language: en', async () => {
    const res = await t.request('GET', '/api/v1/nope', { headers: { 'accept-language': 'en-GB,en;q=0.9,zh;q=0.5' } });
    expect(res.body.error.message).toBe('No such endpoint: GET /api/v1/nope');
  });
});

describe('x-request-id', () => {
  it('is on every response, and unique when the client sends none', async () => {
    const samples = await sampleResponses();
    for (const [label, res] of samples) {
      expect(res.headers['x-request-id'], label).toMatch(UUID);
    }
    expect(new Set(samples.map(([, r]) => r.headers['x-request-id'])).size).toBe(samples.length);
  });

  it('echoes a well-formed incoming id, on success and on error', async () => {
    const ok = await t.request('GET', '/api/v1/health', { headers: { 'x-request-id': 'edge-proxy.req_0001' } });
    expect(ok.headers['x-request-id']).toBe('edge-proxy.req_0001');
    const err = await t.request('GET', '/api/v1/auth/me', { headers: { 'x-request-id': 'edge-proxy.req_0002' } });
    expect(err.status).toBe(401);
    expect(err.headers['x-request-id']).toBe('edge-proxy.req_0002');
  });

  it.each([
    ['too short', 'abc'],
    ['too long', 'x'.repeat(65)],
    ['with spaces and markup', 'id <script>alert(1)</script>'],
  ])('replaces an incoming id that is %s with a fresh UUID', async (_label, given) => {
    const res = await t.request('GET', '/api/v1/health', { headers: { 'x-request-id': given } });
    expect(res.headers['x-request-id']).toMatch(UUID);
  });
});

describe('security headers', () => {
  it('sends the helmet headers on every API response', async () => {
    for (const [label, res] of await sampleResponses()) {
      const h = res.headers;
      const csp = String(h['content-security-policy'] ?? '');
      expect(csp, label).toContain("default-src 'self'");
      // Scripts from the own origin only (the docs pages carry swagger-ui's own, equally strict CSP).
      expect(csp, label).toMatch(/script-src 'self'\s*(;|$)/);
      expect(csp, label).toContain("object-src 'none'");
      expect(h['x-content-type-options'], label).toBe('nosniff');
      expect(h['x-frame-options'] !== undefined || csp.includes("frame-ancestors 'none'"), label).toBe(true);
      expect(String(h['strict-transport-security']), label).toMatch(/max-age=\d{7,}/);
      expect(h['referrer-policy'], label).toBeDefined();
      expect(h['x-powered-by'], label).toBeUndefined();
    }
  });
});

describe('cache-control', () => {
  it('is no-store on API responses, errors included', async () => {
    const samples: [string, TestResponse][] = [
      ...(await sampleResponses()),
      ['200 list', await t.request('GET', '/api/v1/organisations')],
      ['404 region', await t.request('GET', '/api/v1/regions/999999')],
      ['400 bad JSON', await t.request('POST', '/api/v1/auth/login', { body: '{', headers: { 'content-type': 'application/json' } })],
    ];
    for (const [label, res] of samples) {
      expect(res.headers['cache-control'], label).toBe('no-store');
    }
  });

  it('lets clients cache reference code lists for an hour (the one exception)', async () => {
    for (const url of ['/api/v1/code-lists', '/api/v1/code-lists/trl']) {
      const res = await t.request('GET', url);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control'], url).toBe('public, max-age=3600');
    }
  });

  it('does not let a cacheable endpoint cache its errors', async () => {
    const res = await t.request('GET', '/api/v1/code-lists/no-such-list');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('code_list/not_found');
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

// ---------------------------------------------------------------------------------------------

/** `METHOD /path` for every route in Fastify's route tree (HEAD twins of GET routes left out). */
function registeredRoutes(app: TestApp['app']): string[] {
  const out: string[] = [];
  const prefixes: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:[│ ] {3})*)[├└]── (\S+)(?: \(([^)]*)\))?/.exec(line);
    if (!m) {
      continue;
    }
    const depth = m[1]!.length / 4;
    const path = (prefixes[depth - 1] ?? '') + m[2]!;
    prefixes[depth] = path;
    prefixes.length = depth + 1;
    for (const method of (m[3] ?? '').split(',').map((s) => s.trim())) {
      if (method && method !== 'HEAD') {
        out.push(`${method} ${path}`);
      }
    }
  }
  return out;
}

type JsonSchema = { $ref?: string; properties?: Record<string, JsonSchema>; required?: string[] };
type OpenApiDoc = {
  openapi: string;
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }> }>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

describe('GET /api/docs/json', () => {
  let doc: OpenApiDoc;
  beforeAll(async () => {
    const res = await t.request('GET', '/api/docs/json');
    expect(res.status).toBe(200);
    doc = res.body;
  });

  const resolve = (s: JsonSchema | undefined): JsonSchema | undefined =>
    s?.$ref ? resolve(doc.components?.schemas?.[s.$ref.replace('#/components/schemas/', '')]) : s;
  const isErrorEnvelope = (s: JsonSchema | undefined) => {
    const error = resolve(resolve(s)?.properties?.error);
    return !!error?.properties?.code && !!error.properties.message;
  };

  it('is an OpenAPI 3.1 document', () => {
    expect(doc.openapi).toBe('3.1.0');
  });

  it('lists every /api/v1 route with its method', () => {
    const api = registeredRoutes(t.app).filter((r) => r.split(' ')[1]!.startsWith('/api/v1/'));
    expect(api.length).toBeGreaterThan(20);
    const missing = api.filter((r) => {
      const [method, path] = r.split(' ') as [string, string];
      return !doc.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
    });
    expect(missing).toEqual([]);
  });

  it('documents the error envelope { error: { code, message } } for the 4xx responses of every operation', () => {
    const undocumented: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths).filter(([p]) => p.startsWith('/api/v1/'))) {
      for (const [method, op] of Object.entries(ops)) {
        const errorResponses = Object.entries(op.responses ?? {}).filter(([status]) => /^(4\d\d|4XX|default)$/i.test(status));
        if (!errorResponses.some(([, r]) => isErrorEnvelope(r.content?.['application/json']?.schema))) {
          undocumented.push(`${method.toUpperCase()} ${path}`);
        }
      }
    }
    expect(undocumented).toEqual([]);
  });
});

describe('GET /api/v1/health', () => {
  it('reports the database mode this suite runs on and the server version', async () => {
    const res = await t.request('GET', '/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.database.mode).toBe(TEST_DATABASE_URL ? 'postgres' : 'embedded');
    expect(res.body.database.serverVersion).toMatch(/^\d+(\.\d+)?/);
    expect(res.body.database.latencyMs).toBeGreaterThanOrEqual(0);
    // createTestApp builds the services with version 'test'.
    expect(res.body.version).toBe('test');
    const config = await t.request('GET', '/api/v1/config');
    expect(config.body).toMatchObject({ version: 'test', databaseMode: res.body.database.mode });
  });
});

describe('logging', () => {
  // createTestApp cannot take a log stream, so the app's own log lines cannot be captured here;
  // this checks the redaction configuration the app's logger is built from.
  it('redacts cookies, authorization headers, CSRF tokens and password fields', () => {
    expect(REDACT_PATHS).toEqual(
      expect.arrayContaining([
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        'password',
        '*.password',
        '*.currentPassword',
        '*.newPassword',
        'token',
        '*.token',
      ]),
    );
  });

  it('keeps secrets out of log lines written with the app logger options', () => {
    const lines: string[] = [];
    const log = pino(loggerOptions('info'), { write: (line: string) => void lines.push(line) });
    const reqLog = log.child({ reqId: 'req-1' });
    reqLog.info(
      {
        req: {
          method: 'POST',
          url: '/api/v1/auth/profile',
          headers: { cookie: 'tn_session=SECRET-cookie', authorization: 'Bearer tn_abcdefgh_SECRET-bearer', 'x-csrf-token': 'SECRET-csrf' },
        },
      },
      'incoming request',
    );
    reqLog.info({ res: { statusCode: 200, headers: { 'set-cookie': 'tn_session=SECRET-set-cookie; Path=/' } } }, 'request completed');
    reqLog.warn({ body: { email: 'someone@example.cn', password: 'SECRET-password' } }, 'login failed');
    reqLog.warn({ input: { currentPassword: 'SECRET-current', newPassword: 'SECRET-new' } }, 'password change refused');
    reqLog.info({ token: 'SECRET-token', created: { token: 'SECRET-token-2' } }, 'api token created');

    const out = lines.join('');
    expect(lines).toHaveLength(5);
    expect(out).not.toContain('SECRET');
    expect(out).toContain('[redacted]');
    // Redaction removes the secret, not the context around it.
    expect(out).toContain('someone@example.cn');
    expect(out).toContain('/api/v1/auth/profile');
  });
});
