import { describe, expect, it } from 'vitest';
import { formatRemaining, msUntil } from '../../shared/i18n/format';
import { formatYuanExact, mergeBids, newClientKey } from './auction-format';

const bid = (seq: number, amountFen: number) => ({ seq, amountFen, paddleNo: 101, kind: 'manual' as const, placedAt: '2026-11-25T00:00:00Z' });

describe('auction formatting', () => {
  it('shows exact yuan from fen', () => {
    expect(formatYuanExact(51_230_000)).toBe('¥512,300.00');
    expect(formatYuanExact(5)).toBe('¥0.05');
  });
  it('counts down on the server clock', () => {
    const local = Date.parse('2026-11-25T00:00:00Z');
    // The server is 10 s ahead of this browser.
    expect(msUntil('2026-11-25T00:01:00Z', local, 10_000)).toBe(50_000);
    expect(msUntil('2026-11-24T00:00:00Z', local, 0)).toBe(0);
    expect(formatRemaining(50_000, 'zh')).toBe('00:00:50');
    expect(formatRemaining(2 * 86_400_000 + 3_661_000, 'zh')).toBe('2 天 01:01:01');
    expect(formatRemaining(2 * 86_400_000, 'en')).toBe('2d 00:00:00');
  });
  it('merges bids newest first without duplicates', () => {
    expect(mergeBids([bid(2, 20), bid(1, 10)], [bid(3, 30), bid(2, 20)]).map((b) => b.seq)).toEqual([3, 2, 1]);
  });
  it('makes client keys the server accepts', () => {
    expect(newClientKey()).toMatch(/^[A-Za-z0-9_.:-]{8,100}$/);
    expect(newClientKey()).not.toBe(newClientKey());
  });
});
