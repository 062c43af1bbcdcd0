import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '#server/config/env';
import { insertUser } from '#server/test-factories';
import { createTestApp, type TestApp } from '#server/test-app';
import { assertProductionReady } from './runtime';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const rt = (env: Record<string, string>) => ({ handle: t.handle, services: t.services, env: parseEnv(env) });

describe('assertProductionReady', () => {
  it('lets development start without a secret', async () => {
    await expect(assertProductionReady(rt({ NODE_ENV: 'development' }))).resolves.toBeUndefined();
  });
  it('refuses production without SESSION_SECRET', async () => {
    await expect(assertProductionReady(rt({ NODE_ENV: 'production' }))).rejects.toThrow(/SESSION_SECRET/);
  });
  it('refuses production while demo accounts exist, and starts once they are gone', async () => {
    const secret = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) };
    await expect(assertProductionReady(rt(secret))).resolves.toBeUndefined();
    await insertUser(t.handle.db, { email: 'demo-left@demo.transfernet.cn', isDemo: true });
    await expect(assertProductionReady(rt(secret))).rejects.toThrow(/demo account/);
  });
});

describe('parseEnv', () => {
  it('lists every invalid variable', () => {
    expect(() => parseEnv({ PORT: 'abc', DATABASE_URL: 'mysql://x', SESSION_SECRET: 'short' })).toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*SESSION_SECRET/);
  });
  it('reads RATE_LIMIT=off', () => {
    expect(parseEnv({ RATE_LIMIT: 'off' }).RATE_LIMIT).toBe(false);
    expect(parseEnv({}).RATE_LIMIT).toBe(true);
  });
});
