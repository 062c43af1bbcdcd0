import { describe, expect, it } from 'vitest';
import { fenToYuan, formatFen, formatFenRange, yuanToFen } from './money';

describe('yuanToFen', () => {
  it('converts typed and numeric 元 to integer 分 exactly', () => {
    expect(yuanToFen('12.34')).toBe(1234);
    expect(yuanToFen('12.3')).toBe(1230);
    expect(yuanToFen('12.')).toBe(1200);
    expect(yuanToFen(0.1)).toBe(10);
    expect(yuanToFen(0.29)).toBe(29); // 0.29 * 100 = 28.999999999999996 in floating point
    expect(yuanToFen(1_234_567.89)).toBe(123_456_789);
    expect(yuanToFen('1,000,000')).toBe(100_000_000);
    expect(yuanToFen(0)).toBe(0);
  });

  it('returns null for empty, negative, over-precise, non-numeric and out-of-range input', () => {
    expect(yuanToFen('')).toBeNull();
    expect(yuanToFen('  ')).toBeNull();
    expect(yuanToFen(null)).toBeNull();
    expect(yuanToFen(undefined)).toBeNull();
    expect(yuanToFen('-1')).toBeNull();
    expect(yuanToFen(-1)).toBeNull();
    expect(yuanToFen('1.234')).toBeNull();
    expect(yuanToFen('abc')).toBeNull();
    expect(yuanToFen(Number.NaN)).toBeNull();
    expect(yuanToFen('10000000000001')).toBeNull(); // 1e13 元 + 1 > 1e15 分
  });
});

describe('fenToYuan', () => {
  it('is the inverse of yuanToFen for two-decimal amounts', () => {
    for (const fen of [0, 1, 10, 99, 1234, 123_456_789]) {
      expect(yuanToFen(fenToYuan(fen))).toBe(fen);
    }
    expect(fenToYuan(null)).toBeNull();
  });
});

describe('formatFen', () => {
  it('uses 万 and 亿 in Chinese and plain grouping in English', () => {
    expect(formatFen(35_000_000, 'zh')).toBe('¥35 万');
    expect(formatFen(12_000_000_000, 'zh')).toBe('¥1.2 亿');
    expect(formatFen(1234, 'zh')).toBe('¥12.34');
    expect(formatFen(35_000_000, 'en')).toBe('¥350,000');
    expect(formatFenRange(100_000, 200_000, 'en')).toBe('¥1,000 – ¥2,000');
    expect(formatFenRange(null, 500, 'en')).toBe('¥5');
    expect(formatFenRange(null, null, 'zh')).toBeNull();
  });
});
