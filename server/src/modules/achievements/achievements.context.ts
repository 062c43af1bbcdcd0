import type { Db, DbConn } from '#server/db/types';
import { AppError } from '#server/lib/app-error';
import type { Clock } from '#server/lib/clock';
import { fieldError } from '#server/lib/field-error';
import type { AuditService } from '#server/modules/audit/index';
import type { Actor } from '#server/modules/auth/index';
import type { WorkflowRole } from './achievement.workflow';
import { canViewListing, workflowRolesOf } from './achievements.policy';
import type { AchievementsRepo, AchievementWithOrg } from './achievements.repo';
import type { SearchIndexHook, UnknownCodes } from './search-index';

export type AchievementsDeps = {
  db: Db;
  repo: AchievementsRepo;
  audit: AuditService;
  clock: Clock;
  regionExists: (code: string) => Promise<boolean>;
  regionNames: (codes: string[]) => Promise<Map<string, string>>;
  /** Technology-domain and industry code checks (regions module's code lists). */
  unknownCodes: UnknownCodes;
  /** The search module's index; absent, listings are simply not indexed. */
  searchIndex?: SearchIndexHook;
};

/** A listing as one actor sees it: the rows and the workflow roles the actor holds on it. */
export type LoadedListing = AchievementWithOrg & { roles: WorkflowRole[] };

/** Fields whose codes and ranges are checked against reference data before a write. */
export type CheckedFields = {
  regionCode?: string | null;
  domainCode?: string | null;
  industryCodes?: readonly string[];
  priceMinFen?: number | null;
  priceMaxFen?: number | null;
};

/** Shared helpers of the achievements use cases. */
export function createAchievementsContext(deps: AchievementsDeps) {
  const { repo, regionNames } = deps;

  const notFound = (id: string) => new AppError('achievement/not_found', `achievement ${id} not found`);

  return {
    deps,
    notFound,

    /** Loads a listing the actor may see (404 otherwise, so hidden listings do not leak). */
    async load(actor: Actor, id: string, conn?: DbConn, forUpdate = false): Promise<LoadedListing> {
      const row = await repo.findById(id, conn, forUpdate);
      if (!row) {
        throw notFound(id);
      }
      const roles = workflowRolesOf(actor, row.a, row.org);
      if (!canViewListing(row.a, roles)) {
        throw notFound(id);
      }
      return { ...row, roles };
    },

    async regionName(code: string): Promise<string> {
      return (await regionNames([code])).get(code) ?? code;
    },

    /**
     * Domain invariants the schema cannot see: known region, domain and industry codes, and
     * min ≤ max on the price range (on the values as they will be stored).
     */
    async checkFields(f: CheckedFields): Promise<void> {
      if (f.regionCode && !(await deps.regionExists(f.regionCode))) {
        throw fieldError('region/unknown_code', 'regionCode', { code: f.regionCode });
      }
      if (f.domainCode) {
        const [unknown] = await deps.unknownCodes('technology-domains', [f.domainCode]);
        if (unknown !== undefined) {
          throw fieldError('achievement/unknown_code', 'domainCode', { codes: unknown });
        }
      }
      if (f.industryCodes?.length) {
        const unknown = await deps.unknownCodes('industries', f.industryCodes);
        if (unknown.length) {
          throw fieldError('achievement/unknown_code', `industryCodes.${f.industryCodes.indexOf(unknown[0]!)}`, { codes: unknown.join('、') });
        }
      }
      if (typeof f.priceMinFen === 'number' && typeof f.priceMaxFen === 'number' && f.priceMinFen > f.priceMaxFen) {
        throw fieldError('achievement/price_range_invalid', 'priceMaxFen', { min: f.priceMinFen, max: f.priceMaxFen });
      }
    },
  };
}
export type AchievementsContext = ReturnType<typeof createAchievementsContext>;
