import type { Lang } from '#shared/i18n/error-messages';
import type { Actor } from '#server/modules/auth/index';
import { createAchievementsContext, type AchievementsDeps } from './achievements.context';
import { createAccessUseCases } from './use-cases/access';
import { createBulkUseCases } from './use-cases/bulk';
import { createFunnelUseCases } from './use-cases/funnel';
import { createListingUseCases } from './use-cases/listings';
import { createWorkflowUseCases } from './use-cases/workflow';

export type { AchievementsDeps } from './achievements.context';

/**
 * The achievements catalogue (科技成果): listings, their lifecycle, NDA access, enquiries and the
 * owner funnel. Each group of use cases lives in `use-cases/`; this composes them.
 */
export function createAchievementsService(deps: AchievementsDeps) {
  const ctx = createAchievementsContext(deps);
  const listings = createListingUseCases(ctx);
  const presentById = async (actor: Actor, id: string, lang: Lang) => listings.present(actor, await ctx.load(actor, id), lang);
  const { present: _present, ...listingUseCases } = listings;
  return {
    ...listingUseCases,
    ...createWorkflowUseCases(ctx, presentById),
    ...createAccessUseCases(ctx),
    ...createFunnelUseCases(ctx),
    ...createBulkUseCases(ctx),
  };
}
export type AchievementsService = ReturnType<typeof createAchievementsService>;
