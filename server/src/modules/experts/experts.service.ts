import type { Expert, ExpertQuery, UpsertExpertProfile } from '#shared/contracts/experts.contract';
import type { Db } from '#server/db/types';
import { AppError } from '#server/lib/app-error';
import type { Clock } from '#server/lib/clock';
import { fieldError } from '#server/lib/field-error';
import type { UnknownCodes } from '#server/modules/achievements/index';
import type { AuditService } from '#server/modules/audit/index';
import { requireUser, type Actor } from '#server/modules/auth/index';
import { auditStateOfExpert, toExpertDto } from './experts.mapper';
import { canViewExpert } from './experts.policy';
import type { ExpertRow, ExpertsRepo } from './experts.repo';

export type ExpertsDeps = {
  db: Db;
  repo: ExpertsRepo;
  audit: AuditService;
  clock: Clock;
  regionExists: (code: string) => Promise<boolean>;
  regionNames: (codes: string[]) => Promise<Map<string, string>>;
  unknownCodes: UnknownCodes;
};

/** The expert directory: researchers, brokers and TTO officers who opt in with a profile. */
export function createExpertsService({ db, repo, audit, clock, regionExists, regionNames, unknownCodes }: ExpertsDeps) {
  async function toDtos(rows: ExpertRow[]): Promise<Expert[]> {
    const ids = rows.map((r) => r.userId);
    const [names, orgs, counts] = await Promise.all([
      regionNames([...new Set(rows.flatMap((r) => (r.regionCode ? [r.regionCode] : [])))]),
      repo.organisationsOf(ids),
      repo.publishedAchievementCounts(ids),
    ]);
    return rows.map((r) =>
      toExpertDto(r, {
        regionName: r.regionCode ? (names.get(r.regionCode) ?? r.regionCode) : null,
        organisations: orgs.get(r.userId) ?? [],
        publishedAchievements: counts.get(r.userId) ?? 0,
      }),
    );
  }

  async function one(row: ExpertRow): Promise<Expert> {
    const [dto] = await toDtos([row]);
    return dto!;
  }

  return {
    /** Public profiles, filtered by domain, region (everything under it) and text. */
    async list(q: ExpertQuery) {
      const { items, total } = await repo.page(q);
      return { items: await toDtos(items), total, page: q.page, pageSize: q.pageSize };
    },

    /** One profile: public ones for everyone, a hidden one for its owner only. */
    async get(actor: Actor, userId: string): Promise<Expert> {
      const row = await repo.findByUserId(userId);
      if (!row || !canViewExpert(actor, row)) {
        throw new AppError('expert/not_found', `expert ${userId} not found`);
      }
      return one(row);
    },

    /** The caller's own profile (404 until they create one). */
    async mine(actor: Actor): Promise<Expert> {
      const me = requireUser(actor);
      const row = await repo.findByUserId(me.userId);
      if (!row) {
        throw new AppError('expert/not_found', 'no expert profile yet');
      }
      return one(row);
    },

    /** Creates or replaces the caller's profile. */
    async upsertMine(actor: Actor, input: UpsertExpertProfile): Promise<Expert> {
      const me = requireUser(actor);
      if (input.regionCode && !(await regionExists(input.regionCode))) {
        throw fieldError('region/unknown_code', 'regionCode', { code: input.regionCode });
      }
      const unknown = await unknownCodes('technology-domains', input.domainCodes);
      if (unknown.length) {
        throw fieldError('expert/unknown_code', `domainCodes.${input.domainCodes.indexOf(unknown[0]!)}`, { codes: unknown.join('、') });
      }
      await db.transaction(async (tx) => {
        const before = await repo.findByUserId(me.userId, tx);
        const after = await repo.upsert(tx, {
          userId: me.userId,
          title: input.title ?? null,
          bio: input.bio ?? null,
          domainCodes: [...new Set(input.domainCodes)],
          discipline: input.discipline ?? null,
          keywords: input.keywords,
          regionCode: input.regionCode ?? null,
          contactPolicy: input.contactPolicy,
          isPublic: input.isPublic,
          updatedAt: clock.now(),
        });
        await audit.record(tx, {
          actor,
          action: before ? 'expert.profile_updated' : 'expert.profile_created',
          entityType: 'expert',
          entityId: me.userId,
          before: before ? auditStateOfExpert(before) : null,
          after: auditStateOfExpert(after),
        });
      });
      return one((await repo.findByUserId(me.userId))!);
    },
  };
}
export type ExpertsService = ReturnType<typeof createExpertsService>;
