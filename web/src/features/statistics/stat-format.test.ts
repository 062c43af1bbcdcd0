import { describe, expect, it } from 'vitest';
import {
  coverageRatio,
  fenToUnitNumber,
  formatCountPlain,
  formatFenSum,
  formatGrowth,
  formatShare,
  growthPct,
  parseFen,
  pickUnit,
  subtractFen,
  sumFen,
} from './stat-format';

describe('formatFenSum', () => {
  it('prints the 2024 national 成交额 (68,354.0 亿元 = 6.8354×10^14 fen)', () => {
    // 1 亿元 = 10^8 元 = 10^10 分
    expect(formatFenSum('683540000000000', 'yi')).toBe('68,354.00');
    expect(formatFenSum('683540000000000', 'wan')).toBe('683,540,000.00');
  });

  it('is exact beyond 2^53 where a float would lose the last fen', () => {
    // 2^53 + 1 fen does not survive parseFloat
    const s = (2n ** 53n + 1n).toString();
    expect(Number(s)).toBe(2 ** 53);
    expect(formatFenSum(s, 'wan', 6)).toBe('9,007,199,254.740993');
    // a 12-year national sum (≈ 4.6×10^17 fen)
    expect(formatFenSum('456789012345678901', 'yi', 4)).toBe('45,678,901.2346');
  });

  it('rounds half away from zero, also for negative amounts', () => {
    expect(formatFenSum('1500000', 'wan', 0)).toBe('2'); // 1.5 万元
    expect(formatFenSum('1499999', 'wan', 0)).toBe('1');
    expect(formatFenSum('-1500000', 'wan', 0)).toBe('-2');
    expect(formatFenSum('5000', 'wan')).toBe('0.01'); // 50 元 = 0.005 万元
    expect(formatFenSum('4999', 'wan')).toBe('0.00');
    expect(formatFenSum('-4999', 'wan')).toBe('0.00');
  });

  it('prints 万元 with grouping', () => {
    expect(formatFenSum('123456789012', 'wan')).toBe('123,456.79');
    expect(formatFenSum('0', 'yi')).toBe('0.00');
  });

  it('answers — for missing or malformed sums instead of NaN', () => {
    expect(formatFenSum(null, 'yi')).toBe('—');
    expect(formatFenSum('12.5', 'yi')).toBe('—');
    expect(formatFenSum('1e10', 'yi')).toBe('—');
    expect(formatFenSum('', 'yi')).toBe('—');
  });
});

describe('fenToUnitNumber / pickUnit / sums', () => {
  it('gives chart numbers in the unit', () => {
    expect(fenToUnitNumber('683540000000000', 'yi')).toBe(68354);
    expect(fenToUnitNumber('12345678', 'wan')).toBe(12.3457);
    expect(fenToUnitNumber('bad', 'wan')).toBe(0);
  });

  it('picks 亿元 once an amount reaches one 亿元', () => {
    expect(pickUnit(['9999999999', '5'])).toBe('wan');
    expect(pickUnit(['10000000000'])).toBe('yi');
    expect(pickUnit(['-20000000000'])).toBe('yi');
    expect(pickUnit([])).toBe('wan');
  });

  it('adds and subtracts with BigInt', () => {
    const big = '9007199254740993';
    expect(sumFen([big, big, null, 'x'])).toBe('18014398509481986');
    expect(subtractFen('100', big)).toBe('-9007199254740893');
    expect(parseFen('-12')).toBe(-12n);
    expect(parseFen('1.0')).toBeNull();
  });
});

describe('growth, share, coverage, counts', () => {
  it('signs growth and leaves missing comparisons empty', () => {
    expect(formatGrowth(5.06)).toBe('+5.1%');
    expect(formatGrowth(-2)).toBe('-2.0%');
    expect(formatGrowth(-0.01)).toBe('0.0%');
    expect(formatGrowth(null)).toBe('—');
    expect(formatGrowth(Number.POSITIVE_INFINITY)).toBe('—');
  });

  it('prints shares and county coverage', () => {
    expect(formatShare(45.79)).toBe('45.8%');
    expect(formatShare(null)).toBe('—');
    expect(coverageRatio(1, 3)).toBe(33.3);
    expect(coverageRatio(0, 0)).toBeNull();
  });

  it('groups counts', () => {
    expect(formatCountPlain(994000)).toBe('994,000');
    expect(formatCountPlain(0)).toBe('0');
    expect(formatCountPlain(null)).toBe('—');
  });
});

describe('growthPct', () => {
  it('computes growth from fen sums with BigInt, rounded to a tenth', () => {
    expect(growthPct('683540000000000', '614756600000000')).toBe(11.2);
    expect(growthPct('90', '100')).toBe(-10);
    expect(growthPct('1000', '3000')).toBe(-66.7);
    expect(growthPct('2000', '3000')).toBe(-33.3);
    expect(growthPct('1001', '1000')).toBe(0.1);
    expect(growthPct('10005', '10000')).toBe(0.1); // 0.05 % rounds up
    expect(growthPct('9995', '10000')).toBe(-0.1);
    expect(growthPct('5', '0')).toBeNull();
    expect(growthPct('5', null)).toBeNull();
  });
});
