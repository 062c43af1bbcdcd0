export { createAchievementsRepo, type AchievementsRepo } from './achievements.repo';
export { createAchievementsService, type AchievementsService, type AchievementsDeps } from './achievements.service';
export { achievementsRoutes } from './achievements.routes';
export { createCodeChecker, type SearchDocument, type SearchIndexHook, type UnknownCodes } from './search-index';
export { isStale, isEditable } from './achievement.workflow';
export { toSearchDocument } from './achievements.mapper';
// For the matching module (similar/matching hits reuse the summary shape; owner-side checks).
export { toAchievementSummary } from './achievements.mapper';
export { workflowRolesOf, isOwnerSide } from './achievements.policy';
export type { AchievementRow, OwnerOrgRow } from './achievements.repo';
export { canImportFor, changedFields, type ImportListing, type ImportOutcome } from './use-cases/bulk';
