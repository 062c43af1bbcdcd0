import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '#server/db/types';
import { generateNationalContracts, loadLevelRegionCodes, mulberry32 } from '#server/db/seed/national-contracts';
import { nationalSeries, toBulkRegistration } from '#server/db/seed/registrations';
import { insertOrganisation, insertUser } from '#server/test-factories';
import { createTestApp, type Agent, type TestApp } from '#server/test-app';

let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  await insertUser(t.handle.db, { email: 'admin@recount.test', roles: [{ role: 'platform_admin' }] });
  admin = await t.login('admin@recount.test');
});
afterAll(async () => {
  await t.close();
});

describe('aggregates always equal a full recount', () => {
  it('after bulk registration and a random run of amendments, partial amounts and cancellations', async () => {
    const org = await insertOrganisation(t.handle.db, { name: '历史登记（重算测试）', type: 'government', regionCode: '110000' });
    const names = new Map(rowsOf<{ code: string; name: string }>(await t.handle.db.execute(sql`select code, name from regions`)).map((r) => [r.code, r.name]));
    const series = nationalSeries().filter((s) => s.year >= 2019);
    const gen = generateNationalContracts(series, { scale: 1 / 40_000, seed: 7, regionCodes: await loadLevelRegionCodes(), minPerYear: 60 });
    const items = [...gen].map((g, i) => toBulkRegistration(g, i + 1, org.id, names));
    const adminActor = { ...(await import('#server/modules/auth/index')).systemActor('recount'), userId: admin.userId };
    await t.services.registrations.registerBulk(adminActor, items);
    expect((await t.services.statistics.verifyAll()).ok).toBe(true);

    const ids = rowsOf<{ id: string }>(await t.handle.db.execute(sql`select id from tech_contracts order by registration_no`)).map((r) => r.id);
    const rng = mulberry32(42);
    const provinces = ['110108', '310104', '440305', '510107', '610113', '000000'];
    for (let i = 0; i < 40; i++) {
      const id = ids[Math.floor(rng() * ids.length)]!;
      const cur = await t.request('GET', `/api/v1/registrations/${id}`, { as: admin });
      if (cur.body.status !== 'registered') {
        continue;
      }
      const roll = rng();
      let res;
      if (roll < 0.3) {
        res = await t.request('POST', `/api/v1/registrations/${id}/change-request`, { as: admin, body: { kind: 'cancel', reason: '重算测试撤销' } });
      } else {
        const amount = 1_000_00 + Math.floor(rng() * 5_000_000_00);
        const region = provinces[Math.floor(rng() * provinces.length)]!;
        const buyer = region === '000000' ? { ...cur.body.buyer, countryCode: 'US', regionCode: undefined, creditCode: undefined } : { ...cur.body.buyer, countryCode: 'CN', regionCode: region };
        const changes: Record<string, unknown> = {
          contractAmountFen: amount,
          nonTechnicalCosts: [],
          techAmountFen: amount,
          technologyDomain: ['TD01', 'TD05', 'TD09'][Math.floor(rng() * 3)],
          buyer: Object.fromEntries(Object.entries({ name: buyer.name, type: buyer.type, enterpriseOwnership: buyer.enterpriseOwnership ?? undefined, creditCode: buyer.creditCode ?? undefined, countryCode: buyer.countryCode, regionCode: buyer.regionCode ?? undefined }).filter(([, v]) => v !== undefined && v !== null)),
        };
        if (region !== '000000' && buyer.type !== 'individual' && !buyer.creditCode) {
          continue;
        }
        res = await t.request('POST', `/api/v1/registrations/${id}/change-request`, { as: admin, body: { kind: 'amend', reason: '重算测试变更', changes } });
      }
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const v = await t.services.statistics.verifyAll();
    expect(v.mismatches).toEqual([]);
    expect(v.ok).toBe(true);
    // And the same from scratch: a rebuild reproduces the cells exactly.
    const before = rowsOf<{ k: string }>(await t.handle.db.execute(sql`select md5(string_agg(concat_ws('|', dimension, side, region, period, value, n, amount_fen, tech_amount_fen), ',' order by dimension, side, region, period, value)) as k from contract_stat_cells where n <> 0 or amount_fen <> 0 or tech_amount_fen <> 0`));
    await t.services.statistics.rebuild();
    const after = rowsOf<{ k: string }>(await t.handle.db.execute(sql`select md5(string_agg(concat_ws('|', dimension, side, region, period, value, n, amount_fen, tech_amount_fen), ',' order by dimension, side, region, period, value)) as k from contract_stat_cells`));
    expect(after[0]!.k).toBe(before[0]!.k);
  });
});
