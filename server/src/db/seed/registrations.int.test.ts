import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '#server/db/types';
import { systemActor } from '#server/modules/auth/index';
import { createTestApp, type TestApp } from '#server/test-app';
import { seedDemo } from './demo';
import { nationalSeries, seedNationalContracts } from './registrations';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.handle, t.services, undefined, t.clock);
}, 600_000);
afterAll(async () => {
  await t.close();
});

describe('national contract profile', () => {
  it('statistics return the published national 成交额 of every year exactly', async () => {
    const admin = systemActor('test');
    for (const { year, turnoverFen } of nationalSeries()) {
      const o = await t.services.statistics.overview(admin, { year, side: 'out' });
      expect(BigInt(o.total.amountFen), `${year}`).toBe(turnoverFen);
      // Inflow counts the same contracts by the buyer's region.
      const i = await t.services.statistics.overview(admin, { year, side: 'in' });
      expect(i.total.amountFen).toBe(o.total.amountFen);
    }
    const y2024 = await t.services.statistics.overview(admin, { year: 2024, side: 'out' });
    expect(y2024.total.amountFen).toBe('683540000000000'); // 68,354.0 亿元
    expect(y2024.total.amountGrowth).toBeCloseTo(11.2, 0);
  });

  it('Beijing leads the provinces, 技术服务 leads the types, and the aggregates equal a full recount', async () => {
    const admin = systemActor('test');
    const regions = await t.services.statistics.regionsOf(null, 2019, 'out');
    expect(regions.rows[0]?.code).toBe('110000');
    const types = await t.services.statistics.breakdownOf(null, 2019, 'type', 'out');
    expect(types.rows[0]?.code).toBe('SVC');
    const v = await t.services.statistics.verify(admin);
    expect(v.mismatches).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.cells).toBeGreaterThan(1000);
  });

  it('is loaded once', async () => {
    const [before] = rowsOf<{ n: number }>(await t.handle.db.execute(sql`select count(*)::int as n from tech_contracts`));
    expect(await seedNationalContracts(t.handle, t.services)).toEqual({ created: 0, years: 0 });
    const [after] = rowsOf<{ n: number }>(await t.handle.db.execute(sql`select count(*)::int as n from tech_contracts`));
    expect(after!.n).toBe(before!.n);
    expect(before!.n).toBeGreaterThan(5000);
  });
});
