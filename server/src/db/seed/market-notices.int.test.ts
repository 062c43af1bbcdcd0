import { count, eq } from 'drizzle-orm';
import { auditEvents } from '#server/modules/audit/audit.tables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDealsRepo } from '#server/modules/market/index';
import { syncHolidayCalendar } from '#server/modules/notices/index';
import { publicNotices } from '#server/modules/notices/notices.tables';
import { createTestApp, fixedClock, type TestApp } from '#server/test-app';
import { seedDemo } from './demo';
import { seedMarketNotices } from './market-notices';

// Wednesday 2026-11-25, 10:00 in Beijing.
const clock = fixedClock('2026-11-25T02:00:00Z');
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ clock });
  await syncHolidayCalendar(t.handle.db);
  await seedDemo(t.handle, t.services, undefined, clock);
}, 600_000);
afterAll(() => t.close());

describe('seedMarketNotices (called by seedDemo)', () => {
  it('publishes one open notice with days left and one cleared notice whose deal is concluded', async () => {
    const board = await t.request('GET', '/api/v1/notices?pageSize=100');
    const open = board.body.items.find((i: { status: string; sellerName: string }) => i.status === 'open' && i.sellerName === '京华理工大学');
    expect(open).toMatchObject({ buyerName: '深圳鹏城智能装备股份有限公司', pricingMethod: 'negotiated', workingDays: 15, startsOn: '2026-11-25' });
    expect(open.endsOn > '2026-12-01').toBe(true);
    const cleared = board.body.items.find((i: { status: string; sellerName: string }) => i.status === 'cleared' && i.sellerName === '京华理工大学');
    expect(cleared).toBeDefined();
    expect(cleared.endsOn < '2026-11-25').toBe(true);
    const [row] = await t.handle.db.select().from(publicNotices).where(eq(publicNotices.id, cleared.id));
    const deal = await createDealsRepo().findById(t.handle.db, row!.dealId);
    expect(deal).toMatchObject({ status: 'concluded', chainId: cleared.chainId });
    expect(deal?.contractDraft).toMatchObject({ chainId: cleared.chainId });
  });

  it('is idempotent: a second run writes nothing', async () => {
    const [before] = await t.handle.db.select({ n: count() }).from(auditEvents);
    const again = await seedMarketNotices(t.handle, t.services, clock);
    expect(again.created).toBe(0);
    expect(again.openNoticeId).not.toBeNull();
    const [after] = await t.handle.db.select({ n: count() }).from(auditEvents);
    expect(after!.n).toBe(before!.n);
  });
});
