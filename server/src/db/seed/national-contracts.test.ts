import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENTERPRISE_OWNERSHIPS, ORGANISATION_TYPES } from '#shared/contracts/organisations.contract';
import {
  CONTRACT_CATEGORIES,
  CONTRACT_IP_TYPES,
  CONTRACT_SUBTYPES,
  CreateRegistrationSchema,
  LICENCE_MODES,
  PAYMENT_METHODS,
  PLAN_CATEGORIES,
  SOCIO_ECONOMIC_OBJECTIVES,
  TECHNOLOGY_DOMAIN_CODES,
  type ContractCategory,
} from '#shared/contracts/registrations.contract';
import { parseIndustriesCsv } from '#server/modules/regions/reference-data';
import {
  apportion,
  apportionBig,
  estimatedContractCounts,
  generateNationalContracts,
  loadLevelRegionCodes,
  loadNationalSeries,
  nationalContractCounts,
  PUBLISHED_FACTS,
  yiToFen,
  type GeneratedContract,
  type NationalSeries,
  type RegionCodes,
} from './national-contracts';

const CSV = readFileSync(new URL('../../modules/statistics/data/national_tech_market_turnover.csv', import.meta.url), 'utf8');
const INDUSTRIES = parseIndustriesCsv(
  readFileSync(new URL('../../modules/regions/data/gb4754-2017-industries.csv', import.meta.url), 'utf8'),
);
const yi = (text: string) => yiToFen(text);

type YearSummary = {
  n: number;
  amount: bigint;
  bySellerProvince: Map<string, bigint>;
  byBuyerProvince: Map<string, bigint>;
  byCategory: Map<ContractCategory, bigint>;
  countByCategory: Map<ContractCategory, number>;
  enterpriseSellers: bigint;
  crossBorder: bigint;
};

function add<K>(m: Map<K, bigint>, k: K, v: bigint) {
  m.set(k, (m.get(k) ?? 0n) + v);
}

function summarise(contracts: Iterable<GeneratedContract>): Map<number, YearSummary> {
  const out = new Map<number, YearSummary>();
  for (const c of contracts) {
    let y = out.get(c.year);
    if (!y) {
      y = {
        n: 0,
        amount: 0n,
        bySellerProvince: new Map(),
        byBuyerProvince: new Map(),
        byCategory: new Map(),
        countByCategory: new Map(),
        enterpriseSellers: 0n,
        crossBorder: 0n,
      };
      out.set(c.year, y);
    }
    const a = BigInt(c.contractAmountFen);
    const cat = c.subtype.slice(0, 3) as ContractCategory;
    y.n++;
    y.amount += a;
    add(y.bySellerProvince, c.seller.regionCode ? `${c.seller.regionCode.slice(0, 2)}0000` : 'abroad', a);
    add(y.byBuyerProvince, c.buyer.regionCode ? `${c.buyer.regionCode.slice(0, 2)}0000` : 'abroad', a);
    add(y.byCategory, cat, a);
    y.countByCategory.set(cat, (y.countByCategory.get(cat) ?? 0) + 1);
    if (c.seller.type === 'enterprise') {
      y.enterpriseSellers += a;
    }
    if (c.seller.countryCode !== 'CN' || c.buyer.countryCode !== 'CN') {
      y.crossBorder += a;
    }
  }
  return out;
}

const ranked = (m: Map<string, bigint>) => [...m].sort((a, b) => (b[1] > a[1] ? 1 : b[1] < a[1] ? -1 : 0)).map(([k]) => k);
/** Share in per mille, from exact integers. */
const perMille = (part: bigint, whole: bigint) => Number((part * 1000n) / whole);

let series: NationalSeries;
let regionCodes: RegionCodes;
let demo: GeneratedContract[];
let demoSummary: Map<number, YearSummary>;
let larger: Map<number, YearSummary>;
let minimal: Map<number, YearSummary>;

beforeAll(async () => {
  series = loadNationalSeries(CSV);
  regionCodes = await loadLevelRegionCodes();
  demo = [...generateNationalContracts(series, { scale: 1 / 1000, seed: 7, regionCodes })];
  demoSummary = summarise(demo);
  larger = summarise(generateNationalContracts(series, { scale: 1 / 100, seed: 11, regionCodes }));
  minimal = summarise(generateNationalContracts(series, { scale: 1e-9, seed: 3, regionCodes }));
});

describe('loadNationalSeries', () => {
  it('reads the shipped CSV: 亿元 to fen exactly, counts where published, 2014 skipped', () => {
    expect(series.map((s) => s.year)).toEqual([2013, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    const byYear = new Map(series.map((s) => [s.year, s]));
    expect(byYear.get(2013)).toEqual({ year: 2013, turnoverFen: 74_691_000_000_000n, contracts: 295000 });
    expect(byYear.get(2015)).toEqual({ year: 2015, turnoverFen: 98_357_900_000_000n, contracts: null });
    expect(byYear.get(2016)!.turnoverFen).toBe(114_069_800_000_000n);
    expect(byYear.get(2019)).toEqual({ year: 2019, turnoverFen: 223_983_900_000_000n, contracts: 484077 });
    expect(byYear.get(2021)).toEqual({ year: 2021, turnoverFen: 372_943_000_000_000n, contracts: 670506 });
    expect(byYear.get(2024)!.turnoverFen).toBe(683_540_000_000_000n);
  });

  it('converts with string arithmetic and refuses malformed input', () => {
    expect(yiToFen('0.01')).toBe(100_000_000n);
    expect(yiToFen('1')).toBe(10_000_000_000n);
    expect(yiToFen('12.0000000001')).toBe(120_000_000_001n);
    // 0.1 + 0.2 style float error would show here: 61475.66 亿 × 1e10 is not exact in doubles.
    expect(yiToFen('61475.66')).toBe(614_756_600_000_000n);
    for (const bad of ['', '-1', '1.2.3', '1e3', '0.00000000001', 'abc']) {
      expect(() => yiToFen(bad)).toThrow();
    }
    expect(() => loadNationalSeries('year,turnover,count\n2013,1,1\n')).toThrow(/header/);
    expect(() => loadNationalSeries(`${CSV.split('\n')[0]}\n2013,7469.1,-3,,\n`)).toThrow(/count/);
    expect(() => loadNationalSeries(`${CSV.split('\n')[0]}\n2013,7469.1,,,\n2013,1,,,\n`)).toThrow(/duplicate/);
  });
});

describe('apportionment', () => {
  it('is exact and gives the remainders to the largest fractions', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(10, [0.5, 0.3, 0.2], 2)).toEqual([4, 3, 3]);
    expect(apportionBig(10n, [1n, 1n, 1n])).toEqual([4n, 3n, 3n]);
    const big = apportionBig(683_540_000_000_000n, [47n, 34n, 8n, 5n, 6n]);
    expect(big.reduce((a, b) => a + b, 0n)).toBe(683_540_000_000_000n);
    expect(() => apportion(3, [1, 1], 2)).toThrow();
  });
});

describe('contract counts', () => {
  it('scales published counts and interpolates the others log-linearly', () => {
    const counts = nationalContractCounts(series, { scale: 1 / 1000 });
    expect(counts.get(2013)).toBe(295);
    expect(counts.get(2019)).toBe(484);
    expect(counts.get(2021)).toBe(671);
    // Between 2013 and 2019: 295000 × (484077/295000)^(3/6) for 2016.
    expect(counts.get(2016)).toBe(Math.round(Math.sqrt(295000 * 484077) / 1000));
    expect(counts.get(2020)).toBe(Math.round(Math.sqrt(484077 * 670506) / 1000));
    // After the last published year: the 2019→2021 growth carried on.
    expect(counts.get(2024)).toBe(Math.round((670506 * Math.pow(670506 / 484077, 1.5)) / 1000));
    const raw = estimatedContractCounts(series);
    expect(raw.get(2015)! / raw.get(2013)!).toBeCloseTo(Math.pow(484077 / 295000, 2 / 6), 10);
    // A tiny scale falls back to the minimum.
    expect([...nationalContractCounts(series, { scale: 1e-9 }).values()].every((n) => n === 50)).toBe(true);
    expect(() => nationalContractCounts(series, { scale: 0 })).toThrow();
    expect(() => nationalContractCounts(series, { scale: 1, minPerYear: 3 })).toThrow();
  });

  it('generates exactly the planned number each year', () => {
    const counts = nationalContractCounts(series, { scale: 1 / 1000 });
    for (const [year, n] of counts) {
      expect(demoSummary.get(year)?.n, String(year)).toBe(n);
    }
    const countsLarger = nationalContractCounts(series, { scale: 1 / 100 });
    for (const [year, n] of countsLarger) {
      expect(larger.get(year)?.n, String(year)).toBe(n);
    }
    expect(demo.length).toBe([...counts.values()].reduce((a, b) => a + b, 0));
  });
});

describe('yearly totals', () => {
  it('reproduce the published national 成交额 exactly at two scales and at the minimum count', () => {
    for (const s of series) {
      expect(demoSummary.get(s.year)!.amount, `1/1000 ${s.year}`).toBe(s.turnoverFen);
      expect(larger.get(s.year)!.amount, `1/100 ${s.year}`).toBe(s.turnoverFen);
      expect(minimal.get(s.year)!.amount, `minimum ${s.year}`).toBe(s.turnoverFen);
      expect(minimal.get(s.year)!.n).toBe(50);
    }
  });

  it('keep amounts that are not whole yuan exact too', () => {
    const odd: NationalSeries = [{ year: 2020, turnoverFen: 123_456_789_012_345n, contracts: 2000 }];
    const sum = [...generateNationalContracts(odd, { scale: 0.1, seed: 1, regionCodes })].reduce(
      (a, c) => a + BigInt(c.contractAmountFen),
      0n,
    );
    expect(sum).toBe(123_456_789_012_345n);
  });

  it('hit the published 2013 and 2019 type figures and the 2013 技术开发 count', () => {
    for (const summary of [demoSummary, larger]) {
      expect(summary.get(2013)!.byCategory.get('SVC')).toBe(yi('3416.9'));
      expect(summary.get(2013)!.byCategory.get('DEV')).toBe(yi('2773.4'));
      expect(summary.get(2019)!.byCategory.get('SVC')).toBe(yi('12418.1'));
    }
    expect(demoSummary.get(2013)!.countByCategory.get('DEV')).toBe(154);
    expect(larger.get(2013)!.countByCategory.get('DEV')).toBe(1540);
    expect(PUBLISHED_FACTS.categoryAmountsYi[2013]).toEqual({ SVC: '3416.9', DEV: '2773.4' });
  });

  it('without anchors the totals stay exact and the type shares follow the base shares', () => {
    const plain = summarise(generateNationalContracts(series, { scale: 1 / 1000, seed: 7, regionCodes, anchors: false }));
    const y = plain.get(2013)!;
    expect(y.amount).toBe(series[0]!.turnoverFen);
    expect(perMille(y.byCategory.get('SVC')!, y.amount)).toBe(470);
    expect(y.byCategory.get('DEV')).not.toBe(yi('2773.4'));
  });
});

describe('shape of the market', () => {
  it('北京 is the largest seller province every year and matches its published figures', () => {
    for (const summary of [demoSummary, larger, minimal]) {
      for (const s of series) {
        const y = summary.get(s.year)!;
        expect(ranked(y.bySellerProvince)[0], String(s.year)).toBe('110000');
      }
      expect(summary.get(2015)!.bySellerProvince.get('110000')).toBe(yi('3452.6'));
      expect(summary.get(2019)!.bySellerProvince.get('110000')).toBe(yi('5695.3'));
      expect(summary.get(2023)!.bySellerProvince.get('110000')).toBe(yi('8536.9'));
    }
  });

  it('gives the published 2021 top 10 and a flatter inflow', () => {
    const y = larger.get(2021)!;
    expect(ranked(y.bySellerProvince).slice(0, 10)).toEqual(
      ['11', '44', '32', '31', '37', '61', '42', '33', '34', '51'].map((p) => `${p}0000`),
    );
    // Buyers are spread more evenly: the largest buyer province holds less than 北京 sells.
    const topIn = y.byBuyerProvince.get(ranked(y.byBuyerProvince)[0]!)!;
    expect(topIn).toBeLessThan(y.bySellerProvince.get('110000')!);
    expect(perMille(y.byBuyerProvince.get('110000')!, y.amount)).toBeLessThan(perMille(y.bySellerProvince.get('110000')!, y.amount));
    // Every mainland province sells and buys something at this scale.
    expect([...y.bySellerProvince.keys()].filter((k) => k !== 'abroad')).toHaveLength(31);
    expect([...y.byBuyerProvince.keys()].filter((k) => k !== 'abroad')).toHaveLength(31);
  });

  it('has 技术服务 largest by amount, then 技术开发, with plausible type shares', () => {
    for (const summary of [demoSummary, larger]) {
      for (const s of series) {
        const y = summary.get(s.year)!;
        const share = (c: ContractCategory) => perMille(y.byCategory.get(c) ?? 0n, y.amount);
        expect(ranked(y.byCategory as Map<string, bigint>).slice(0, 2), String(s.year)).toEqual(['SVC', 'DEV']);
        expect(share('SVC')).toBeGreaterThanOrEqual(450);
        expect(share('DEV')).toBeGreaterThanOrEqual(280);
        expect(share('DEV')).toBeLessThanOrEqual(372);
        expect(share('TRF') + share('LIC')).toBeGreaterThanOrEqual(100);
        expect(share('TRF') + share('LIC')).toBeLessThanOrEqual(150);
        expect(share('CON')).toBeLessThan(80);
      }
    }
  });

  it('has enterprises selling about 90 % of the amount and a few per cent cross-border', () => {
    let ent = 0n;
    let cross = 0n;
    let total = 0n;
    for (const y of larger.values()) {
      ent += y.enterpriseSellers;
      cross += y.crossBorder;
      total += y.amount;
    }
    expect(perMille(ent, total)).toBeGreaterThan(850);
    expect(perMille(ent, total)).toBeLessThan(950);
    expect(perMille(cross, total)).toBeGreaterThan(20);
    expect(perMille(cross, total)).toBeLessThan(80);
  });

  it('has flows east → central → west, exports and imports', () => {
    const zone = (code: string) => {
      const p = code.slice(0, 2);
      return ['11', '12', '13', '31', '32', '33', '35', '37', '44', '46'].includes(p)
        ? 'east'
        : ['14', '34', '36', '41', '42', '43'].includes(p)
          ? 'central'
          : ['21', '22', '23'].includes(p)
            ? 'northeast'
            : 'west';
    };
    const flows = new Map<string, number>();
    let exports = 0;
    let imports = 0;
    for (const c of demo) {
      if (c.seller.regionCode && c.buyer.regionCode) {
        const key = `${zone(c.seller.regionCode)}>${zone(c.buyer.regionCode)}`;
        flows.set(key, (flows.get(key) ?? 0) + 1);
      }
      if (c.seller.countryCode === 'CN' && c.buyer.countryCode !== 'CN') {
        exports++;
      }
      if (c.seller.countryCode !== 'CN') {
        imports++;
        expect(c.buyer.countryCode).toBe('CN');
      }
    }
    expect(flows.get('east>central')).toBeGreaterThan(100);
    expect(flows.get('east>west')).toBeGreaterThan(100);
    expect(flows.get('central>west')).toBeGreaterThan(10);
    expect(exports).toBeGreaterThan(20);
    expect(imports).toBeGreaterThan(20);
  });

  it('covers many counties, led by the hub districts', () => {
    const sellerCounties = new Map<string, number>();
    for (const c of demo) {
      if (c.seller.regionCode) {
        sellerCounties.set(c.seller.regionCode, (sellerCounties.get(c.seller.regionCode) ?? 0) + 1);
      }
    }
    const beijing = [...sellerCounties].filter(([k]) => k.startsWith('11')).sort((a, b) => b[1] - a[1]);
    expect(beijing[0]![0]).toBe('110108'); // 海淀区
    const counties = new Set([...demo.flatMap((c) => [c.seller.regionCode, c.buyer.regionCode])].filter((c) => c !== null));
    expect(counties.size).toBeGreaterThan(600);
  });
});

describe('contract fields', () => {
  it('are valid codes, valid for the registration schema, with consistent amounts and dates', () => {
    const counties = new Set(regionCodes.flatMap((r) => r.counties));
    const divisions = new Set(INDUSTRIES.filter((i) => i.level === 1).map((i) => `${i.parentCode}${i.code}`));
    const hasIp = { total: 0, withIp: 0 };
    for (const c of demo) {
      const y = String(c.year);
      expect(CONTRACT_SUBTYPES).toContain(c.subtype);
      expect(TECHNOLOGY_DOMAIN_CODES).toContain(c.technologyDomain);
      expect(divisions.has(c.industryCode), c.industryCode).toBe(true);
      expect(PLAN_CATEGORIES).toContain(c.planCategory);
      expect(SOCIO_ECONOMIC_OBJECTIVES).toContain(c.socioEconomicObjective);
      expect(PAYMENT_METHODS).toContain(c.paymentMethod);
      for (const ip of c.ipTypes) {
        expect(CONTRACT_IP_TYPES).toContain(ip);
      }
      expect(new Set(c.ipTypes).size).toBe(c.ipTypes.length);
      if (c.subtype === 'LIC-PAT' || c.subtype === 'LIC-SEC') {
        expect(LICENCE_MODES).toContain(c.licenceMode);
      } else {
        expect(c.licenceMode).toBeNull();
      }
      if (c.subtype.startsWith('TRF') || c.subtype.startsWith('LIC')) {
        expect(c.ipTypes.length).toBeGreaterThan(0);
      }
      if (c.subtype === 'TRF-SEC' || c.subtype === 'LIC-SEC') {
        expect(c.ipTypes[0]).toBe('technical_secret');
      }
      if (c.subtype.startsWith('SVC')) {
        hasIp.total++;
        hasIp.withIp += c.ipTypes.length > 0 ? 1 : 0;
      }
      for (const party of [c.seller, c.buyer]) {
        expect(ORGANISATION_TYPES).toContain(party.type);
        if (party.type === 'enterprise') {
          expect(ENTERPRISE_OWNERSHIPS).toContain(party.enterpriseOwnership);
        } else {
          expect(party.enterpriseOwnership).toBeNull();
        }
        expect(party.countryCode).toMatch(/^[A-Z]{2}$/);
        if (party.countryCode === 'CN') {
          expect(counties.has(party.regionCode!)).toBe(true);
        } else {
          expect(party.regionCode).toBeNull();
        }
      }
      expect(c.seller.countryCode === 'CN' || c.buyer.countryCode === 'CN').toBe(true);

      expect(c.registeredOn.slice(0, 4)).toBe(y);
      expect(c.signedOn.slice(0, 4)).toBe(y);
      expect(c.validFrom.slice(0, 4)).toBe(y);
      expect(c.signedOn <= c.validFrom && c.validFrom <= c.registeredOn && c.registeredOn <= c.validTo).toBe(true);
      expect(c.signedOn <= c.registeredOn).toBe(true);

      expect(Number.isSafeInteger(c.contractAmountFen)).toBe(true);
      expect(c.contractAmountFen).toBeGreaterThanOrEqual(100);
      expect(c.contractAmountFen).toBeLessThanOrEqual(1e15);
      expect(c.nonTechnicalCostFen).toBeGreaterThanOrEqual(0);
      expect(c.nonTechnicalCostFen).toBeLessThanOrEqual(c.contractAmountFen * 0.3);
      expect(c.techAmountFen).toBe(c.contractAmountFen - c.nonTechnicalCostFen);
      expect(c.techAmountFen).toBeLessThanOrEqual(c.contractAmountFen);
      expect(c.techAmountFen).toBeGreaterThan(0);
      if (c.subtype === 'SVC-TRN' || c.subtype === 'SVC-BRK') {
        expect(c.nonTechnicalCostFen).toBe(0);
      }

      const parsed = CreateRegistrationSchema.safeParse({
        projectName: '演示技术合同',
        subtype: c.subtype,
        licenceMode: c.licenceMode ?? undefined,
        seller: {
          name: '卖方单位',
          type: c.seller.type,
          enterpriseOwnership: c.seller.enterpriseOwnership ?? undefined,
          countryCode: c.seller.countryCode,
          regionCode: c.seller.regionCode ?? undefined,
        },
        buyer: {
          name: '买方单位',
          type: c.buyer.type,
          enterpriseOwnership: c.buyer.enterpriseOwnership ?? undefined,
          countryCode: c.buyer.countryCode,
          regionCode: c.buyer.regionCode ?? undefined,
        },
        technologyDomain: c.technologyDomain,
        // The loader stores the division number; the generator keeps the section letter in front.
        industryCode: c.industryCode.slice(1),
        ipTypes: c.ipTypes,
        planCategory: c.planCategory,
        socioEconomicObjective: c.socioEconomicObjective,
        signedOn: c.signedOn,
        validFrom: c.validFrom,
        validTo: c.validTo,
        paymentMethod: c.paymentMethod,
        contractAmountFen: c.contractAmountFen,
        nonTechnicalCosts: c.nonTechnicalCostFen > 0 ? [{ item: '设备购置', amountFen: c.nonTechnicalCostFen }] : [],
        techAmountFen: c.techAmountFen,
      });
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    }
    // Many service contracts involve no IP.
    expect(hasIp.withIp / hasIp.total).toBeLessThan(0.4);
    // Every type occurs every year.
    for (const y of demoSummary.values()) {
      expect([...y.countByCategory.keys()].sort()).toEqual([...CONTRACT_CATEGORIES].sort());
    }
  });

  it('come in registration order within each year, years ascending', () => {
    for (let i = 1; i < demo.length; i++) {
      const a = demo[i - 1]!;
      const b = demo[i]!;
      expect(a.year < b.year || (a.year === b.year && a.registeredOn <= b.registeredOn)).toBe(true);
    }
    // The year-end peak: December holds more contracts than any other month.
    const months = new Map<string, number>();
    for (const c of demo) {
      months.set(c.registeredOn.slice(5, 7), (months.get(c.registeredOn.slice(5, 7)) ?? 0) + 1);
    }
    expect([...months].sort((a, b) => b[1] - a[1])[0]![0]).toBe('12');
  });
});

describe('determinism and streaming', () => {
  const digest = (contracts: Iterable<GeneratedContract>) => {
    const h = createHash('sha256');
    for (const c of contracts) {
      h.update(JSON.stringify(c));
    }
    return h.digest('hex');
  };

  it('gives the same contracts for the same seed and others for another seed', () => {
    expect(digest(generateNationalContracts(series, { scale: 1 / 1000, seed: 7, regionCodes }))).toBe(digest(demo));
    expect(digest(generateNationalContracts(series, { scale: 1 / 1000, seed: 8, regionCodes }))).not.toBe(digest(demo));
  });

  it('draws every year from its own stream', () => {
    const only2019 = [
      ...generateNationalContracts(
        series.filter((s) => s.year === 2019),
        { scale: 1 / 1000, seed: 7, regionCodes },
      ),
    ];
    expect(digest(only2019)).toBe(digest(demo.filter((c) => c.year === 2019)));
  });

  it('yields a year before planning the next', () => {
    const broken: NationalSeries = [series[0]!, { year: 2030, turnoverFen: 100n, contracts: 1_000_000 }];
    const gen = generateNationalContracts(broken, { scale: 1 / 1000, seed: 7, regionCodes });
    let yielded = 0;
    expect(() => {
      for (const c of gen) {
        expect(c.year).toBe(2013);
        yielded++;
      }
    }).toThrow(/2030/);
    expect(yielded).toBe(295);
  });

  it('refuses region lists without mainland counties and amounts it cannot fit under the cap', () => {
    expect(() => [
      ...generateNationalContracts(series, { scale: 1 / 1000, seed: 1, regionCodes: [{ province: '810000', counties: [] }] }),
    ]).toThrow(/province/);
    expect(() => [...generateNationalContracts(series, { scale: 1e-9, seed: 1, regionCodes, maxAmountFen: 1_000_000 })]).toThrow(
      /cannot split/,
    );
  });
});
