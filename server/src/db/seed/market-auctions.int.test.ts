import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixedClock, type Agent, type TestApp } from '#server/test-app';
import { seedDemo } from './demo';
import { seedMarketAuctions } from './market-auctions';

const clock = fixedClock('2026-11-25T02:00:00Z');
let t: TestApp;

async function demoLogin(local: string): Promise<Agent> {
  return t.login(`${local}@demo.transfernet.cn`, 'Demo2026!pass');
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  await seedDemo(t.handle, t.services, undefined, clock);
}, 600_000);
afterAll(() => t.close());

describe('seedMarketAuctions (called by seedDemo)', () => {
  it('creates a live auction with two qualified bidders and an upcoming one', async () => {
    const live = await t.request('GET', '/api/v1/auctions?phase=live');
    expect(live.body.items).toHaveLength(1);
    const id = live.body.items[0].id;
    const detail = await t.request('GET', `/api/v1/auctions/${id}`);
    expect(detail.body).toMatchObject({ phase: 'live', sellerOrgName: '京华理工大学', endsAt: new Date(clock.now().getTime() + 7 * 86_400_000).toISOString() });
    for (const local of ['enterprise', 'sy-enterprise']) {
      const me = await t.request('GET', `/api/v1/auctions/${id}/me`, { as: await demoLogin(local) });
      expect(me.body.state).toBe('bidding');
    }
    expect((await t.request('GET', '/api/v1/auctions?phase=upcoming')).body.items).toHaveLength(1);
  });

  it('is idempotent', async () => {
    expect((await seedMarketAuctions(t.handle, t.services, clock)).created).toBe(false);
  });
});
