import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#server/test-app';
import { seedDemo } from './demo';
import { DEMO_PASSWORD } from './demo-data';
import { DEMO_TENDER_TITLE, seedMarketTenders } from './market-tenders';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.handle, t.services, undefined, t.clock);
}, 240_000);
afterAll(() => t.close());

describe('demo tender seed', () => {
  it('opens one tender of 鹏城智能 with one sealed proposal of 京华理工大学, idempotently', async () => {
    const list = await t.request('GET', '/api/v1/tenders?status=open');
    const row = list.body.items.find((r: { title: string }) => r.title === DEMO_TENDER_TITLE);
    expect(row).toMatchObject({ buyerName: '深圳鹏城智能装备股份有限公司', status: 'open', proposalCount: 1, budgetMaxFen: 150_000_000 });
    expect(new Date(row.deadline).getTime()).toBeGreaterThan(Date.now() + 4 * 86_400_000);

    const tto = await t.login('tto@demo.transfernet.cn', DEMO_PASSWORD);
    const mine = await t.request('GET', `/api/v1/tenders/${row.id}/proposals/mine`, { as: tto });
    expect(mine.body.proposal).toMatchObject({ bidderName: '京华理工大学', status: 'sealed', transferMode: 'license' });
    const buyer = await t.login('enterprise@demo.transfernet.cn', DEMO_PASSWORD);
    expect((await t.request('GET', `/api/v1/tenders/${row.id}/proposals`, { as: buyer })).body.items).toEqual([]);

    const again = await seedMarketTenders(t.handle, t.services, t.clock);
    expect(again).toEqual({ created: false, tenderId: row.id });
  });
});
