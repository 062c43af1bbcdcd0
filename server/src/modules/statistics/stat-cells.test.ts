import { describe, expect, it } from 'vitest';
import { cellDeltas, cellKey, DeltaAccumulator, mergeDeltas, regionLevels, type ContractForStats } from './stat-cells';

const base: ContractForStats = {
  status: 'registered',
  registeredOn: '2026-03-15',
  subtype: 'TRF-PAT',
  recognisedSubtype: null,
  seller: { type: 'university', enterpriseOwnership: null, countryCode: 'CN' },
  buyer: { type: 'enterprise', enterpriseOwnership: 'foreign', countryCode: 'CN' },
  sellerRegionCode: '110108',
  buyerRegionCode: '440305',
  technologyDomain: 'TD07',
  industrySection: 'C',
  ipTypes: ['patent_invention', 'technical_secret'],
  planCategory: 'none',
  socioEconomicObjective: 'SE06',
  crossBorder: 'domestic',
  contractAmountFen: 1_000,
  techAmountFen: 800,
  recognisedTechAmountFen: null,
};

const find = (d: ReturnType<typeof cellDeltas>, k: Partial<ReturnType<typeof cellDeltas>[number]>) =>
  d.filter((c) => Object.entries(k).every(([key, v]) => (c as Record<string, unknown>)[key] === v));

describe('regionLevels', () => {
  it('rolls a county up to its city and province; a province-level code has only itself', () => {
    expect(regionLevels('440305')).toEqual({ province: '440000', city: '440300', county: '440305' });
    expect(regionLevels('440300')).toEqual({ province: '440000', city: '440300', county: null });
    expect(regionLevels('110000')).toEqual({ province: '110000', city: null, county: null });
    expect(regionLevels('000000')).toEqual({ province: '000000', city: null, county: null });
  });
});

describe('cellDeltas', () => {
  it('counts a registered contract once per dimension and side: province by month, city and county by year', () => {
    const d = cellDeltas(base, 1);
    const totals = find(d, { dimension: 'total', side: 'out' });
    expect(totals.map((c) => [c.region, c.period])).toEqual([
      ['110000', 202603],
      ['110100', 2026],
      ['110108', 2026],
    ]);
    expect(totals.every((c) => c.n === 1 && c.amountFen === 1000n && c.techAmountFen === 800n)).toBe(true);
    // Inflow by the buyer's region; the flow names the other side's province.
    expect(find(d, { dimension: 'total', side: 'in' }).map((c) => c.region)).toEqual(['440000', '440300', '440305']);
    expect(find(d, { dimension: 'flow', side: 'out' }).map((c) => [c.region, c.value])).toEqual([['110000', '440000']]);
    expect(find(d, { dimension: 'seller_type', side: 'out', region: '110000' })[0]?.value).toBe('university');
    expect(find(d, { dimension: 'buyer_type', side: 'out', region: '110000' })[0]?.value).toBe('enterprise.foreign');
    // The first IP type is the statistical one; counties keep only total and type.
    expect(find(d, { dimension: 'ip_type', side: 'out', region: '110000' })[0]?.value).toBe('patent_invention');
    expect(find(d, { dimension: 'ip_type', region: '110108' })).toEqual([]);
    expect(find(d, { dimension: 'type', region: '110108', side: 'out' })[0]?.value).toBe('TRF');
    expect(find(d, { dimension: 'country' })).toEqual([]);
  });

  it('uses what the registry recognised: another sub-type and a lower technology amount', () => {
    const d = cellDeltas({ ...base, recognisedSubtype: 'SVC', recognisedTechAmountFen: 500 }, 1);
    const t = find(d, { dimension: 'type', side: 'out', region: '110000' })[0]!;
    expect(t.value).toBe('SVC');
    expect(t.techAmountFen).toBe(500n);
  });

  it('puts a party abroad under 000000 and adds the country of cross-border contracts', () => {
    const d = cellDeltas({ ...base, crossBorder: 'import', seller: { type: 'enterprise', enterpriseOwnership: 'foreign', countryCode: 'DE' }, sellerRegionCode: null }, 1);
    expect(find(d, { dimension: 'total', side: 'out' }).map((c) => c.region)).toEqual(['000000']);
    expect(find(d, { dimension: 'country', side: 'in' }).map((c) => [c.region, c.value])).toEqual([['440000', 'DE']]);
    expect(find(d, { dimension: 'flow', side: 'in' }).map((c) => c.value)).toEqual(['000000']);
  });

  it('contributes nothing unless registered (or awaiting a change)', () => {
    for (const status of ['draft', 'submitted', 'returned', 'rejected', 'withdrawn', 'cancelled'] as const) {
      expect(cellDeltas({ ...base, status }, 1)).toEqual([]);
    }
    expect(cellDeltas({ ...base, status: 'change_requested' }, 1).length).toBeGreaterThan(0);
  });
});

describe('mergeDeltas', () => {
  it('an unchanged contract nets to nothing; an amendment leaves only the difference, in key order', () => {
    expect(mergeDeltas([...cellDeltas(base, -1), ...cellDeltas(base, 1)])).toEqual([]);
    const amended = mergeDeltas([...cellDeltas(base, -1), ...cellDeltas({ ...base, contractAmountFen: 1_500 }, 1)]);
    expect(amended.every((c) => c.n === 0 && c.amountFen === 500n && c.techAmountFen === 0n)).toBe(true);
    const keys = amended.map(cellKey);
    expect([...keys].sort()).toEqual(keys);
    const moved = mergeDeltas([...cellDeltas(base, -1), ...cellDeltas({ ...base, technologyDomain: 'TD01' }, 1)]);
    expect(moved.map((c) => `${c.region}:${c.value}:${c.n}`).filter((k) => k.startsWith('110000')).sort()).toEqual(['110000:TD01:1', '110000:TD07:-1']);
  });
});

describe('DeltaAccumulator', () => {
  it('gives the same cells as merging the deltas one by one', () => {
    const others = [base, { ...base, registeredOn: '2026-04-01', technologyDomain: 'TD01' }, { ...base, buyerRegionCode: null, crossBorder: 'export' as const, buyer: { type: 'enterprise', enterpriseOwnership: null, countryCode: 'US' } }];
    const acc = new DeltaAccumulator();
    others.forEach((c) => acc.add(c, 1));
    acc.add(others[1]!, -1);
    expect(acc.result()).toEqual(mergeDeltas([...others.flatMap((c) => cellDeltas(c, 1)), ...cellDeltas(others[1]!, -1)]));
  });

  it('stays exact past 2^53 fen', () => {
    const huge = { ...base, contractAmountFen: 9_000_000_000_000_000, techAmountFen: 9_000_000_000_000_000 };
    const acc = new DeltaAccumulator();
    acc.add(huge, 1);
    acc.add(huge, 1);
    const total = acc.result().find((c) => c.dimension === 'total' && c.side === 'out' && c.region === '110000')!;
    expect(total.amountFen).toBe(18_000_000_000_000_000n);
    expect(total.n).toBe(2);
  });
});
