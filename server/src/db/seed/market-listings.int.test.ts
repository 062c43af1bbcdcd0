import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixedClock, type TestApp } from '#server/test-app';
import { DEMO_PASSWORD } from './demo-data';
import { seedDemo } from './demo';
import { seedMarketListings } from './market-listings';

const clock = fixedClock('2026-11-25T02:00:00Z');
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ clock });
  await seedDemo(t.handle, t.services, undefined, clock);
}, 600_000);
afterAll(() => t.close());

describe('seedMarketListings (called by seedDemo)', () => {
  it('lists fixed and negotiable assignments and licences of jh-univ and sy-ent', async () => {
    const dir = await t.request('GET', '/api/v1/market/listings?pageSize=100');
    const items = dir.body.items as {
      sellerOrgName: string;
      mode: string;
      pricing: string;
      licenceKind: string | null;
      stateFunded: boolean;
    }[];
    const jh = items.filter((i) => i.sellerOrgName === '京华理工大学');
    const sy = items.filter((i) => i.sellerOrgName === '盛京重型机械集团有限公司');
    expect(
      jh
        .filter((i) => i.mode === 'license')
        .map((i) => i.licenceKind)
        .sort(),
    ).toEqual(['exclusive', 'ordinary']);
    expect(jh.some((i) => i.pricing === 'fixed') && jh.some((i) => i.pricing === 'negotiable')).toBe(true);
    expect(jh.every((i) => i.stateFunded)).toBe(true);
    expect(sy.length).toBe(2);
    expect(sy.every((i) => !i.stateFunded)).toBe(true);
  });

  it('has a thread with an open offer and a deal awaiting its notice; is idempotent', async () => {
    const again = await seedMarketListings(t.handle, t.services, clock);
    expect(again.created).toBe(0);
    const tto = await t.login('tto@demo.transfernet.cn', DEMO_PASSWORD);
    const deals = await t.request('GET', '/api/v1/market/deals?role=seller&status=awaiting_notice', { as: tto });
    expect(
      deals.body.items.some(
        (d: { buyer: { name: string }; pricingMethod: string }) =>
          d.buyer.name === '西湖创新投资管理有限公司' && d.pricingMethod === 'negotiated',
      ),
    ).toBe(true);
    const enterprise = await t.login('enterprise@demo.transfernet.cn', DEMO_PASSWORD);
    const mine = await t.request('GET', '/api/v1/market/listings?pageSize=100', { as: enterprise });
    const withThread = [];
    for (const l of mine.body.items.filter((i: { sellerOrgName: string }) => i.sellerOrgName === '京华理工大学')) {
      const th = await t.request('GET', `/api/v1/market/listings/${l.id}/thread`, { as: enterprise });
      if (th.body.offers?.some((o: { status: string }) => o.status === 'open')) {
        withThread.push(th.body);
      }
    }
    expect(withThread).toHaveLength(1);
    expect(withThread[0].messages).toHaveLength(2);
  });
});
