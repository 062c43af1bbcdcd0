/**
 * Technology-contract registration and statistics at scale (issue 5), through the real services:
 *
 * 1. N generated national contracts (the seed's `generateNationalContracts`, scale chosen so the
 *    total is ≈ N) registered through `registrations.registerBulk` in batches — the bulk path that
 *    checks every contract, numbers it at its point and adds it to the statistics cells in the same
 *    transaction; then the single-application path (`create` → `submit` → `decide`) with a few
 *    concurrent workers (an applicant organisation's owner and a registrar of its province).
 * 2. Amendments and cancellations of registered contracts by a registrar acting directly
 *    (`requestChange`).
 * 3. The annual report (`statistics.annualReportOf`) national and for one province, median of 5
 *    runs after a warm-up, against the same tables computed by plain GROUP BY over `tech_contracts`;
 *    the two are compared figure by figure.
 * 4. Dashboard queries (overview, breakdown, trend, regions, flows) through the service's `*Of`
 *    methods with random arguments, p50/p95/p99, against the same questions by plain GROUP BY.
 * 5. `statistics.verifyAll()`: every stored cell against a full recount (mismatches must be 0).
 *
 *   npx tsx bench/contract-stats.ts --db pg         # fresh database on TEST_DATABASE_URL (default
 *                                                   # postgres://postgres@127.0.0.1:5432/postgres)
 *   npx tsx bench/contract-stats.ts --db embedded   # fresh PGlite data directory (worker thread, as `serve`)
 *
 * Options: --n 1000000 (pg; embedded 200000) --batch 2000 --single 300 --workers 4 --changes 300
 *   --calls 200 (service calls per dashboard query) --raw-calls 50 (GROUP BY calls per query)
 *   --runs 5 (annual report runs after the warm-up) --province 440000 --keep
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { STAT_DIMENSIONS, type StatDimension, type StatSide } from '#shared/contracts/statistics.contract';
import type { CreateRegistration, Party } from '#shared/contracts/registrations.contract';
import { chinaToday } from '#shared/format/china-time';
import { loadEnv } from '#server/config/env';
import { rowsOf, type Db } from '#server/db/types';
import { demoCreditCode } from '#server/db/seed/demo';
import { demoActor } from '#server/db/seed/demo-actor';
import { DEMO_DOMAIN } from '#server/db/seed/demo-data';
import { estimatedContractCounts, generateNationalContracts, loadLevelRegionCodes } from '#server/db/seed/national-contracts';
import { nationalSeries, toBulkRegistration } from '#server/db/seed/registrations';
import { roleAssignments, users } from '#server/modules/auth/auth.tables';
import type { UserActor } from '#server/modules/auth/index';
import { memberships, organisations } from '#server/modules/organisations/organisations.tables';
import type { BulkRegistration } from '#server/modules/registrations/index';
import { createStatisticsRepo } from '#server/modules/statistics/index';
import type { SumRow } from '#server/modules/statistics/statistics.repo';
import { openRuntime, type Runtime } from '#server/runtime';
import { adminQuery } from '../server/test/helpers/serve-process';
import { withDatabase } from '../server/test/helpers/test-env';

// ---- options ---------------------------------------------------------------------------------------
const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : dflt;
};
const DB = opt('--db', 'pg') as 'pg' | 'embedded';
const N = Number(opt('--n', DB === 'pg' ? '1000000' : '200000'));
const BATCH = Number(opt('--batch', '2000'));
const SINGLE = Number(opt('--single', '300'));
const WORKERS = Number(opt('--workers', '4'));
const CHANGES = Number(opt('--changes', '300'));
const CALLS = Number(opt('--calls', '200'));
const RAW_CALLS = Number(opt('--raw-calls', '50'));
const RUNS = Number(opt('--runs', '5'));
const PROVINCE = opt('--province', '440000');
const KEEP = args.includes('--keep');
const PG_SERVER = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

const log = (msg: string) => process.stdout.write(`${msg}\n`);
const load = () => loadavg()[0]!.toFixed(2);
const mb = () => Math.round(process.memoryUsage().rss / 1048576);
const n0 = (x: number) => Math.round(x).toLocaleString('en');
const pct = (xs: readonly number[], p: number) => {
  if (xs.length === 0) {
    return NaN;
  }
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (x: number) => (Number.isNaN(x) ? '–' : x < 10 ? x.toFixed(2) : x.toFixed(1));
const lat = (xs: readonly number[]) => `${ms(pct(xs, 50))} / ${ms(pct(xs, 95))} / ${ms(pct(xs, 99))}`;

// Deterministic choices (the same arguments in every run).
let seed = 20261125;
const rand = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

// ---- plain GROUP BY over the contracts (the baseline) ----------------------------------------------
const COUNTED = sql.raw(`status in ('registered', 'change_requested') and registered_on is not null`);
type Scope = string | null;
/** Region-code prefix of a scope: 44 for a province, 4403 for a city, the code for a county. */
const prefixOf = (scope: string) => (scope.slice(2) === '0000' ? scope.slice(0, 2) : scope.slice(4) === '00' ? scope.slice(0, 4) : scope);
const levelOf = (scope: Scope) => (scope === null ? 'nation' : scope.slice(2) === '0000' ? 'province' : scope.slice(4) === '00' ? 'city' : 'county');

function createBaseline(db: Db) {
  const repo = createStatisticsRepo();
  const yearRange = (y: number) => ({ from: `${y}-01-01`, to: `${y}-12-31` });
  const raw = async (q: ReturnType<typeof sql>) => rowsOf<SumRow>(await db.execute(q));
  const sums = sql.raw(`count(*)::int as n, sum(contract_amount_fen)::text as amount, sum(coalesce(recognised_tech_amount_fen, tech_amount_fen))::text as tech`);

  const api = {
    dimension: (scope: Scope, side: StatSide, year: number, dimension: string) =>
      repo.sumRaw(db, { dimension, side, ...yearRange(year), regionPrefix: scope === null ? null : prefixOf(scope), groupBy: 'value' }),
    /** The regions one level below the scope (provinces with 境外 000000; a province's cities; a city's counties). */
    async regions(scope: Scope, side: StatSide, year: number): Promise<SumRow[]> {
      const col = sql.raw(side === 'out' ? 'seller_region_code' : 'buyer_region_code');
      const level = levelOf(scope);
      if (level === 'county') {
        return [];
      }
      const { from, to } = yearRange(year);
      if (scope === null) {
        return raw(sql`select coalesce(left(${col}, 2) || '0000', '000000') as key, ${sums} from tech_contracts where ${COUNTED} and registered_on between ${from} and ${to} group by 1`);
      }
      const key = level === 'province' ? sql`left(${col}, 4) || '00'` : col;
      return raw(sql`select ${key} as key, ${sums} from tech_contracts
        where ${COUNTED} and registered_on between ${from} and ${to} and ${col} like ${`${prefixOf(scope)}%`} and ${key} <> ${scope} group by 1`);
    },
    /** Province → province flow matrix (境外 000000), optionally of one seller province. */
    async flows(scope: Scope, year: number): Promise<SumRow[]> {
      const { from, to } = yearRange(year);
      const where = scope === null ? sql`` : sql` and seller_region_code like ${`${scope.slice(0, 2)}%`}`;
      return raw(sql`select coalesce(left(seller_region_code, 2) || '0000', '000000') || '|' || coalesce(left(buyer_region_code, 2) || '0000', '000000') as key, ${sums}
        from tech_contracts where ${COUNTED} and registered_on between ${from} and ${to}${where} group by 1`);
    },
    trend: (scope: Scope, side: StatSide, from: number, to: number, groupBy: 'year' | 'month') =>
      repo.sumRaw(db, { dimension: 'total', side, from: `${from - 1}-01-01`, to: `${to}-12-31`, regionPrefix: scope === null ? null : prefixOf(scope), groupBy }),
    async coverage(scope: Scope, year: number) {
      const { from, to } = yearRange(year);
      const like = `${scope === null ? '' : prefixOf(scope)}%`;
      const [r] = rowsOf<{ n: number }>(
        await db.execute(sql`select count(distinct c)::int as n from (
          select seller_region_code as c from tech_contracts where ${COUNTED} and registered_on between ${from} and ${to} and seller_region_code like ${like}
          union all
          select buyer_region_code from tech_contracts where ${COUNTED} and registered_on between ${from} and ${to} and buyer_region_code like ${like}) x
          where substr(c, 5, 2) <> '00'`),
      );
      const [k] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from regions where level = 'county' and code like ${like}`));
      return { countiesWithContracts: r?.n ?? 0, counties: k?.n ?? 0 };
    },
    async years() {
      return rowsOf<{ y: number }>(await db.execute(sql`select distinct extract(year from registered_on)::int as y from tech_contracts where ${COUNTED} order by 1`)).map((r) => r.y);
    },
    async overview(scope: Scope, side: StatSide, year: number) {
      return { cur: await api.dimension(scope, side, year, 'total'), prev: await api.dimension(scope, side, year - 1, 'total'), coverage: await api.coverage(scope, year), years: await api.years() };
    },
    async breakdown(scope: Scope, side: StatSide, year: number, dimension: string) {
      return { cur: await api.dimension(scope, side, year, dimension), prev: await api.dimension(scope, side, year - 1, dimension) };
    },
    /** Every table the service's annual report has, the same way (current and previous year where it shows growth). */
    async annualReport(scope: Scope, year: number) {
      const tables: Record<string, SumRow[]> = {};
      for (const dimension of STAT_DIMENSIONS) {
        tables[dimension] = (await api.breakdown(scope, 'out', year, dimension)).cur;
      }
      const totals = { out: await api.breakdown(scope, 'out', year, 'total'), in: await api.breakdown(scope, 'in', year, 'total') };
      const regionsOut = [await api.regions(scope, 'out', year), await api.regions(scope, 'out', year - 1)] as const;
      const regionsIn = [await api.regions(scope, 'in', year), await api.regions(scope, 'in', year - 1)] as const;
      const flows = await api.flows(scope, year);
      const months = await api.trend(scope, 'out', year, year, 'month');
      const coverage = await api.coverage(scope, year);
      return { tables, totals, regionsOut: regionsOut[0], regionsIn: regionsIn[0], flows, months, coverage };
    },
  };
  return api;
}

/** Figures that differ between the service's rows and the GROUP BY rows (by code: count and 成交额). */
function differences(service: readonly { code: string; count: number; amountFen: string }[], raw: readonly SumRow[]): number {
  const a = new Map(service.filter((r) => r.count !== 0).map((r) => [r.code, `${r.count}|${r.amountFen}`]));
  const b = new Map(raw.filter((r) => r.n !== 0).map((r) => [r.key, `${r.n}|${r.amount}`]));
  let d = 0;
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    if (a.get(k) !== b.get(k)) {
      d++;
    }
  }
  return d;
}

// ---- fixtures --------------------------------------------------------------------------------------
type Fixture = { admin: UserActor; owner: UserActor; registrar: UserActor; sellerOrg: { id: string; name: string }; buyerOrg: { id: string; name: string }; recordsOrgId: string };

async function insertFixture(rt: Runtime): Promise<Fixture> {
  const { db } = rt.handle;
  const [records] = await db
    .insert(organisations)
    .values({ name: '全国技术合同登记历史数据（基准测试）', type: 'government', regionCode: '110000', status: 'verified', description: 'bench/contract-stats.ts' })
    .returning({ id: organisations.id });
  const [seller] = await db
    .insert(organisations)
    .values({ name: '中关村智造科技有限公司（基准测试）', type: 'enterprise', enterpriseOwnership: 'domestic', creditCode: demoCreditCode('91', '110108', 'bench-seller'), regionCode: '110108', status: 'verified' })
    .returning({ id: organisations.id, name: organisations.name });
  const [buyer] = await db
    .insert(organisations)
    .values({ name: '鹏城新材料有限公司（基准测试）', type: 'enterprise', enterpriseOwnership: 'domestic', creditCode: demoCreditCode('91', '440305', 'bench-buyer'), regionCode: '440305', status: 'verified' })
    .returning({ id: organisations.id, name: organisations.name });
  const person = async (local: string, regionCode: string) => {
    const [u] = await db
      .insert(users)
      .values({ email: `${local}@${DEMO_DOMAIN}`, passwordHash: 'bench-no-login', displayName: local, regionCode })
      .returning({ id: users.id });
    return u!.id;
  };
  const adminId = await person('bench-admin', '110000');
  await db.insert(roleAssignments).values({ userId: adminId, role: 'platform_admin' });
  const ownerId = await person('bench-owner', '110108');
  await db.insert(memberships).values({ organisationId: seller!.id, userId: ownerId, role: 'owner' });
  const registrarId = await person('bench-registrar', '110000');
  await db.insert(roleAssignments).values({ userId: registrarId, role: 'registrar', regionCode: '110000' });
  const actor = async (local: string) => {
    const a = await demoActor(rt.handle, local);
    if (!a) {
      throw new Error(`actor ${local} missing`);
    }
    return a;
  };
  return {
    admin: await actor('bench-admin'),
    owner: await actor('bench-owner'),
    registrar: await actor('bench-registrar'),
    sellerOrg: seller!,
    buyerOrg: buyer!,
    recordsOrgId: records!.id,
  };
}

/** An application of the seller organisation (海淀) to the buyer (深圳南山), valid under the shipped rules. */
function application(f: Fixture, i: number, today: string): CreateRegistration {
  const day = (offset: number) => {
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + offset);
    return d.toISOString().slice(0, 10);
  };
  // 1万–500万 yuan: below the 海淀 point's 1000万 ceiling, so the 北京 registrar's region covers the point.
  const contract = Math.round(10 ** (6 + rand() * 2.7)) * 100;
  const costs = Math.round(contract * rand() * 0.3);
  const kind = i % 3;
  const common = {
    externalId: `BENCH-SINGLE-${i}`,
    seller: { organisationId: f.sellerOrg.id, name: f.sellerOrg.name, type: 'enterprise' } as Party,
    buyer: { organisationId: f.buyerOrg.id, name: f.buyerOrg.name, type: 'enterprise' } as Party,
    technologyDomain: pick(['TD01', 'TD02', 'TD03', 'TD05', 'TD07'] as const),
    industryCode: pick(['30', '35', '39', '65']),
    planCategory: 'none' as const,
    socioEconomicObjective: 'SE06' as const,
    signedOn: day(-5),
    validFrom: day(-5),
    validTo: day(5 * 365),
    paymentMethod: 'instalments' as const,
    paymentSchedule: [
      { dueOn: day(30), amountFen: contract - Math.floor(contract / 2) },
      { dueOn: day(210), amountFen: Math.floor(contract / 2) },
    ],
    contractAmountFen: contract,
    nonTechnicalCosts: costs > 0 ? [{ item: '试验设备', amountFen: costs }] : [],
    techAmountFen: contract - costs,
    ipNumbers: [] as string[],
  };
  if (kind === 0) {
    return {
      ...common,
      projectName: `高效固废基胶凝材料制备技术专利权转让（基准 ${i}）`,
      subtype: 'TRF-PAT',
      summary: '转让发明专利一项及其配套工艺文件，受让方据此建设年产十万吨生产线。',
      ipTypes: ['patent_invention'],
      ipNumbers: [`ZL2023${String(10_000_000 + i)}.7`],
      expectedInvestmentFen: contract * 10,
      expectedOutputFen: contract * 40,
    };
  }
  if (kind === 1) {
    return { ...common, projectName: `生产线能耗诊断技术服务（基准 ${i}）`, subtype: 'SVC', summary: '对受托方三条生产线开展能耗诊断并提出节能改造方案，交付诊断报告。', ipTypes: [] };
  }
  return { ...common, projectName: `新材料产业化可行性技术咨询（基准 ${i}）`, subtype: 'CON', summary: '就新材料中试线建设开展可行性论证，提交技术咨询报告一份及专家论证意见。', ipTypes: [] };
}

// ---- main ------------------------------------------------------------------------------------------
async function main() {
  const work = mkdtempSync(join(tmpdir(), 'tn-bench-contracts-'));
  let dbName: string | undefined;
  let databaseUrl = '';
  if (DB === 'pg') {
    dbName = `tn_bench_contracts_${Date.now()}`;
    await adminQuery(PG_SERVER, `create database ${dbName}`);
    databaseUrl = withDatabase(PG_SERVER, dbName);
  }
  log(`contract-stats bench: --db ${DB}, N ≈ ${n0(N)}, batch ${BATCH}; ${SINGLE} single applications × ${WORKERS} workers; ${CHANGES} changes; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const rt = await openRuntime(loadEnv({ DATA_DIR: join(work, 'data'), DATABASE_URL: databaseUrl, PGLITE_WORKER: 'true' }), log);
  const { db } = rt.handle;
  const { registrations, statistics } = rt.services;
  const table: string[][] = [];
  const row = (...cells: string[]) => {
    table.push(cells);
    log(`  → ${cells.join(' | ')}`);
  };
  try {
    const f = await insertFixture(rt);

    // ---- 1. bulk registration ------------------------------------------------------------------
    const series = nationalSeries();
    const estimated = [...estimatedContractCounts(series).values()].reduce((a, b) => a + b, 0);
    const scale = N / estimated;
    const regionCodes = await loadLevelRegionCodes();
    const names = new Map(rowsOf<{ code: string; name: string }>(await db.execute(sql`select code, name from regions`)).map((r) => [r.code, r.name]));
    log(`\n1. bulk registration: scale ${scale.toFixed(5)} of the published/estimated ${n0(estimated)} contracts 2013–${series.at(-1)!.year}, ${BATCH} per registerBulk call`);
    // Time spent keeping the statistics cells current, inside registerBulk's transaction (the same
    // service object the registrations service was given).
    let cellsMs = 0;
    const applyMany = statistics.applyMany.bind(statistics);
    statistics.applyMany = async (tx, added) => {
      const t = performance.now();
      await applyMany(tx, added);
      cellsMs += performance.now() - t;
    };
    let batch: BulkRegistration[] = [];
    let done = 0;
    let serviceMs = 0;
    const callMs: number[] = [];
    const tLoad = performance.now();
    let lastReport = tLoad;
    let lastDone = 0;
    const flush = async () => {
      if (!batch.length) {
        return;
      }
      const [, t] = await timed(() => registrations.registerBulk(f.admin, batch));
      serviceMs += t;
      callMs.push(t);
      done += batch.length;
      batch = [];
      const now = performance.now();
      if (now - lastReport > 15_000) {
        log(`  ${n0(done)} registered, ${n0((done / (now - tLoad)) * 1000)}/s overall, ${n0(((done - lastDone) / (now - lastReport)) * 1000)}/s last ${((now - lastReport) / 1000).toFixed(0)} s; load ${load()}; RSS ${mb()} MB`);
        lastReport = now;
        lastDone = done;
      }
    };
    let k = 0;
    for (const g of generateNationalContracts(series, { scale, seed: 2026, regionCodes })) {
      batch.push(toBulkRegistration(g, ++k, f.recordsOrgId, names));
      if (batch.length >= BATCH) {
        await flush();
      }
    }
    await flush();
    const loadS = (performance.now() - tLoad) / 1000;
    statistics.applyMany = applyMany;
    log(`  done: ${n0(done)} contracts in ${loadS.toFixed(0)} s; inside registerBulk ${(serviceMs / 1000).toFixed(0)} s, of which statistics cells (applyMany) ${(cellsMs / 1000).toFixed(0)} s; load ${load()}`);
    row(
      `bulk registration (\`registerBulk\`, ${BATCH} per call, one transaction each, cells kept current)`,
      `**${n0((done / serviceMs) * 1000)} contracts/s** inside the service (${n0(done)} in ${(serviceMs / 1000).toFixed(0)} s); ${n0(done / loadS)}/s wall incl. generating them`,
      `per call p50 / p95 / p99 ${lat(callMs)} ms; ${((cellsMs / serviceMs) * 100).toFixed(0)} % of the service time in \`statistics.applyMany\``,
    );
    const [, analyseMs] = await timed(async () => {
      await db.execute(sql`analyze tech_contracts`);
      await db.execute(sql`analyze contract_stat_cells`);
    });
    const [counts] = rowsOf<{ contracts: number; cells: number; bytes: string }>(
      await db.execute(sql`select (select count(*)::int from tech_contracts) as contracts, (select count(*)::int from contract_stat_cells) as cells,
        pg_size_pretty(pg_total_relation_size('tech_contracts')) || ' / ' || pg_size_pretty(pg_total_relation_size('contract_stat_cells')) as bytes`),
    );
    log(`  analyze ${(analyseMs / 1000).toFixed(1)} s; ${n0(counts!.contracts)} contracts, ${n0(counts!.cells)} cells; size contracts / cells ${counts!.bytes}`);

    // ---- 1b. single applications --------------------------------------------------------------
    log(`\n1b. single applications: create → submit → decide(register), ${WORKERS} workers`);
    const today = chinaToday(new Date());
    const perContract: number[] = [];
    const step = { create: [] as number[], submit: [] as number[], decide: [] as number[] };
    let next = 0;
    const errors: string[] = [];
    const tSingle = performance.now();
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        for (let i = next++; i < SINGLE; i = next++) {
          try {
            const t0 = performance.now();
            const c = await registrations.create(f.owner, application(f, i, today));
            const t1 = performance.now();
            await registrations.submit(f.owner, c.id);
            const t2 = performance.now();
            const r = await registrations.decide(f.registrar, c.id, { action: 'register', outcome: 'full' });
            const t3 = performance.now();
            if (r.status !== 'registered') {
              throw new Error(`status ${r.status}`);
            }
            step.create.push(t1 - t0);
            step.submit.push(t2 - t1);
            step.decide.push(t3 - t2);
            perContract.push(t3 - t0);
          } catch (err) {
            errors.push(err instanceof Error ? err.message : String(err));
          }
        }
      }),
    );
    const singleS = (performance.now() - tSingle) / 1000;
    log(`  ${perContract.length} registered, ${errors.length} errors${errors.length ? ` (first: ${errors[0]})` : ''} in ${singleS.toFixed(1)} s; load ${load()}`);
    log(`  create ${lat(step.create)} ms, submit ${lat(step.submit)} ms, decide ${lat(step.decide)} ms (p50 / p95 / p99)`);
    row(
      `single applications (\`create\` → \`submit\` → \`decide\`, ${WORKERS} concurrent workers, ${SINGLE} contracts)`,
      `**${(perContract.length / singleS).toFixed(0)} contracts/s** (${(perContract.length * 3) / singleS > 0 ? ((perContract.length * 3) / singleS).toFixed(0) : '0'} service calls/s)`,
      `per contract p50 / p95 / p99 ${lat(perContract)} ms; create ${ms(pct(step.create, 50))}, submit ${ms(pct(step.submit, 50))}, decide ${ms(pct(step.decide, 50))} ms (p50)`,
    );

    // ---- 2. amendments and cancellations ------------------------------------------------------
    log(`\n2. changes: ${CHANGES} registered contracts amended (2/3) or cancelled (1/3) by a registrar acting directly`);
    const targets = rowsOf<{ id: string; contract_amount_fen: number; tech_amount_fen: number; technology_domain: string; seller: Record<string, unknown> }>(
      await db.execute(sql`select id, contract_amount_fen::float8 as contract_amount_fen, tech_amount_fen::float8 as tech_amount_fen, technology_domain, seller
        from tech_contracts where status = 'registered' and external_id like 'NAT-%' order by random() limit ${CHANGES}`),
    );
    const counties = rowsOf<{ code: string }>(await db.execute(sql`select code from regions where level = 'county' and code like '5%' order by code`)).map((r) => r.code);
    const changeMs: number[] = [];
    let amended = 0;
    let cancelled = 0;
    const changeErrors: string[] = [];
    for (const [i, t] of targets.entries()) {
      const t0 = performance.now();
      try {
        if (i % 3 === 2) {
          await registrations.requestChange(f.admin, t.id, { kind: 'cancel', reason: '基准测试：合同解除，撤销登记' });
          cancelled++;
        } else {
          const delta = Math.max(100, Math.round(t.tech_amount_fen * 0.1));
          const seller = t.seller as { name: string; type: Party['type']; enterpriseOwnership: string | null; creditCode: string | null; countryCode: string; regionCode: string | null };
          const moveSeller = i % 3 === 1 && seller.countryCode === 'CN';
          await registrations.requestChange(f.admin, t.id, {
            kind: 'amend',
            reason: '基准测试：补充协议变更金额与技术领域',
            changes: {
              contractAmountFen: t.contract_amount_fen + delta,
              techAmountFen: t.tech_amount_fen + delta,
              technologyDomain: t.technology_domain === 'TD04' ? 'TD05' : 'TD04',
              ...(moveSeller
                ? {
                    seller: {
                      name: seller.name,
                      type: seller.type,
                      ...(seller.enterpriseOwnership ? { enterpriseOwnership: seller.enterpriseOwnership as 'domestic' } : {}),
                      ...(seller.creditCode ? { creditCode: seller.creditCode } : {}),
                      countryCode: 'CN',
                      regionCode: pick(counties),
                    },
                  }
                : {}),
            },
          });
          amended++;
        }
        changeMs.push(performance.now() - t0);
      } catch (err) {
        changeErrors.push(err instanceof Error ? err.message : String(err));
      }
    }
    log(`  ${amended} amended, ${cancelled} cancelled, ${changeErrors.length} errors${changeErrors.length ? ` (first: ${changeErrors[0]})` : ''}; per change ${lat(changeMs)} ms`);
    row(`amend / cancel by a registrar (\`requestChange\`, ${amended} amended, ${cancelled} cancelled)`, `${((changeMs.length / changeMs.reduce((a, b) => a + b, 0)) * 1000).toFixed(0)} changes/s (one at a time)`, `per change p50 / p95 / p99 ${lat(changeMs)} ms`);

    // ---- 3. annual report ---------------------------------------------------------------------
    const year = series.at(-1)!.year;
    const base = createBaseline(db);
    log(`\n3. annual report ${year}: median of ${RUNS} runs after one warm-up`);
    for (const scope of [null, PROVINCE] as Scope[]) {
      const label = scope === null ? 'national' : `province ${scope}`;
      await statistics.annualReportOf(scope, year);
      const svc: number[] = [];
      let report: Awaited<ReturnType<typeof statistics.annualReportOf>> | undefined;
      for (let r = 0; r < RUNS; r++) {
        const [rep, t] = await timed(() => statistics.annualReportOf(scope, year));
        svc.push(t);
        report = rep;
      }
      await base.annualReport(scope, year);
      const rawT: number[] = [];
      let rawRep: Awaited<ReturnType<typeof base.annualReport>> | undefined;
      for (let r = 0; r < RUNS; r++) {
        const [rep, t] = await timed(() => base.annualReport(scope, year));
        rawT.push(t);
        rawRep = rep;
      }
      // The same figures both ways.
      let diff = 0;
      for (const tbl of report!.tables) {
        diff += differences(tbl.rows, rawRep!.tables[tbl.dimension] ?? []);
      }
      diff += differences([report!.totals.out], rawRep!.totals.out.cur.map((r) => ({ ...r, key: '' })));
      diff += differences([report!.totals.in], rawRep!.totals.in.cur.map((r) => ({ ...r, key: '' })));
      diff += differences(report!.regionsOut, rawRep!.regionsOut);
      diff += differences(report!.regionsIn, rawRep!.regionsIn);
      diff += differences(
        report!.flows.map((x) => ({ code: `${x.from}|${x.to}`, count: x.count, amountFen: x.amountFen })),
        rawRep!.flows,
      );
      diff += differences(
        report!.months.points.map((p) => ({ code: p.label.replace('-', ''), count: p.count, amountFen: p.amountFen })),
        rawRep!.months.filter((r) => r.key.startsWith(String(year))),
      );
      diff += report!.coverage.countiesWithContracts === rawRep!.coverage.countiesWithContracts ? 0 : 1;
      const tablesLine = `${report!.tables.length} dimension tables, ${report!.regionsOut.length} regions, ${report!.flows.length} flows, ${report!.totals.out.count.toLocaleString('en')} contracts`;
      log(`  ${label}: service ${ms(median(svc))} ms (runs ${svc.map(ms).join(', ')}); GROUP BY ${ms(median(rawT))} ms (runs ${rawT.map(ms).join(', ')}); ${tablesLine}; figures differing: ${diff}`);
      row(
        `annual report ${year}, ${label} (all dimensions, regions out/in, flows, months, coverage)`,
        `**${ms(median(svc))} ms** (median of ${RUNS}); plain GROUP BY ${ms(median(rawT))} ms → ${(median(rawT) / median(svc)).toFixed(0)}× faster`,
        `${tablesLine}; figures differing between the two: ${diff}`,
      );
    }

    // ---- 4. dashboard queries -----------------------------------------------------------------
    log(`\n4. dashboard queries: ${CALLS} service calls and ${RAW_CALLS} GROUP BY calls each, random arguments`);
    const cellRegions = rowsOf<{ region: string }>(await db.execute(sql`select distinct region from contract_stat_cells where dimension = 'total' and side = 'out'`)).map((r) => r.region);
    const provinces = cellRegions.filter((r) => r.endsWith('0000') && r !== '000000');
    const cities = cellRegions.filter((r) => r.endsWith('00') && !r.endsWith('0000'));
    const countyList = cellRegions.filter((r) => !r.endsWith('00'));
    const years = series.map((s) => s.year);
    const side = (): StatSide => (rand() < 0.5 ? 'out' : 'in');
    type Q = { name: string; args: () => unknown[]; service: (a: unknown[]) => Promise<unknown>; raw: (a: unknown[]) => Promise<unknown> };
    const queries: Q[] = [
      {
        name: 'overview (nation / province / city / county, random year and side)',
        args: () => [pick([null, pick(provinces), pick(cities), pick(countyList)]), side(), pick(years)],
        service: ([s, sd, y]) => statistics.overviewOf(s as Scope, y as number, sd as StatSide),
        raw: ([s, sd, y]) => base.overview(s as Scope, sd as StatSide, y as number),
      },
      {
        name: 'breakdown (random dimension; nation / province / city)',
        args: () => [pick([null, pick(provinces), pick(cities)]), side(), pick(years), pick(STAT_DIMENSIONS)],
        service: ([s, sd, y, d]) => statistics.breakdownOf(s as Scope, y as number, d as StatDimension, sd as StatSide),
        raw: ([s, sd, y, d]) => base.breakdown(s as Scope, sd as StatSide, y as number, d as string),
      },
      {
        name: `trend by year ${years[0]}–${years.at(-1)} (nation / province)`,
        args: () => [pick([null, pick(provinces)]), side()],
        service: ([s, sd]) => statistics.trendOf(s as Scope, { from: years[0]!, to: years.at(-1)!, period: 'year', side: sd as StatSide }),
        raw: ([s, sd]) => base.trend(s as Scope, sd as StatSide, years[0]!, years.at(-1)!, 'year'),
      },
      {
        name: 'trend by month, 2 years, of a province',
        args: () => [pick(provinces), side(), pick(years.slice(1))],
        service: ([s, sd, y]) => statistics.trendOf(s as Scope, { from: (y as number) - 1, to: y as number, period: 'month', side: sd as StatSide }),
        raw: ([s, sd, y]) => base.trend(s as Scope, sd as StatSide, (y as number) - 1, y as number, 'month'),
      },
      {
        name: 'regions (nation → provinces, province → cities, city → counties)',
        args: () => [pick([null, pick(provinces), pick(cities)]), side(), pick(years)],
        service: ([s, sd, y]) => statistics.regionsOf(s as Scope, y as number, sd as StatSide),
        raw: async ([s, sd, y]) => [await base.regions(s as Scope, sd as StatSide, y as number), await base.regions(s as Scope, sd as StatSide, (y as number) - 1)],
      },
      {
        name: 'flows (national matrix / one province)',
        args: () => [pick([null, pick(provinces)]), pick(years)],
        service: ([s, y]) => statistics.flowsOf(s as Scope, y as number),
        raw: ([s, y]) => base.flows(s as Scope, y as number),
      },
    ];
    const dash: { name: string; svc: number[]; raw: number[] }[] = [];
    for (const q of queries) {
      const argList = Array.from({ length: CALLS }, q.args);
      for (const a of argList.slice(0, 5)) {
        await q.service(a); // warm-up (code-list names, plans)
      }
      const svc: number[] = [];
      for (const a of argList) {
        svc.push((await timed(() => q.service(a)))[1]);
      }
      const rawT: number[] = [];
      for (const a of argList.slice(0, RAW_CALLS)) {
        rawT.push((await timed(() => q.raw(a)))[1]);
      }
      dash.push({ name: q.name, svc, raw: rawT });
      log(`  ${q.name}: service ${lat(svc)} ms; GROUP BY ${lat(rawT)} ms (p50 / p95 / p99); load ${load()}`);
    }
    const allSvc = dash.flatMap((d) => d.svc);
    log(`  every dashboard call: service ${lat(allSvc)} ms`);

    // ---- 5. verify ----------------------------------------------------------------------------
    log('\n5. verifyAll: every stored cell against a full recount');
    const v = await statistics.verifyAll();
    log(`  ${n0(v.cells)} cells, ${n0(v.recounted)} recounted, ${v.mismatches.length} mismatches, ${(v.ms / 1000).toFixed(1)} s${v.mismatches.length ? `; first: ${JSON.stringify(v.mismatches[0])}` : ''}`);
    row('`verifyAll()` after bulk load, single registrations and changes', `${v.ok ? 'ok' : '**MISMATCH**'}: ${n0(v.cells)} cells, ${n0(v.recounted)} recounted, **${v.mismatches.length} mismatches**`, `${(v.ms / 1000).toFixed(1)} s`);

    // ---- tables -------------------------------------------------------------------------------
    const [finalCount] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from tech_contracts where status in ('registered', 'change_requested')`));
    log(`\n${DB === 'pg' ? `PostgreSQL ${rt.handle.serverVersion}` : `PGlite (worker), PostgreSQL ${rt.handle.serverVersion}`}; ${n0(finalCount!.n)} counted contracts; load average now ${loadavg().map((x) => x.toFixed(2)).join(' ')}; RSS ${mb()} MB`);
    log('\n| measurement | result | detail |\n|---|---|---|');
    for (const r of table) {
      log(`| ${r.join(' | ')} |`);
    }
    log(`\n| dashboard query (${CALLS} service calls, ${RAW_CALLS} GROUP BY calls) | service p50 / p95 / p99 (ms) | plain GROUP BY p50 / p95 / p99 (ms) | GROUP BY ÷ service at p95 |\n|---|---|---|---|`);
    for (const d of dash) {
      log(`| ${d.name} | ${lat(d.svc)} | ${lat(d.raw)} | ${(pct(d.raw, 95) / pct(d.svc, 95)).toFixed(0)}× |`);
    }
    log(`| every dashboard call above | ${lat(allSvc)} | ${lat(dash.flatMap((d) => d.raw))} | |`);
    process.exitCode = v.ok && errors.length === 0 && changeErrors.length === 0 ? 0 : 1;
  } catch (err) {
    process.exitCode = 1;
    log(`bench failed: ${err instanceof Error ? err.stack : String(err)}`);
  } finally {
    await rt.handle.close();
    if (KEEP) {
      log(`kept: ${DB === 'pg' ? databaseUrl : join(work, 'data')}`);
    } else {
      if (dbName) {
        await adminQuery(PG_SERVER, `drop database if exists ${dbName} with (force)`).catch((e) => log(`could not drop ${dbName}: ${String(e)}`));
      }
      rmSync(work, { recursive: true, force: true });
    }
  }
}

await main();
