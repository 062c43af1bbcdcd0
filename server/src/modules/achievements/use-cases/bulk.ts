import type { Achievement, AchievementQuery, AchievementStatus, PatchAchievement } from '#shared/contracts/achievements.contract';
import type { DbConn } from '#server/db/types';
import { AppError } from '#server/lib/app-error';
import { newChainId } from '#server/lib/ids';
import { canAdministerRegion, membershipIn, requireUser, type Actor } from '#server/modules/auth/index';
import { isStale } from '../achievement.workflow';
import type { AchievementsContext, CheckedFields } from '../achievements.context';
import { auditStateOfAchievement, toAchievementDto, toSearchDocument } from '../achievements.mapper';
import { isTtoOfficerOf, workflowRolesOf, workingOrgIds } from '../achievements.policy';
import type { AchievementInsert, AchievementRow, OwnerOrgRow } from '../achievements.repo';

/**
 * One listing of a bulk import (汇交): the fields present in the file (absent fields are left as
 * they are on re-import), keyed by the organisation's own external id.
 */
export type ImportListing = Omit<PatchAchievement, 'externalId'> & { externalId: string; title: string; abstract: string };

/** What happened to one listing of a batch. */
export type ImportOutcome =
  | { index: number; externalId: string; id: string; action: 'created' | 'updated' | 'unchanged'; status: AchievementStatus }
  | {
      index: number;
      externalId: string;
      error: { field: string; code: 'not_editable' | 'publish_not_allowed'; params: Record<string, unknown> };
    };

/**
 * Who may bulk-import for an organisation: its owners and admins, its TTO officers, and platform or
 * regional admins whose region covers it. Plain members create listings one by one.
 */
export function canImportFor(actor: Actor, org: { id: string; regionCode: string }): boolean {
  const m = membershipIn(actor, org.id);
  return m?.role === 'owner' || m?.role === 'admin' || isTtoOfficerOf(actor, org.id) || canAdministerRegion(actor, org.regionCode);
}

/** Publishing on import skips the review step, so it needs a reviewer or admin role on the listing. */
export function canPublishImport(actor: Actor, org: OwnerOrgRow, regionCode: string): boolean {
  const roles = workflowRolesOf(actor, { ownerOrgId: org.id, regionCode, status: 'submitted' }, org);
  return roles.includes('reviewer') || roles.includes('admin');
}

const CONTENT_KEYS = [
  'title',
  'abstract',
  'detail',
  'keywords',
  'domainCode',
  'industryCodes',
  'discipline',
  'trl',
  'trlEvidence',
  'ip',
  'team',
  'regionCode',
  'funding',
  'awards',
  'transferModes',
  'priceMode',
  'priceMinFen',
  'priceMaxFen',
  'openLicence',
  'dualUse',
  'exportControlled',
  'comparison',
  'applications',
] as const satisfies readonly (keyof ImportListing & keyof AchievementRow)[];

/** The stored values an import row would change (only keys present in the row). Pure. */
export function changedFields(row: AchievementRow, input: ImportListing): Partial<AchievementInsert> {
  const out: Record<string, unknown> = {};
  for (const key of CONTENT_KEYS) {
    const v = input[key];
    if (v === undefined) {
      continue;
    }
    if (JSON.stringify(v) !== JSON.stringify(row[key] ?? null)) {
      out[key] = v;
    }
  }
  return out;
}

/** Bulk import (汇交) and export of achievements: the write path the imports module drives. */
export function createBulkUseCases(ctx: AchievementsContext) {
  const { repo, audit, clock, searchIndex } = ctx.deps;

  return {
    /**
     * The organisation an import writes to, by id or unified social credit code, and whether the
     * actor may publish on import. `ref` may be omitted when the actor works for exactly one
     * organisation. 403 when the actor may not import for it.
     */
    async importTarget(actor: Actor, ref: string | undefined): Promise<{ org: OwnerOrgRow; mayPublish: boolean }> {
      requireUser(actor);
      let org: OwnerOrgRow | undefined;
      if (ref === undefined || ref === '') {
        const mine = workingOrgIds(actor);
        if (mine.length !== 1) {
          throw new AppError('import/org_required', 'name the organisation to import for', undefined, { count: mine.length });
        }
        org = await repo.findOrg(mine[0]!);
      } else {
        org = await repo.findOrgByRef(ref);
      }
      if (!org) {
        throw new AppError('organisation/not_found', `organisation ${ref ?? ''} not found`);
      }
      if (!canImportFor(actor, org)) {
        throw new AppError('common/forbidden', 'bulk import needs an owner, admin or TTO officer of the organisation, or a region admin');
      }
      return { org, mayPublish: canPublishImport(actor, org, org.regionCode) };
    },

    /** The owning organisation as the import policy sees it (for reading import jobs). */
    async findOwnerOrg(orgId: string): Promise<OwnerOrgRow | undefined> {
      return repo.findOrg(orgId);
    },

    /**
     * Reference-data checks of one listing (region, domain, industry codes, price range) as a field
     * error, or null. Code lists are cached by the context; region existence is looked up.
     */
    async checkImportFields(input: CheckedFields): Promise<AppError | null> {
      try {
        await ctx.checkFields(input);
        return null;
      } catch (e) {
        if (e instanceof AppError) {
          return e;
        }
        throw e;
      }
    },

    /**
     * Writes one batch inside the caller's transaction `tx`: creates listings whose external id is
     * new to the organisation, updates those whose content changed (drafts and withdrawn listings;
     * submitted and published ones only when publishing), leaves identical ones alone. With
     * `publish`, the listings end published (and indexed). One audit event per written listing.
     * The caller has checked `importTarget` and the rows' fields; external ids are unique in `rows`.
     */
    async importBatch(
      actor: Actor,
      org: OwnerOrgRow,
      rows: readonly ImportListing[],
      opts: { publish: boolean },
      tx: DbConn,
    ): Promise<ImportOutcome[]> {
      const me = requireUser(actor);
      if (!canImportFor(actor, org)) {
        throw new AppError('common/forbidden', 'bulk import not allowed for this organisation');
      }
      const now = clock.now();
      const createdBy = me.via === 'system' ? null : me.userId;
      const existing = new Map<string, AchievementRow>();
      const ids = rows.map((r) => r.externalId);
      if (ids.length) {
        for (const row of await repo.findByExternalIds(tx, org.id, ids)) {
          existing.set(row.externalId!, row);
        }
      }
      const published = (): Partial<AchievementInsert> => ({
        status: 'published',
        submittedAt: now,
        publishedAt: now,
        confirmedAt: now,
        reviewedBy: createdBy,
        reviewedAt: now,
        reviewNote: 'import',
      });
      const outcomes: ImportOutcome[] = [];
      const writes: { index: number; before: AchievementRow | null; values: AchievementInsert }[] = [];

      for (const [index, input] of rows.entries()) {
        const before = existing.get(input.externalId) ?? null;
        const regionCode = input.regionCode ?? before?.regionCode ?? org.regionCode;
        if (opts.publish && !canPublishImport(actor, org, regionCode)) {
          outcomes.push({
            index,
            externalId: input.externalId,
            error: { field: 'regionCode', code: 'publish_not_allowed', params: { regionCode } },
          });
          continue;
        }
        if (!before) {
          writes.push({
            index,
            before,
            values: {
              ...(input as Partial<AchievementInsert>),
              chainId: newChainId('A', now),
              ownerOrgId: org.id,
              createdBy,
              regionCode,
              externalId: input.externalId,
              ...(opts.publish ? published() : {}),
            } as AchievementInsert,
          });
          continue;
        }
        const changes = changedFields(before, input);
        const toPublish = opts.publish && before.status !== 'published';
        if (Object.keys(changes).length === 0 && !toPublish) {
          outcomes.push({ index, externalId: input.externalId, id: before.id, action: 'unchanged', status: before.status });
          continue;
        }
        const editable =
          before.status === 'draft' ||
          before.status === 'withdrawn' ||
          (opts.publish && (before.status === 'submitted' || before.status === 'published'));
        if (!editable) {
          outcomes.push({
            index,
            externalId: input.externalId,
            error: { field: 'externalId', code: 'not_editable', params: { status: before.status, externalId: input.externalId } },
          });
          continue;
        }
        // The complete row: the upsert sets every column from it.
        const { id: _id, createdAt: _c, ...current } = before;
        writes.push({
          index,
          before,
          values: { ...current, ...changes, ...(toPublish ? published() : opts.publish ? { confirmedAt: now } : {}), updatedAt: now },
        });
      }

      const saved = new Map(
        (
          await repo.upsertByExternalIds(
            tx,
            writes.map((w) => w.values),
          )
        ).map((r) => [r.externalId!, r]),
      );
      const written = writes.map((w) => ({ ...w, after: saved.get(w.values.externalId!)! }));
      await audit.recordMany(
        tx,
        written.map((w) => ({
          actor,
          action: w.before ? 'achievement.reimported' : 'achievement.imported',
          entityType: 'achievement',
          entityId: w.after.id,
          ...(w.before ? { before: auditStateOfAchievement(w.before) } : {}),
          after: auditStateOfAchievement(w.after),
        })),
      );
      for (const w of written) {
        if (searchIndex && w.after.status === 'published') {
          await searchIndex.upsert(toSearchDocument(w.after, org), tx);
        }
        outcomes.push({
          index: w.index,
          externalId: w.after.externalId!,
          id: w.after.id,
          action: w.before ? 'updated' : 'created',
          status: w.after.status,
        });
      }
      return outcomes.sort((x, y) => x.index - y.index);
    },

    /**
     * One page of listings for export, full public fields (never the NDA-gated detail): the public
     * directory of published listings, or (`mine`) the caller's organisations' listings.
     */
    async exportPage(actor: Actor, q: AchievementQuery): Promise<{ items: Achievement[]; total: number }> {
      const mine = q.mine === true;
      if (mine) {
        requireUser(actor);
      }
      const scope = mine ? { orgIds: workingOrgIds(actor) } : ('public' as const);
      const { items, total } = await repo.page(q, scope);
      const names = await ctx.deps.regionNames([...new Set(items.map((r) => r.a.regionCode))]);
      const now = clock.now();
      return {
        items: items.map(({ a, org }) =>
          toAchievementDto(a, org, {
            regionName: names.get(a.regionCode) ?? a.regionCode,
            stale: isStale(a.status, a.confirmedAt, now),
            showDetail: false,
          }),
        ),
        total,
      };
    },
  };
}
