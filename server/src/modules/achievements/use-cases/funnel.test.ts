import { describe, expect, it } from 'vitest';
import { buildFunnel, funnelMonths } from './funnel';

describe('funnelMonths', () => {
  it('lists the last 12 China-time months, oldest first, and when the first began', () => {
    const { months, since } = funnelMonths(new Date('2026-03-15T00:00:00Z'));
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2025-04');
    expect(months[11]).toBe('2026-03');
    expect(since.toISOString()).toBe('2025-03-31T16:00:00.000Z'); // 2025-04-01 00:00 in Beijing
  });
  it('uses the Beijing date near midnight UTC', () => {
    expect(funnelMonths(new Date('2026-01-31T16:30:00Z'), 1).months).toEqual(['2026-02']);
    expect(funnelMonths(new Date('2026-01-31T15:30:00Z'), 1).months).toEqual(['2026-01']);
  });
});

describe('buildFunnel', () => {
  it('adds totals and fills every month, zeros included, ignoring months outside the window', () => {
    const months = ['2026-02', '2026-03'];
    const f = buildFunnel(
      'a',
      [
        { kind: 'view', month: null, n: 7 },
        { kind: 'enquiry', month: null, n: 1 },
        { kind: 'view', month: '2026-03', n: 5 },
        { kind: 'view', month: '2025-01', n: 2 },
        { kind: 'detail_open', month: '2026-02', n: 1 },
      ],
      months,
    );
    expect(f).toEqual({
      achievementId: 'a',
      views: 7,
      detailOpens: 0,
      accessRequests: 0,
      enquiries: 1,
      byMonth: [
        { month: '2026-02', views: 0, detailOpens: 1, accessRequests: 0, enquiries: 0 },
        { month: '2026-03', views: 5, detailOpens: 0, accessRequests: 0, enquiries: 0 },
      ],
    });
  });
});
