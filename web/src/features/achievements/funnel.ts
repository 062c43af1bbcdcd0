import type { Funnel } from '#shared/contracts/achievements.contract';

export const FUNNEL_STAGES = ['views', 'detailOpens', 'accessRequests', 'enquiries'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** Sums the funnels that have arrived; missing ones are left out, never guessed. */
export function sumFunnels(funnels: readonly (Funnel | undefined)[]): Record<FunnelStage, number> {
  const out = { views: 0, detailOpens: 0, accessRequests: 0, enquiries: 0 };
  for (const f of funnels) {
    if (f) {
      for (const s of FUNNEL_STAGES) {
        out[s] += f[s];
      }
    }
  }
  return out;
}
