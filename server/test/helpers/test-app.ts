import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '#server/app';
import type { DbHandle } from '#server/db/types';
import { fixedClock, systemClock, type Clock } from '#server/lib/clock';
import { createServices, type Services } from '#server/services';
import { createTestDb } from './test-db';

export const TEST_PASSWORD = 'Test2026!secret';

/** A signed-in browser: its session cookie and CSRF token. */
export type Agent = { email: string; cookie: string; csrf: string; userId: string };

export type RequestOptions = {
  as?: Agent | { bearer: string };
  body?: unknown;
  headers?: Record<string, string>;
  /** Leave out the CSRF header (to test the check). */
  noCsrf?: boolean;
};

export type TestResponse = { status: number; body: any; headers: LightMyRequestResponse['headers']; raw: LightMyRequestResponse };

export type TestApp = {
  app: FastifyInstance;
  handle: DbHandle;
  services: Services;
  clock: Clock;
  request(method: string, url: string, opts?: RequestOptions): Promise<TestResponse>;
  login(email: string, password?: string): Promise<Agent>;
  close(): Promise<void>;
};

/** The whole HTTP application over a fresh database, driven with `inject` (no port). */
export async function createTestApp(opts: { clock?: Clock; rateLimit?: boolean; bodyLimit?: number; handle?: DbHandle } = {}): Promise<TestApp> {
  const handle = opts.handle ?? (await createTestDb());
  const clock = opts.clock ?? systemClock;
  const services = createServices(handle, clock, {
    version: 'test',
    auth: { sessionTtlHours: 12, maxFailures: 5, lockoutMinutes: 15, secret: 'test-secret-test-secret-test-secret' },
  });
  const app = await buildApp({
    handle,
    services,
    logLevel: 'silent',
    bodyLimit: opts.bodyLimit ?? 1_048_576,
    rateLimit: opts.rateLimit ?? false,
    secureCookies: false,
    sessionTtlHours: 12,
  });
  await app.ready();

  async function request(method: string, url: string, o: RequestOptions = {}): Promise<TestResponse> {
    const headers: Record<string, string> = { ...o.headers };
    if (o.as && 'bearer' in o.as) {
      headers.authorization = `Bearer ${o.as.bearer}`;
    } else if (o.as) {
      headers.cookie = `tn_session=${o.as.cookie}`;
      if (!o.noCsrf && method !== 'GET') {
        headers['x-csrf-token'] = o.as.csrf;
      }
    }
    const raw = await app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(o.body !== undefined ? { payload: typeof o.body === 'string' ? o.body : JSON.stringify(o.body) } : {}),
      ...(o.body !== undefined && typeof o.body !== 'string' ? { headers: { ...headers, 'content-type': 'application/json' } } : {}),
    });
    let body: unknown;
    try {
      body = raw.body ? JSON.parse(raw.body) : undefined;
    } catch {
      body = raw.body;
    }
    return { status: raw.statusCode, body, headers: raw.headers, raw };
  }

  async function login(email: string, password = TEST_PASSWORD): Promise<Agent> {
    const res = await request('POST', '/api/v1/auth/login', { body: { email, password } });
    if (res.status !== 200) {
      throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    }
    const cookie = res.raw.cookies.find((c) => c.name === 'tn_session');
    return { email, cookie: cookie!.value, csrf: res.body.csrfToken, userId: res.body.user.id };
  }

  return {
    app,
    handle,
    services,
    clock,
    request,
    login,
    async close() {
      await app.close();
      await handle.close();
    },
  };
}

export { fixedClock };
