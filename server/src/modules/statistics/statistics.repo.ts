import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbConn } from '#server/db/types';
import type { CellDelta } from './stat-cells';

/** Summed values as they leave SQL (bigint sums as text: a national multi-year sum passes 2^53). */
export type SumRow = { key: string; n: number; amount: string; tech: string };

/**
 * SQL expressions of the dimensions over a `tech_contracts` row — the same values as
 * `dimensionValues()` in stat-cells.ts (the recount and the per-county fallback use them).
 */
export const DIMENSION_SQL: Record<string, string> = {
  total: `''`,
  type: `left(coalesce(recognised_subtype, subtype), 3)`,
  subtype: `coalesce(recognised_subtype, subtype)`,
  domain: `technology_domain`,
  seller_type: `case when seller->>'type' = 'enterprise' then 'enterprise.' || coalesce(seller->>'enterpriseOwnership', 'domestic') else seller->>'type' end`,
  buyer_type: `case when buyer->>'type' = 'enterprise' then 'enterprise.' || coalesce(buyer->>'enterpriseOwnership', 'domestic') else buyer->>'type' end`,
  ip_type: `coalesce(ip_types->>0, 'none')`,
  plan: `plan_category`,
  objective: `socio_economic_objective`,
  industry: `industry_section`,
  cross_border: `cross_border`,
};
const COUNTED = `status in ('registered', 'change_requested') and registered_on is not null`;

/**
 * The full recount: every cell recomputed from the registered contracts with plain GROUP BY —
 * what `cellDeltas()` maintains incrementally (statistics.tables.ts describes the cells).
 */
export function recountSql(): string {
  const dims = Object.entries(DIMENSION_SQL);
  return `
with c as (
  select registered_on as d, contract_amount_fen as amt, coalesce(recognised_tech_amount_fen, tech_amount_fen) as tech,
    coalesce(seller_region_code, '000000') as sr, coalesce(buyer_region_code, '000000') as br, cross_border as cb,
    case when seller->>'countryCode' <> 'CN' then seller->>'countryCode' else buyer->>'countryCode' end as fc,
    ${dims.map(([k, e]) => `${e} as "x_${k}"`).join(',\n    ')}
  from tech_contracts where ${COUNTED}
), s as (
  select 'out' as side, sr as own, br as other, c.* from c
  union all
  select 'in' as side, br as own, sr as other, c.* from c
), d as (
  select s.side, s.own, s.d, s.amt, s.tech, v.dimension, v.value
  from s cross join lateral (values
    ${dims.map(([k]) => `('${k}', s."x_${k}")`).join(',\n    ')},
    ('flow', left(s.other, 2) || '0000'),
    ('country', case when s.cb <> 'domestic' then s.fc end)
  ) as v(dimension, value)
  where v.value is not null
), l as (
  select dimension, side, left(own, 2) || '0000' as region, (extract(year from d) * 100 + extract(month from d))::int as period, value, amt, tech from d
  union all
  select dimension, side, left(own, 4) || '00', extract(year from d)::int, value, amt, tech from d
    where substr(own, 3, 2) <> '00' and dimension not in ('flow', 'country')
  union all
  select dimension, side, own, extract(year from d)::int, value, amt, tech from d
    where substr(own, 5, 2) <> '00' and dimension in ('total', 'type')
)
select dimension, side, region, period, value, count(*)::bigint as n, sum(amt)::bigint as amount_fen, sum(tech)::bigint as tech_amount_fen
from l group by dimension, side, region, period, value`;
}

export type CellFilter = {
  dimension: string;
  side: 'out' | 'in';
  periodFrom: number;
  periodTo: number;
  /** Exact region, or a LIKE pattern (`44__00`), or every region. */
  region?: { eq: string } | { like: string; not?: string };
  groupBy: 'value' | 'region' | 'period' | 'region_value';
};

export function createStatisticsRepo() {
  return {
    /**
     * Adds merged deltas to their cells, in key order: one statement per 10,000 cells, the values
     * passed as eight arrays and unnested (one parse and plan per chunk instead of a VALUES row each).
     */
    async applyDeltas(conn: DbConn, deltas: readonly CellDelta[]): Promise<void> {
      for (let i = 0; i < deltas.length; i += 10_000) {
        const chunk = deltas.slice(i, i + 10_000);
        await conn.execute(sql`
          insert into contract_stat_cells as c (region, period, side, dimension, value, n, amount_fen, tech_amount_fen)
          select * from unnest(
            ${sql.param(chunk.map((d) => d.region))}::text[], ${sql.param(chunk.map((d) => d.period))}::int[],
            ${sql.param(chunk.map((d) => d.side))}::text[], ${sql.param(chunk.map((d) => d.dimension))}::text[],
            ${sql.param(chunk.map((d) => d.value))}::text[], ${sql.param(chunk.map((d) => d.n))}::bigint[],
            ${sql.param(chunk.map((d) => d.amountFen.toString()))}::bigint[], ${sql.param(chunk.map((d) => d.techAmountFen.toString()))}::bigint[])
          on conflict (dimension, side, region, period, value) do update
            set n = c.n + excluded.n, amount_fen = c.amount_fen + excluded.amount_fen, tech_amount_fen = c.tech_amount_fen + excluded.tech_amount_fen`);
      }
    },

    /** Replaces every cell by the full recount (after bulk loads; `statistics rebuild`). */
    async rebuild(conn: DbConn): Promise<number> {
      await conn.execute(sql`delete from contract_stat_cells`);
      await conn.execute(sql.raw(`insert into contract_stat_cells (dimension, side, region, period, value, n, amount_fen, tech_amount_fen) ${recountSql()}`));
      const [row] = rowsOf<{ n: number }>(await conn.execute(sql`select count(*)::int as n from contract_stat_cells`));
      return row?.n ?? 0;
    },

    /** Stored cells against the recount: counts and the first mismatches (zero cells are ignored). */
    async verify(conn: DbConn, limit = 20) {
      const cte = sql.raw(`with r as (${recountSql()}), s as (select * from contract_stat_cells where n <> 0 or amount_fen <> 0 or tech_amount_fen <> 0)`);
      const [counts] = rowsOf<{ cells: number; recounted: number }>(
        await conn.execute(sql`${cte} select (select count(*)::int from s) as cells, (select count(*)::int from r) as recounted`),
      );
      const mismatches = rowsOf<{ key: string; sn: number | null; sa: string | null; st: string | null; rn: number | null; ra: string | null; rt: string | null }>(
        await conn.execute(sql`${cte}
          select concat_ws('|', coalesce(s.dimension, r.dimension), coalesce(s.side, r.side), coalesce(s.region, r.region), coalesce(s.period, r.period), coalesce(s.value, r.value)) as key,
                 s.n::int as sn, s.amount_fen::text as sa, s.tech_amount_fen::text as st, r.n::int as rn, r.amount_fen::text as ra, r.tech_amount_fen::text as rt
          from s full outer join r on s.dimension = r.dimension and s.side = r.side and s.region = r.region and s.period = r.period and s.value = r.value
          where s.n is distinct from r.n or s.amount_fen is distinct from r.amount_fen or s.tech_amount_fen is distinct from r.tech_amount_fen
          order by 1 limit ${limit}`),
      );
      return { cells: counts?.cells ?? 0, recounted: counts?.recounted ?? 0, mismatches };
    },

    /** Sums of cells matching a filter, grouped as asked. */
    async sum(conn: DbConn, f: CellFilter): Promise<SumRow[]> {
      const key: SQL =
        f.groupBy === 'value'
          ? sql`value`
          : f.groupBy === 'region'
            ? sql`region`
            : f.groupBy === 'period'
              ? sql`period::text`
              : sql`region || '|' || value`;
      const region: SQL = !f.region
        ? sql``
        : 'eq' in f.region
          ? sql` and region = ${f.region.eq}`
          : sql` and region like ${f.region.like}${f.region.not ? sql` and region <> ${f.region.not}` : sql``}`;
      return rowsOf<SumRow>(
        await conn.execute(sql`
          select ${key} as key, sum(n)::int as n, sum(amount_fen)::text as amount, sum(tech_amount_fen)::text as tech
          from contract_stat_cells
          where dimension = ${f.dimension} and side = ${f.side} and period between ${f.periodFrom} and ${f.periodTo}${region}
          group by 1 having sum(n) <> 0 or sum(amount_fen) <> 0`),
      );
    },

    /**
     * The same sums read from the contracts themselves (plain GROUP BY): the fallback for breakdowns
     * of one county and for monthly figures below province level, and the benchmark's baseline.
     */
    async sumRaw(conn: DbConn, f: { dimension: string; side: 'out' | 'in'; from: string; to: string; regionPrefix: string | null; groupBy: 'value' | 'month' | 'year' }): Promise<SumRow[]> {
      const expr = DIMENSION_SQL[f.dimension];
      if (!expr) {
        throw new Error(`unknown dimension ${f.dimension}`);
      }
      const regionCol = f.side === 'out' ? 'seller_region_code' : 'buyer_region_code';
      const key = f.groupBy === 'value' ? expr : f.groupBy === 'month' ? `to_char(registered_on, 'YYYYMM')` : `to_char(registered_on, 'YYYY')`;
      const region = f.regionPrefix ? sql` and ${sql.raw(regionCol)} like ${`${f.regionPrefix}%`}` : sql``;
      return rowsOf<SumRow>(
        await conn.execute(sql`
          select ${sql.raw(key)} as key, count(*)::int as n, sum(contract_amount_fen)::text as amount, sum(coalesce(recognised_tech_amount_fen, tech_amount_fen))::text as tech
          from tech_contracts
          where ${sql.raw(COUNTED)} and registered_on between ${f.from} and ${f.to}${region}
          group by 1`),
      );
    },

    /** Counties with at least one contract (either side) in a year under a prefix. */
    async countiesWithContracts(conn: DbConn, year: number, prefix: string): Promise<number> {
      const [row] = rowsOf<{ n: number }>(
        await conn.execute(sql`
          select count(distinct region)::int as n from contract_stat_cells
          where dimension = 'total' and period = ${year} and substr(region, 5, 2) <> '00' and region like ${`${prefix}%`} and n > 0`),
      );
      return row?.n ?? 0;
    },

    async countiesIn(conn: DbConn, prefix: string): Promise<number> {
      const [row] = rowsOf<{ n: number }>(await conn.execute(sql`select count(*)::int as n from regions where level = 'county' and code like ${`${prefix}%`}`));
      return row?.n ?? 0;
    },

    /** Years with registered contracts. */
    async years(conn: DbConn): Promise<number[]> {
      return rowsOf<{ y: number }>(
        await conn.execute(sql`select distinct (period / 100)::int as y from contract_stat_cells where dimension = 'total' and side = 'out' and period > 100000 and n > 0 order by 1`),
      ).map((r) => r.y);
    },
  };
}
export type StatisticsRepo = ReturnType<typeof createStatisticsRepo>;
