import type { Funnel } from '#shared/contracts/achievements.contract';
import { AppError } from '#server/lib/app-error';
import { requireUser, type Actor } from '#server/modules/auth/index';
import type { AchievementsContext } from '../achievements.context';
import { canManageListing } from '../achievements.policy';
import type { EventCount, ListingEventKind } from '../achievements.repo';
import { CHINA_OFFSET_MS } from '#shared/format/china-time';

// China has one time zone and no daylight saving time: months are counted in UTC+8.
export const FUNNEL_MONTHS = 12;

/** The last `n` China-time months up to and including the one `now` is in, oldest first, and when the first began. */
export function funnelMonths(now: Date, n = FUNNEL_MONTHS): { months: string[]; since: Date } {
  const local = new Date(now.getTime() + CHINA_OFFSET_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  const months: string[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(y, m - i, 1));
    months.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return { months, since: new Date(Date.UTC(y, m - (n - 1), 1) - CHINA_OFFSET_MS) };
}

const FIELD: Record<ListingEventKind, 'views' | 'detailOpens' | 'accessRequests' | 'enquiries'> = {
  view: 'views',
  detail_open: 'detailOpens',
  access_request: 'accessRequests',
  enquiry: 'enquiries',
};

/** Folds event counts into the funnel: all-time totals and one row per month, zeros included. Pure. */
export function buildFunnel(achievementId: string, counts: readonly EventCount[], months: readonly string[]): Funnel {
  const zero = () => ({ views: 0, detailOpens: 0, accessRequests: 0, enquiries: 0 });
  const totals = zero();
  const byMonth = new Map(months.map((month) => [month, zero()]));
  for (const c of counts) {
    const target = c.month === null ? totals : byMonth.get(c.month);
    if (target) {
      target[FIELD[c.kind]] += c.n;
    }
  }
  return { achievementId, ...totals, byMonth: months.map((month) => ({ month, ...byMonth.get(month)! })) };
}

/** The owner funnel: views → detail opens → access requests → enquiries, counted from recorded events. */
export function createFunnelUseCases(ctx: AchievementsContext) {
  const { repo, clock } = ctx.deps;
  return {
    /** Counts recorded events only: no estimates, no display multipliers. Owner side only. */
    async funnel(actor: Actor, id: string): Promise<Funnel> {
      requireUser(actor);
      const l = await ctx.load(actor, id);
      if (!canManageListing(l.roles)) {
        throw new AppError('common/forbidden', 'the funnel is for the owner side');
      }
      const { months, since } = funnelMonths(clock.now());
      return buildFunnel(id, await repo.eventCounts('achievement', id, since), months);
    },
  };
}
