import { describe, expect, it } from 'vitest';
import { criteriaProblems, type TenderCriterion } from '#shared/contracts/tenders.contract';
import { formatScoreX100 } from '#shared/contracts/tenders.contract';
import { isFullyScored, priceScoreX100, rankProposals, totalScoreX100, withPriceScores } from './tender.scoring';

const CRITERIA: TenderCriterion[] = [
  { key: 'price', label: '报价', weight: 40, kind: 'price' },
  { key: 'tech', label: '技术方案', weight: 45, kind: 'manual' },
  { key: 'team', label: '团队', weight: 15, kind: 'manual' },
];

describe('price score', () => {
  it('is lowest / price × 100, rounded half up to 2 decimals, in integers', () => {
    expect(priceScoreX100(100_000, 100_000)).toBe(10_000);
    expect(priceScoreX100(100_000, 120_000)).toBe(8_333); // 83.333…
    expect(priceScoreX100(200_000, 300_000)).toBe(6_667); // 66.666… → 66.67
    expect(priceScoreX100(1, 8)).toBe(1_250); // 12.5 exactly
    expect(priceScoreX100(1, 16)).toBe(625); // 6.25 exactly
    expect(priceScoreX100(1, 160_000)).toBe(0); // 0.000625 → 0.00
  });

  it('rounds exactly half up at the third decimal', () => {
    // 1 / 800 × 100 = 0.125 → 0.13 (×100 = 12.5 → 13)
    expect(priceScoreX100(1, 800)).toBe(13);
    // 1 / 1600 × 100 = 0.0625 → 0.06
    expect(priceScoreX100(1, 1_600)).toBe(6);
    // Beyond 2^53 the BigInt path stays exact.
    expect(priceScoreX100(900_000_000_000_000, 900_000_000_000_001)).toBe(10_000);
  });

  it('gives a zero price the full score', () => {
    expect(priceScoreX100(0, 0)).toBe(10_000);
    expect(priceScoreX100(0, 5)).toBe(0);
  });
});

describe('weighted total', () => {
  it('is Σ weight × score / 100, stored ×100, rounded half up once', () => {
    // 40 × 83.33 + 45 × 90 + 15 × 70 = 3333.2 + 4050 + 1050 = 8433.2 → /100 = 84.332 → 84.33
    expect(totalScoreX100(CRITERIA, { price: 8_333, tech: 9_000, team: 7_000 })).toBe(8_433);
    // 40 × 66.67 + 45 × 100 + 15 × 100 = 2666.8 + 6000 → 86.668 → 86.67
    expect(totalScoreX100(CRITERIA, { price: 6_667, tech: 10_000, team: 10_000 })).toBe(8_667);
    expect(totalScoreX100(CRITERIA, {})).toBe(0);
    expect(formatScoreX100(8_433)).toBe('84.33');
    expect(formatScoreX100(10_000)).toBe('100.00');
    expect(formatScoreX100(5)).toBe('0.05');
  });

  it('knows when every criterion is scored', () => {
    expect(isFullyScored(CRITERIA, { price: 1, tech: 2, team: 3 })).toBe(true);
    expect(isFullyScored(CRITERIA, { price: 1, tech: 2 })).toBe(false);
    expect(isFullyScored(CRITERIA, null)).toBe(false);
  });

  it('scores the price criterion from the lowest opened price', () => {
    const m = withPriceScores(CRITERIA, [
      { id: 'a', priceFen: 100_000, scoresX100: { tech: 9_000 } },
      { id: 'b', priceFen: 120_000, scoresX100: null },
    ]);
    expect(m.get('a')).toEqual({ tech: 9_000, price: 10_000 });
    expect(m.get('b')).toEqual({ price: 8_333 });
  });
});

describe('ranking', () => {
  const at = (s: string) => new Date(`2026-11-25T${s}:00Z`);
  it('orders by total, then lower price, then earlier submission', () => {
    const ranked = rankProposals([
      { id: 'late-cheap', totalScoreX100: 8_000, priceFen: 90, submittedAt: at('10:05') },
      { id: 'best', totalScoreX100: 9_000, priceFen: 200, submittedAt: at('10:09') },
      { id: 'early-cheap', totalScoreX100: 8_000, priceFen: 90, submittedAt: at('10:01') },
      { id: 'dear', totalScoreX100: 8_000, priceFen: 100, submittedAt: at('10:00') },
    ]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ['best', 1],
      ['early-cheap', 2],
      ['late-cheap', 3],
      ['dear', 4],
    ]);
  });
});

describe('criteria validation', () => {
  it('accepts integer weights summing to 100 with unique keys and one price criterion', () => {
    expect(criteriaProblems(CRITERIA)).toEqual([]);
    expect(criteriaProblems([{ key: 'tech', label: '技术', weight: 100, kind: 'manual' }])).toEqual([]);
  });
  it('refuses weights that do not sum to 100', () => {
    expect(
      criteriaProblems([
        { key: 'a', label: 'A', weight: 50, kind: 'manual' },
        { key: 'b', label: 'B', weight: 49, kind: 'price' },
      ]),
    ).toEqual([{ path: 'criteria', code: 'tender/criteria_weights_sum', params: { sum: 99 } }]);
    expect(
      criteriaProblems([
        { key: 'a', label: 'A', weight: 50.5, kind: 'manual' },
        { key: 'b', label: 'B', weight: 49.5, kind: 'manual' },
      ]).map((p) => p.code),
    ).toEqual(['tender/criteria_weights_sum']);
  });
  it('refuses duplicate keys and a second price criterion', () => {
    const problems = criteriaProblems([
      { key: 'p', label: 'P', weight: 30, kind: 'price' },
      { key: 'q', label: 'Q', weight: 30, kind: 'price' },
      { key: 'p', label: 'P2', weight: 40, kind: 'manual' },
    ]);
    expect(problems).toEqual([
      { path: 'criteria.2.key', code: 'tender/criteria_duplicate_key', params: { key: 'p' } },
      { path: 'criteria', code: 'tender/criteria_price_count', params: { count: 2 } },
    ]);
  });
});
