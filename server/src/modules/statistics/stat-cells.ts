import type { ContractIpType, ContractSubtype, CrossBorder, RegistrationStatus } from '#shared/contracts/registrations.contract';
import { COUNTED_STATUSES } from '#shared/contracts/registrations.contract';

/** Region code of a party abroad (境外) in the statistics. */
export const ABROAD = '000000';

/** What the statistics need of a contract (a `tech_contracts` row fits this shape). */
export type ContractForStats = {
  status: RegistrationStatus;
  registeredOn: string | null;
  subtype: ContractSubtype;
  recognisedSubtype: ContractSubtype | null;
  seller: { type: string; enterpriseOwnership: string | null; countryCode: string };
  buyer: { type: string; enterpriseOwnership: string | null; countryCode: string };
  sellerRegionCode: string | null;
  buyerRegionCode: string | null;
  technologyDomain: string;
  industrySection: string;
  ipTypes: readonly ContractIpType[];
  planCategory: string;
  socioEconomicObjective: string;
  crossBorder: CrossBorder;
  contractAmountFen: number;
  techAmountFen: number;
  recognisedTechAmountFen: number | null;
};

/** One cell's key and the change to its values. */
export type CellDelta = {
  region: string;
  period: number;
  side: 'out' | 'in';
  dimension: string;
  value: string;
  n: number;
  amountFen: bigint;
  techAmountFen: bigint;
};

export function partyTypeValue(p: { type: string; enterpriseOwnership: string | null }): string {
  return p.type === 'enterprise' ? `enterprise.${p.enterpriseOwnership ?? 'domestic'}` : p.type;
}

/** Province, city and county codes a region code rolls up into (a province-level code has only the first). */
export function regionLevels(code: string): { province: string; city: string | null; county: string | null } {
  if (code === ABROAD) {
    return { province: ABROAD, city: null, county: null };
  }
  const province = `${code.slice(0, 2)}0000`;
  const city = code.slice(2, 4) === '00' ? null : `${code.slice(0, 4)}00`;
  const county = code.slice(4, 6) === '00' ? null : code;
  return { province, city, county };
}

/** The dimension values of a contract (the outflow side's `flow` names the buyer's province and vice versa). */
export function dimensionValues(c: ContractForStats): Record<string, string> {
  const subtype = c.recognisedSubtype ?? c.subtype;
  return {
    total: '',
    type: subtype.slice(0, 3),
    subtype,
    domain: c.technologyDomain,
    seller_type: partyTypeValue(c.seller),
    buyer_type: partyTypeValue(c.buyer),
    ip_type: c.ipTypes[0] ?? 'none',
    plan: c.planCategory,
    objective: c.socioEconomicObjective,
    industry: c.industrySection,
    cross_border: c.crossBorder,
  };
}

/** Dimensions kept for counties (finer breakdowns of one county are read from its contracts). */
export const COUNTY_DIMENSIONS = new Set(['total', 'type']);

/** Calls `fn` for every cell a counted contract belongs to (nothing for an uncounted one). Pure. */
function forEachCell(c: ContractForStats, fn: (region: string, period: number, side: 'out' | 'in', dimension: string, value: string) => void): void {
  if (!COUNTED_STATUSES.includes(c.status) || !c.registeredOn) {
    return;
  }
  const year = Number(c.registeredOn.slice(0, 4));
  const month = year * 100 + Number(c.registeredOn.slice(5, 7));
  const dims = dimensionValues(c);
  const sides: ['out' | 'in', string, string][] = [
    ['out', c.sellerRegionCode ?? ABROAD, c.buyerRegionCode ?? ABROAD],
    ['in', c.buyerRegionCode ?? ABROAD, c.sellerRegionCode ?? ABROAD],
  ];
  const foreignCountry = c.seller.countryCode !== 'CN' ? c.seller.countryCode : c.buyer.countryCode;
  for (const [side, own, other] of sides) {
    const levels = regionLevels(own);
    const extra: Record<string, string> = { flow: regionLevels(other).province };
    if (c.crossBorder !== 'domestic') {
      extra['country'] = foreignCountry;
    }
    for (const [dimension, value] of Object.entries({ ...dims, ...extra })) {
      fn(levels.province, month, side, dimension, value);
      if (levels.city && dimension !== 'flow' && dimension !== 'country') {
        fn(levels.city, year, side, dimension, value);
      }
      if (levels.county && COUNTY_DIMENSIONS.has(dimension)) {
        fn(levels.county, year, side, dimension, value);
      }
    }
  }
}

/**
 * The cells one counted contract adds to (sign +1) or removes from (−1). Pure.
 * Province rows by month, city and county rows by year; `flow` and `country` as described in
 * statistics.tables.ts.
 */
export function cellDeltas(c: ContractForStats, sign: 1 | -1): CellDelta[] {
  const out: CellDelta[] = [];
  const amountFen = BigInt(sign * c.contractAmountFen);
  const techAmountFen = BigInt(sign * (c.recognisedTechAmountFen ?? c.techAmountFen));
  forEachCell(c, (region, period, side, dimension, value) => out.push({ region, period, side, dimension, value, n: sign, amountFen, techAmountFen }));
  return out;
}

type Acc = { region: string; period: number; side: 'out' | 'in'; dimension: string; value: string; n: number; a: number; t: number; big: { a: bigint; t: bigint } | null };

/**
 * Sums the cell changes of many contracts straight into one entry per cell (plain numbers while
 * they stay exact, BigInt past 2^53), without a delta object per cell — the bulk path adds about
 * fifty cells per contract. `result()` gives the non-zero changes in key order.
 */
export class DeltaAccumulator {
  private readonly cells = new Map<string, Acc>();

  add(c: ContractForStats, sign: 1 | -1): void {
    const amount = sign * c.contractAmountFen;
    const tech = sign * (c.recognisedTechAmountFen ?? c.techAmountFen);
    forEachCell(c, (region, period, side, dimension, value) => {
      const key = `${dimension}|${side}|${region}|${period}|${value}`;
      let acc = this.cells.get(key);
      if (!acc) {
        acc = { region, period, side, dimension, value, n: 0, a: 0, t: 0, big: null };
        this.cells.set(key, acc);
      }
      acc.n += sign;
      if (acc.big) {
        acc.big.a += BigInt(amount);
        acc.big.t += BigInt(tech);
        return;
      }
      const a = acc.a + amount;
      const t = acc.t + tech;
      if (Number.isSafeInteger(a) && Number.isSafeInteger(t)) {
        acc.a = a;
        acc.t = t;
      } else {
        acc.big = { a: BigInt(acc.a) + BigInt(amount), t: BigInt(acc.t) + BigInt(tech) };
      }
    });
  }

  result(): CellDelta[] {
    return [...this.cells.entries()]
      .filter(([, d]) => d.n !== 0 || (d.big ? d.big.a !== 0n || d.big.t !== 0n : d.a !== 0 || d.t !== 0))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, d]) => ({ region: d.region, period: d.period, side: d.side, dimension: d.dimension, value: d.value, n: d.n, amountFen: d.big ? d.big.a : BigInt(d.a), techAmountFen: d.big ? d.big.t : BigInt(d.t) }));
  }
}

export function cellKey(d: Pick<CellDelta, 'region' | 'period' | 'side' | 'dimension' | 'value'>): string {
  return `${d.dimension}|${d.side}|${d.region}|${d.period}|${d.value}`;
}

/**
 * Sums deltas by cell and drops cells whose change is zero, in key order (every transaction
 * updates cells in the same order, so two registrations never deadlock on them). Pure.
 */
export function mergeDeltas(deltas: Iterable<CellDelta>): CellDelta[] {
  const byKey = new Map<string, CellDelta>();
  for (const d of deltas) {
    const k = cellKey(d);
    const cur = byKey.get(k);
    if (cur) {
      cur.n += d.n;
      cur.amountFen += d.amountFen;
      cur.techAmountFen += d.techAmountFen;
    } else {
      byKey.set(k, { ...d });
    }
  }
  return [...byKey.entries()]
    .filter(([, d]) => d.n !== 0 || d.amountFen !== 0n || d.techAmountFen !== 0n)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, d]) => d);
}
