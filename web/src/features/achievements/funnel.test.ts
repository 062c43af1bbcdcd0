import type { Funnel } from '#shared/contracts/achievements.contract';
import { describe, expect, it } from 'vitest';
import { sumFunnels } from './funnel';

const f = (views: number, detailOpens: number, accessRequests: number, enquiries: number): Funnel => ({
  achievementId: '00000000-0000-4000-8000-000000000000',
  views,
  detailOpens,
  accessRequests,
  enquiries,
  byMonth: [],
});

describe('sumFunnels', () => {
  it('adds the recorded counts stage by stage and skips funnels not loaded yet', () => {
    expect(sumFunnels([f(10, 4, 2, 1), undefined, f(3, 1, 0, 2)])).toEqual({ views: 13, detailOpens: 5, accessRequests: 2, enquiries: 3 });
    expect(sumFunnels([])).toEqual({ views: 0, detailOpens: 0, accessRequests: 0, enquiries: 0 });
  });
});
