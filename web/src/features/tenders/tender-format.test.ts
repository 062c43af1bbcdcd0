import { describe, expect, it } from 'vitest';
import { formatScoreX100 } from '#shared/contracts/tenders.contract';
import { formatRemaining, msUntil } from '../../shared/i18n/format';
import { weightSum } from './tender-format';

describe('tender formatting', () => {
  it('shows scores kept ×100 with two decimals', () => {
    expect(formatScoreX100(8_735)).toBe('87.35');
    expect(formatScoreX100(10_000)).toBe('100.00');
    expect(formatScoreX100(7)).toBe('0.07');
    expect(formatScoreX100(null)).toBe('—');
  });

  it('counts down by the server clock and stops at the deadline', () => {
    const deadline = '2026-11-27T10:00:00.000Z';
    const now = new Date('2026-11-25T08:59:30.000Z').getTime();
    // The browser is 30 s behind the server.
    const left = msUntil(deadline, now, 30_000);
    expect(left).toBe(2 * 86_400_000 + 3_600_000);
    expect(formatRemaining(left, 'zh')).toBe('2 天 01:00:00');
    expect(formatRemaining(5 * 60_000 + 9_000, 'en')).toBe('00:05:09');
    expect(msUntil(deadline, new Date(deadline).getTime(), 0)).toBe(0);
  });

  it('sums criteria weights as typed', () => {
    expect(weightSum([{ weight: 40 }, { weight: 60 }])).toBe(100);
    expect(weightSum([{ weight: 40 }, { weight: undefined }, {}])).toBe(40);
    expect(weightSum(undefined)).toBe(0);
  });
});
