import type { AnnualReport, Breakdown, Flow, Flows, Overview, RegionRow, Regions, StatDimension, StatRow, StatSide, StatValues, Trend, TrendQuery, Verify } from '#shared/contracts/statistics.contract';
import { STAT_DIMENSIONS } from '#shared/contracts/statistics.contract';
import type { CodeList, CodeListName } from '#shared/contracts/regions.contract';
import { isWithinRegion, regionLevelOf, regionPrefix } from '#shared/format/region-scope';
import type { Db, DbConn } from '#server/db/types';
import { AppError } from '#server/lib/app-error';
import type { Clock } from '#server/lib/clock';
import { isPlatformAdmin, regionsFor, requireUser, type Actor } from '#server/modules/auth/index';
import { zoneOf, ZONE_NAMES } from '#server/modules/regions/index';
import { ABROAD, COUNTY_DIMENSIONS, DeltaAccumulator, type ContractForStats } from './stat-cells';
import type { StatisticsRepo, SumRow } from './statistics.repo';

export type StatisticsDeps = {
  db: Db;
  repo: StatisticsRepo;
  clock: Clock;
  codeList: (name: CodeListName) => Promise<CodeList>;
  regionNames: (codes: string[]) => Promise<Map<string, string>>;
};

/** A region the figures are about: null = the nation. */
type Scope = string | null;

const MONITOR_ROLES = ['regional_admin', 'registrar', 'market_operator'] as const;

const CROSS_BORDER_NAMES: Record<string, [string, string]> = {
  domestic: ['境内', 'Domestic'],
  export: ['技术出口（输出到境外）', 'Export (to abroad)'],
  import: ['技术进口（吸纳境外）', 'Import (from abroad)'],
};
const PARTY_NAMES: Record<string, [string, string]> = {
  'enterprise.domestic': ['企业法人（内资）', 'Enterprise (domestic)'],
  'enterprise.hmt': ['企业法人（港澳台商投资）', 'Enterprise (HK/Macao/Taiwan invested)'],
  'enterprise.foreign': ['企业法人（外商投资）', 'Enterprise (foreign invested)'],
};
const DIMENSION_LISTS: Partial<Record<StatDimension, CodeListName>> = {
  type: 'contract-types',
  subtype: 'contract-types',
  domain: 'technology-domains',
  seller_type: 'organisation-types',
  buyer_type: 'organisation-types',
  ip_type: 'contract-ip-types',
  plan: 'plan-categories',
  objective: 'socio-economic-objectives',
  industry: 'industries',
};

function growth(cur: bigint | number, prev: bigint | number | null): number | null {
  if (prev === null) {
    return null;
  }
  const p = Number(prev);
  if (p === 0) {
    return null;
  }
  return Math.round(((Number(cur) - p) / p) * 1000) / 10;
}

function values(r: SumRow | undefined): StatValues {
  return { count: r?.n ?? 0, amountFen: r?.amount ?? '0', techAmountFen: r?.tech ?? '0' };
}

/** Rows with names, shares and growth against the previous period. Pure. */
export function statRows(cur: SumRow[], prev: SumRow[], name: (code: string) => [string, string]): StatRow[] {
  const prevBy = new Map(prev.map((r) => [r.key, r]));
  const total = cur.reduce((s, r) => s + BigInt(r.amount), 0n);
  return cur
    .map((r) => {
      const p = prevBy.get(r.key);
      const [zh, en] = name(r.key);
      return {
        code: r.key,
        name: zh,
        nameEn: en,
        count: r.n,
        amountFen: r.amount,
        techAmountFen: r.tech,
        amountShare: total === 0n ? null : Number((BigInt(r.amount) * 10_000n) / total) / 100,
        prevCount: p ? p.n : null,
        prevAmountFen: p ? p.amount : null,
        countGrowth: p ? growth(r.n, p.n) : null,
        amountGrowth: p ? growth(BigInt(r.amount), BigInt(p.amount)) : null,
      };
    })
    .sort((a, b) => (BigInt(b.amountFen) > BigInt(a.amountFen) ? 1 : BigInt(b.amountFen) < BigInt(a.amountFen) ? -1 : a.code.localeCompare(b.code)));
}

export function createStatisticsService({ db, repo, clock, codeList, regionNames }: StatisticsDeps) {
  const nameCache = new Map<CodeListName, Promise<Map<string, [string, string]>>>();
  function namesOf(list: CodeListName) {
    let p = nameCache.get(list);
    if (!p) {
      p = codeList(list).then((l) => new Map(l.items.map((i) => [i.code, [i.name, i.nameEn ?? i.name] as [string, string]])));
      void p.catch(() => nameCache.delete(list));
      nameCache.set(list, p);
    }
    return p;
  }
  async function dimensionNamer(dimension: StatDimension): Promise<(code: string) => [string, string]> {
    if (dimension === 'cross_border') {
      return (c) => CROSS_BORDER_NAMES[c] ?? [c, c];
    }
    const list = DIMENSION_LISTS[dimension];
    const names = list ? await namesOf(list) : new Map<string, [string, string]>();
    return (c) => {
      if (c === 'none') {
        return dimension === 'ip_type' ? ['不涉及知识产权', 'No intellectual property'] : ['未填报', 'Not reported'];
      }
      return PARTY_NAMES[c] ?? names.get(c) ?? [c, c];
    };
  }
  async function regionNamer(codes: string[]): Promise<(code: string) => [string, string]> {
    const names = await regionNames(codes.filter((c) => c !== ABROAD));
    return (c) => (c === ABROAD ? ['境外', 'Abroad'] : [names.get(c) ?? c, names.get(c) ?? c]);
  }

  /** The region a caller may see figures of: a platform admin any; a regional role its own. */
  function resolveScope(actor: Actor, region: string | undefined): Scope {
    requireUser(actor);
    if (isPlatformAdmin(actor)) {
      return region ?? null;
    }
    const scopes = MONITOR_ROLES.flatMap((r) => regionsFor(actor, r));
    if (scopes.length === 0) {
      throw new AppError('common/forbidden', 'statistics are for platform administrators and regional roles');
    }
    if (region === undefined) {
      return scopes[0]!;
    }
    if (!scopes.some((s) => isWithinRegion(s, region))) {
      throw new AppError('statistics/out_of_scope', `region ${region} is outside your area`);
    }
    return region;
  }

  /** Sums of one dimension for a year in a region: from cells, or from the contracts for one county. */
  async function yearSums(conn: DbConn, scope: Scope, side: StatSide, year: number, dimension: string): Promise<SumRow[]> {
    if (scope === null) {
      return repo.sum(conn, { dimension, side, periodFrom: year * 100 + 1, periodTo: year * 100 + 12, groupBy: 'value' });
    }
    const level = regionLevelOf(scope);
    if (level === 'province') {
      return repo.sum(conn, { dimension, side, periodFrom: year * 100 + 1, periodTo: year * 100 + 12, region: { eq: scope }, groupBy: 'value' });
    }
    if (level === 'city' || COUNTY_DIMENSIONS.has(dimension)) {
      return repo.sum(conn, { dimension, side, periodFrom: year, periodTo: year, region: { eq: scope }, groupBy: 'value' });
    }
    return repo.sumRaw(conn, { dimension, side, from: `${year}-01-01`, to: `${year}-12-31`, regionPrefix: regionPrefix(scope), groupBy: 'value' });
  }

  async function regionName(scope: Scope): Promise<string> {
    if (scope === null) {
      return '全国';
    }
    return (await regionNames([scope])).get(scope) ?? scope;
  }

  async function coverage(conn: DbConn, scope: Scope, year: number) {
    const prefix = scope === null ? '' : regionPrefix(scope);
    return { countiesWithContracts: await repo.countiesWithContracts(conn, year, prefix), counties: await repo.countiesIn(conn, prefix) };
  }

  async function breakdownRows(conn: DbConn, scope: Scope, side: StatSide, year: number, dimension: StatDimension): Promise<StatRow[]> {
    const cur = await yearSums(conn, scope, side, year, dimension);
    const prev = await yearSums(conn, scope, side, year - 1, dimension);
    return statRows(cur, prev, await dimensionNamer(dimension));
  }

  async function totalRow(conn: DbConn, scope: Scope, side: StatSide, year: number): Promise<StatRow> {
    const cur = await yearSums(conn, scope, side, year, 'total');
    const prev = await yearSums(conn, scope, side, year - 1, 'total');
    const rows = statRows(cur, prev, () => ['合计', 'Total']);
    return (
      rows[0] ?? { code: '', name: '合计', nameEn: 'Total', count: 0, amountFen: '0', techAmountFen: '0', amountShare: null, prevCount: prev[0]?.n ?? null, prevAmountFen: prev[0]?.amount ?? null, countGrowth: null, amountGrowth: null }
    );
  }

  /** The regions one level below the scope, with an "unassigned" remainder for contracts known only at the upper level. */
  async function childRegions(conn: DbConn, scope: Scope, side: StatSide, year: number): Promise<RegionRow[]> {
    const fetch = async (y: number): Promise<SumRow[]> => {
      if (scope === null) {
        return repo.sum(conn, { dimension: 'total', side, periodFrom: y * 100 + 1, periodTo: y * 100 + 12, groupBy: 'region' });
      }
      const level = regionLevelOf(scope);
      if (level === 'county') {
        return [];
      }
      const p = regionPrefix(scope);
      const like = level === 'province' ? `${p}__00` : `${p}__`;
      // The pattern matches the scope's own code too (a city's county pattern matches the city): leave it out.
      return repo.sum(conn, { dimension: 'total', side, periodFrom: y, periodTo: y, region: { like, not: scope }, groupBy: 'region' });
    };
    const cur = await fetch(year);
    const prev = await fetch(year - 1);
    const namer = await regionNamer([...cur, ...prev].map((r) => r.key));
    const rows = statRows(cur, prev, namer);
    return rows.map((r) => {
      const level: RegionRow['level'] = r.code === ABROAD ? 'abroad' : regionLevelOf(r.code);
      return { ...r, level, hasChildren: level === 'province' || level === 'city' };
    });
  }

  async function flows(conn: DbConn, year: number, scope: Scope): Promise<{ flows: Flow[]; zones: Flow[] }> {
    const rows = await repo.sum(conn, {
      dimension: 'flow',
      side: 'out',
      periodFrom: year * 100 + 1,
      periodTo: year * 100 + 12,
      ...(scope ? { region: { eq: `${scope.slice(0, 2)}0000` } } : {}),
      groupBy: 'region_value',
    });
    const pairs = rows.map((r) => {
      const [from, to] = r.key.split('|') as [string, string];
      return { from, to, r };
    });
    const namer = await regionNamer(pairs.flatMap((p) => [p.from, p.to]));
    const flowsOut: Flow[] = pairs
      .map(({ from, to, r }) => ({ from, fromName: namer(from)[0], to, toName: namer(to)[0], count: r.n, amountFen: r.amount, techAmountFen: r.tech }))
      .sort((a, b) => (BigInt(b.amountFen) > BigInt(a.amountFen) ? 1 : -1));
    const zoneKey = (code: string) => (code === ABROAD ? 'abroad' : zoneOf(code));
    const zoneName = (z: string) => (z === 'abroad' ? '境外' : ZONE_NAMES[z as keyof typeof ZONE_NAMES].zh);
    const zones = new Map<string, Flow>();
    for (const f of flowsOut) {
      const a = zoneKey(f.from);
      const b = zoneKey(f.to);
      const k = `${a}|${b}`;
      const cur = zones.get(k) ?? { from: a, fromName: zoneName(a), to: b, toName: zoneName(b), count: 0, amountFen: '0', techAmountFen: '0' };
      cur.count += f.count;
      cur.amountFen = (BigInt(cur.amountFen) + BigInt(f.amountFen)).toString();
      cur.techAmountFen = (BigInt(cur.techAmountFen) + BigInt(f.techAmountFen)).toString();
      zones.set(k, cur);
    }
    return { flows: flowsOut, zones: [...zones.values()].sort((a, b) => (BigInt(b.amountFen) > BigInt(a.amountFen) ? 1 : -1)) };
  }

  async function trend(conn: DbConn, scope: Scope, q: Pick<TrendQuery, 'from' | 'to' | 'period' | 'side'>): Promise<Trend> {
    if (q.to < q.from || q.to - q.from > 50) {
      throw new AppError('statistics/period_invalid', 'from must not be after to, and at most 50 years apart', undefined, { reason: 'from ≤ to, at most 50 years' });
    }
    // Months of the span and one year before it (growth of the first period).
    let monthly: SumRow[];
    const level = scope === null ? 'nation' : regionLevelOf(scope);
    if (level === 'nation' || level === 'province') {
      monthly = await repo.sum(conn, { dimension: 'total', side: q.side, periodFrom: (q.from - 1) * 100 + 1, periodTo: q.to * 100 + 12, ...(scope ? { region: { eq: scope } } : {}), groupBy: 'period' });
    } else if (q.period === 'year') {
      monthly = (await repo.sum(conn, { dimension: 'total', side: q.side, periodFrom: q.from - 1, periodTo: q.to, region: { eq: scope! }, groupBy: 'period' })).map((r) => ({ ...r, key: `${r.key}01` }));
    } else {
      monthly = await repo.sumRaw(conn, { dimension: 'total', side: q.side, from: `${q.from - 1}-01-01`, to: `${q.to}-12-31`, regionPrefix: regionPrefix(scope!), groupBy: 'month' });
    }
    const bucket = (yyyymm: number) => {
      const y = Math.floor(yyyymm / 100);
      const m = yyyymm % 100;
      return q.period === 'year' ? `${y}` : q.period === 'quarter' ? `${y}Q${Math.ceil(m / 3)}` : `${y}-${String(m).padStart(2, '0')}`;
    };
    const sums = new Map<string, { n: number; a: bigint; t: bigint }>();
    for (const r of monthly) {
      const k = bucket(Number(r.key));
      const cur = sums.get(k) ?? { n: 0, a: 0n, t: 0n };
      cur.n += r.n;
      cur.a += BigInt(r.amount);
      cur.t += BigInt(r.tech);
      sums.set(k, cur);
    }
    const labels: string[] = [];
    for (let y = q.from; y <= q.to; y++) {
      if (q.period === 'year') {
        labels.push(`${y}`);
      } else if (q.period === 'quarter') {
        labels.push(...[1, 2, 3, 4].map((i) => `${y}Q${i}`));
      } else {
        labels.push(...Array.from({ length: 12 }, (_, i) => `${y}-${String(i + 1).padStart(2, '0')}`));
      }
    }
    const prevLabel = (l: string) => `${Number(l.slice(0, 4)) - 1}${l.slice(4)}`;
    return {
      period: q.period,
      points: labels.map((label) => {
        const c = sums.get(label) ?? { n: 0, a: 0n, t: 0n };
        const p = sums.get(prevLabel(label));
        return {
          label,
          count: c.n,
          amountFen: c.a.toString(),
          techAmountFen: c.t.toString(),
          countGrowth: p ? growth(c.n, p.n) : null,
          amountGrowth: p ? growth(c.a, p.a) : null,
        };
      }),
    };
  }

  return {
    resolveScope,

    /** Keeps the cells current: called in the transaction that changes a contract's counted state. */
    async applyChange(tx: DbConn, before: ContractForStats | null, after: ContractForStats | null): Promise<void> {
      const acc = new DeltaAccumulator();
      if (before) {
        acc.add(before, -1);
      }
      if (after) {
        acc.add(after, 1);
      }
      const deltas = acc.result();
      if (deltas.length) {
        await repo.applyDeltas(tx, deltas);
      }
    },

    /** Many contracts at once (bulk registration): their deltas merged, then one pass over the cells. */
    async applyMany(tx: DbConn, added: Iterable<ContractForStats>): Promise<void> {
      const acc = new DeltaAccumulator();
      for (const c of added) {
        acc.add(c, 1);
      }
      const deltas = acc.result();
      if (deltas.length) {
        await repo.applyDeltas(tx, deltas);
      }
    },

    async overview(actor: Actor, q: { year: number; region?: string | undefined; side: StatSide }): Promise<Overview> {
      const scope = resolveScope(actor, q.region);
      return this.overviewOf(scope, q.year, q.side);
    },
    async overviewOf(scope: Scope, year: number, side: StatSide): Promise<Overview> {
      return {
        year,
        region: scope,
        regionName: await regionName(scope),
        side,
        total: await totalRow(db, scope, side, year),
        coverage: await coverage(db, scope, year),
        years: await repo.years(db),
      };
    },

    async breakdown(actor: Actor, q: { year: number; dimension: StatDimension; region?: string | undefined; side: StatSide }): Promise<Breakdown> {
      return this.breakdownOf(resolveScope(actor, q.region), q.year, q.dimension, q.side);
    },
    async breakdownOf(scope: Scope, year: number, dimension: StatDimension, side: StatSide): Promise<Breakdown> {
      const rows = await breakdownRows(db, scope, side, year, dimension);
      const total = rows.reduce<StatValues>(
        (s, r) => ({ count: s.count + r.count, amountFen: (BigInt(s.amountFen) + BigInt(r.amountFen)).toString(), techAmountFen: (BigInt(s.techAmountFen) + BigInt(r.techAmountFen)).toString() }),
        values(undefined),
      );
      return { dimension, year, rows, total };
    },

    async trend(actor: Actor, q: TrendQuery): Promise<Trend> {
      return trend(db, resolveScope(actor, q.region), q);
    },
    async trendOf(scope: Scope, q: Pick<TrendQuery, 'from' | 'to' | 'period' | 'side'>): Promise<Trend> {
      return trend(db, scope, q);
    },

    async regions(actor: Actor, q: { year: number; region?: string | undefined; side: StatSide }): Promise<Regions> {
      return this.regionsOf(resolveScope(actor, q.region), q.year, q.side);
    },
    async regionsOf(scope: Scope, year: number, side: StatSide): Promise<Regions> {
      return { year, parent: scope, parentName: await regionName(scope), side, rows: await childRegions(db, scope, side, year) };
    },

    async flows(actor: Actor, q: { year: number; region?: string | undefined }): Promise<Flows> {
      const scope = resolveScope(actor, q.region);
      return { year: q.year, ...(await flows(db, q.year, scope)) };
    },
    async flowsOf(scope: Scope, year: number): Promise<Flows> {
      return { year, ...(await flows(db, year, scope)) };
    },

    /** Every table of the annual statistical report for a region (or the nation). */
    async annualReport(actor: Actor, q: { year: number; region?: string | undefined }): Promise<AnnualReport> {
      return this.annualReportOf(resolveScope(actor, q.region), q.year);
    },
    async annualReportOf(scope: Scope, year: number): Promise<AnnualReport> {
      const tables: AnnualReport['tables'] = [];
      for (const dimension of STAT_DIMENSIONS) {
        tables.push({ dimension, rows: await breakdownRows(db, scope, 'out', year, dimension) });
      }
      const f = await flows(db, year, scope);
      return {
        year,
        region: scope,
        regionName: await regionName(scope),
        generatedAt: clock.now().toISOString(),
        totals: { out: await totalRow(db, scope, 'out', year), in: await totalRow(db, scope, 'in', year) },
        tables,
        regionsOut: await childRegions(db, scope, 'out', year),
        regionsIn: await childRegions(db, scope, 'in', year),
        flows: f.flows,
        zoneFlows: f.zones,
        months: await trend(db, scope, { from: year, to: year, period: 'month', side: 'out' }),
        coverage: await coverage(db, scope, year),
      };
    },

    /** Aggregates against a full recount (platform administrators). */
    async verify(actor: Actor): Promise<Verify> {
      requireUser(actor);
      if (!isPlatformAdmin(actor)) {
        throw new AppError('common/forbidden', 'platform administrators only');
      }
      return this.verifyAll();
    },
    async verifyAll(): Promise<Verify> {
      const t0 = performance.now();
      const r = await repo.verify(db);
      const v = (n: number | null, a: string | null, t: string | null) => (n === null ? null : { count: n, amountFen: a ?? '0', techAmountFen: t ?? '0' });
      return {
        ok: r.mismatches.length === 0,
        cells: r.cells,
        recounted: r.recounted,
        mismatches: r.mismatches.map((m) => ({ key: m.key, stored: v(m.sn, m.sa, m.st), recounted: v(m.rn, m.ra, m.rt) })),
        ms: Math.round(performance.now() - t0),
      };
    },

    /** Replaces the cells by a full recount (after a bulk load). */
    async rebuild(): Promise<number> {
      return db.transaction((tx) => repo.rebuild(tx));
    },
  };
}
export type StatisticsService = ReturnType<typeof createStatisticsService>;
