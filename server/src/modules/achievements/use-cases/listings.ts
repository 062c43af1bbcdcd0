import type {
  Achievement,
  AchievementQuery,
  AchievementSummary,
  CreateAchievement,
  PatchAchievement,
} from '#shared/contracts/achievements.contract';
import type { Lang } from '#shared/i18n/error-messages';
import { pgErrorCode, pgErrorConstraint } from '#server/db/types';
import { AppError } from '#server/lib/app-error';
import { fieldError } from '#server/lib/field-error';
import { newChainId } from '#server/lib/ids';
import { requireUser, type Actor } from '#server/modules/auth/index';
import { scoreListing } from '../achievement.quality';
import { isEditable, isStale } from '../achievement.workflow';
import type { AchievementsContext, LoadedListing } from '../achievements.context';
import { auditStateOfAchievement, toAchievementDto, toAchievementSummary, toQualityInput } from '../achievements.mapper';
import { canCreateFor, canEditListing, canManageListing, canSeeDetail, isOwnerSide, workingOrgIds } from '../achievements.policy';
import type { AchievementInsert } from '../achievements.repo';

/** The unique (organisation, external id) constraint as a field error; anything else rethrown. */
function mapUnique(externalId: string | null | undefined) {
  return (err: unknown): never => {
    if (pgErrorCode(err) === '23505' && pgErrorConstraint(err) === 'achievements_external_id_key') {
      throw fieldError('achievement/duplicate_external_id', 'externalId', { externalId });
    }
    throw err;
  };
}

/** Creating, reading, editing and listing achievements. */
export function createListingUseCases(ctx: AchievementsContext) {
  const { db, repo, audit, clock, regionNames } = ctx.deps;

  /** The DTO as this actor may see it: detail only when permitted, quality only for the owner side. */
  async function present(actor: Actor, { a, org, roles }: LoadedListing, lang: Lang): Promise<Achievement> {
    const hasGrant = roles.length === 0 && actor.kind === 'user' ? await repo.hasGrant(a.id, actor.userId) : false;
    const stale = isStale(a.status, a.confirmedAt, clock.now());
    return toAchievementDto(a, org, {
      regionName: await ctx.regionName(a.regionCode),
      stale,
      showDetail: canSeeDetail(roles, hasGrant),
      ...(canManageListing(roles) ? { quality: scoreListing(toQualityInput(a, stale), lang) } : {}),
    });
  }

  return {
    present,

    /** Creates a draft for an organisation the actor belongs to (or is a TTO officer of). */
    async create(actor: Actor, input: CreateAchievement, lang: Lang): Promise<Achievement> {
      const me = requireUser(actor);
      const org = await repo.findOrg(input.ownerOrgId);
      if (!org) {
        throw new AppError('organisation/not_found', `organisation ${input.ownerOrgId} not found`);
      }
      if (!canCreateFor(actor, org.id)) {
        throw new AppError('common/forbidden', 'not a member or TTO officer of the owning organisation');
      }
      await ctx.checkFields(input);
      const now = clock.now();
      const { ownerOrgId, ...fields } = input;
      const row = await db
        .transaction(async (tx) => {
          const a = await repo.insert(tx, {
            ...fields,
            chainId: newChainId('A', now),
            ownerOrgId,
            createdBy: me.userId,
            regionCode: input.regionCode ?? org.regionCode,
            externalId: input.externalId ?? null,
          });
          await audit.record(tx, { actor, action: 'achievement.created', entityType: 'achievement', entityId: a.id, after: auditStateOfAchievement(a) });
          return a;
        })
        .catch(mapUnique(input.externalId));
      return present(actor, await ctx.load(actor, row.id), lang);
    },

    /**
     * One listing. Records a `view` (and a `detail_open` when the NDA-gated detail is delivered)
     * for callers outside the owner side looking at a published listing.
     */
    async get(actor: Actor, id: string, lang: Lang): Promise<Achievement> {
      const loaded = await ctx.load(actor, id);
      const dto = await present(actor, loaded, lang);
      if (loaded.a.status === 'published' && !isOwnerSide(loaded.roles)) {
        const event = { entityType: 'achievement' as const, entityId: id, actorId: actor.kind === 'user' ? actor.userId : null, occurredAt: clock.now() };
        await repo.recordEvent(db, { ...event, kind: 'view' });
        if (dto.detail !== null) {
          await repo.recordEvent(db, { ...event, kind: 'detail_open' });
        }
      }
      return dto;
    },

    /** Edits content while the listing is a draft or withdrawn (owner side only). */
    async update(actor: Actor, id: string, input: PatchAchievement, lang: Lang): Promise<Achievement> {
      requireUser(actor);
      const before = await ctx.load(actor, id);
      if (!canEditListing(before.roles)) {
        throw new AppError('common/forbidden', 'not an editor of this listing');
      }
      if (!isEditable(before.a.status)) {
        throw new AppError('achievement/not_editable', `status ${before.a.status} is not editable`, { status: before.a.status }, { status: before.a.status });
      }
      await ctx.checkFields({
        regionCode: input.regionCode,
        domainCode: input.domainCode,
        industryCodes: input.industryCodes,
        priceMinFen: input.priceMinFen === undefined ? before.a.priceMinFen : input.priceMinFen,
        priceMaxFen: input.priceMaxFen === undefined ? before.a.priceMaxFen : input.priceMaxFen,
      });
      const values = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<AchievementInsert>;
      await db
        .transaction(async (tx) => {
          // Re-read under lock: a submit may have landed since the check above.
          const locked = await ctx.load(actor, id, tx, true);
          if (!isEditable(locked.a.status)) {
            throw new AppError('achievement/not_editable', `status ${locked.a.status} is not editable`, { status: locked.a.status }, { status: locked.a.status });
          }
          const after = await repo.update(tx, id, values);
          await audit.record(tx, {
            actor,
            action: 'achievement.updated',
            entityType: 'achievement',
            entityId: id,
            before: auditStateOfAchievement(locked.a),
            after: auditStateOfAchievement(after),
          });
        })
        .catch(mapUnique(input.externalId));
      return present(actor, await ctx.load(actor, id), lang);
    },

    /** The public directory of published listings, or (`mine`) the caller's organisations' listings. */
    async list(actor: Actor, q: AchievementQuery): Promise<{ items: AchievementSummary[]; total: number; page: number; pageSize: number }> {
      const mine = q.mine === true;
      if (mine) {
        requireUser(actor);
      }
      const { items, total } = await repo.page(q, mine ? { orgIds: workingOrgIds(actor) } : 'public');
      const names = await regionNames([...new Set(items.map((r) => r.a.regionCode))]);
      const now = clock.now();
      return {
        items: items.map(({ a, org }) => {
          const stale = isStale(a.status, a.confirmedAt, now);
          const score = mine ? scoreListing(toQualityInput(a, stale), 'zh').score : undefined;
          return toAchievementSummary(a, org, names.get(a.regionCode) ?? a.regionCode, stale, score);
        }),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  };
}
