import { and, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { achievements, demands, expertProfiles, listingEvents, memberships, organisations, users } from '#server/db/schema';
import { rowsOf, type Db, type DbConn } from '#server/db/types';
import type { AchievementRow, OwnerOrgRow } from '#server/modules/achievements/index';
import { matchOutbox, savedSearches, semanticModels } from './matching.tables';

export type DemandRow = typeof demands.$inferSelect;
export type AchievementFacts = Pick<AchievementRow, 'id' | 'status' | 'domainCode' | 'industryCodes' | 'regionCode' | 'trl' | 'transferModes' | 'openLicence' | 'priceMode' | 'priceMinFen' | 'priceMaxFen'>;
export type ModelRow = typeof semanticModels.$inferSelect;
export type SavedSearchRow = typeof savedSearches.$inferSelect;

const ownerOrgColumns = {
  id: organisations.id,
  name: organisations.name,
  regionCode: organisations.regionCode,
  isTechTransferOrg: organisations.isTechTransferOrg,
  status: organisations.status,
};

export const ACHIEVEMENTS_TABLE: SQL = sql`achievements`;
export const DEMANDS_TABLE: SQL = sql`demands`;

export function createMatchingRepo(db: Db) {
  return {
    async achievementsByIds(ids: readonly string[], conn: DbConn = db): Promise<{ a: AchievementRow; org: OwnerOrgRow }[]> {
      if (ids.length === 0) {
        return [];
      }
      return conn
        .select({ a: achievements, org: ownerOrgColumns })
        .from(achievements)
        .innerJoin(organisations, eq(organisations.id, achievements.ownerOrgId))
        .where(inArray(achievements.id, [...ids]));
    },

    /** The structured facts of candidates (no text): enough to filter and pre-rank hundreds cheaply. */
    async achievementFacts(ids: readonly string[]): Promise<AchievementFacts[]> {
      if (ids.length === 0) {
        return [];
      }
      return db
        .select({
          id: achievements.id,
          status: achievements.status,
          domainCode: achievements.domainCode,
          industryCodes: achievements.industryCodes,
          regionCode: achievements.regionCode,
          trl: achievements.trl,
          transferModes: achievements.transferModes,
          openLicence: achievements.openLicence,
          priceMode: achievements.priceMode,
          priceMinFen: achievements.priceMinFen,
          priceMaxFen: achievements.priceMaxFen,
        })
        .from(achievements)
        .where(inArray(achievements.id, [...ids]));
    },

    async demandsByIds(ids: readonly string[], conn: DbConn = db): Promise<{ d: DemandRow; orgName: string }[]> {
      if (ids.length === 0) {
        return [];
      }
      return conn
        .select({ d: demands, orgName: organisations.name })
        .from(demands)
        .innerJoin(organisations, eq(organisations.id, demands.ownerOrgId))
        .where(inArray(demands.id, [...ids]));
    },

    /** Newest published listings matching a condition on `l` (the exact-scan prefilter without pgvector). */
    async newestIds(table: SQL, where: SQL, limit: number, conn: DbConn = db): Promise<string[]> {
      return rowsOf<{ id: string }>(await conn.execute(sql`select l.id from ${table} l where ${where} order by l.published_at desc nulls last limit ${limit}`)).map((r) => r.id);
    },

    async countPublished(): Promise<number> {
      const [row] = rowsOf<{ n: number }>(
        await db.execute(sql`select ((select count(*) from achievements where status = 'published') + (select count(*) from demands where status = 'published'))::int as n`),
      );
      return Number(row?.n ?? 0);
    },

    /** The training corpus: published achievements and demands (public text and labels), at most `limit`. */
    async corpus(limit: number): Promise<{ text: string; domainCode: string | null; discipline: string | null }[]> {
      const a = await db
        .select({ title: achievements.title, abstract: achievements.abstract, keywords: achievements.keywords, domainCode: achievements.domainCode, discipline: achievements.discipline })
        .from(achievements)
        .where(eq(achievements.status, 'published'))
        .orderBy(achievements.id)
        .limit(limit);
      const d = await db
        .select({ title: demands.title, description: demands.description, keywords: demands.keywords, domainCode: demands.domainCode })
        .from(demands)
        .where(eq(demands.status, 'published'))
        .orderBy(demands.id)
        .limit(Math.max(0, limit - a.length));
      return [
        ...a.map((r) => ({ text: `${r.title}\n${r.keywords.join(' ')}\n${r.abstract}`, domainCode: r.domainCode, discipline: r.discipline })),
        ...d.map((r) => ({ text: `${r.title}\n${r.keywords.join(' ')}\n${r.description}`, domainCode: r.domainCode, discipline: null })),
      ];
    },

    async insertModel(values: typeof semanticModels.$inferInsert): Promise<number> {
      const [row] = await db.insert(semanticModels).values(values).returning({ id: semanticModels.id });
      return row!.id;
    },

    async latestModelId(conn: DbConn = db): Promise<number | undefined> {
      const [row] = await conn.select({ id: semanticModels.id }).from(semanticModels).orderBy(desc(semanticModels.id)).limit(1);
      return row?.id;
    },

    async loadModel(id: number, conn: DbConn = db): Promise<ModelRow | undefined> {
      const [row] = await conn.select().from(semanticModels).where(eq(semanticModels.id, id));
      return row;
    },

    /** Public experts, best first by shared domain or keywords with the listing (at most `limit`). */
    async expertCandidates(domainCode: string | null, keywords: readonly string[], limit: number) {
      const kw = `{${keywords.map((k) => `"${k.replace(/["\\]/g, '')}"`).join(',')}}`;
      return db
        .select({ userId: expertProfiles.userId, displayName: users.displayName, title: expertProfiles.title, bio: expertProfiles.bio, domainCodes: expertProfiles.domainCodes, discipline: expertProfiles.discipline, keywords: expertProfiles.keywords, regionCode: expertProfiles.regionCode })
        .from(expertProfiles)
        .innerJoin(users, eq(users.id, expertProfiles.userId))
        .where(eq(expertProfiles.isPublic, true))
        .orderBy(
          sql`(case when ${domainCode}::text = any(${expertProfiles.domainCodes}) then 1 else 0 end + case when ${expertProfiles.keywords} && ${kw}::text[] then 1 else 0 end) desc`,
          expertProfiles.userId,
        )
        .limit(limit);
    },

    /**
     * Organisations that showed interest (access requests, enquiries) in published achievements of
     * a domain over the last year, with their event counts. Actors are mapped to their organisations.
     */
    async interestedOrgs(domainCode: string | null, excludeOrgId: string, limit: number) {
      if (!domainCode) {
        return [];
      }
      return rowsOf<{ orgId: string; name: string; regionCode: string; events: number }>(
        await db.execute(sql`select o.id as "orgId", o.name, o.region_code as "regionCode", count(*)::int as events
          from ${listingEvents} e
          join ${achievements} a on a.id = e.entity_id and e.entity_type = 'achievement'
          join ${memberships} m on m.user_id = e.actor_id
          join ${organisations} o on o.id = m.organisation_id
          where e.kind in ('access_request', 'enquiry') and a.domain_code = ${domainCode}
            and e.occurred_at > now() - interval '365 days' and o.id <> ${excludeOrgId} and o.status = 'verified'
          group by o.id, o.name, o.region_code order by events desc limit ${limit}`),
      );
    },

    async orgsByIds(ids: readonly string[]) {
      if (ids.length === 0) {
        return [];
      }
      return db.select({ id: organisations.id, name: organisations.name, regionCode: organisations.regionCode, type: organisations.type, status: organisations.status }).from(organisations).where(inArray(organisations.id, [...ids]));
    },

    // ---- saved searches ----
    async listSavedSearches(userId: string): Promise<SavedSearchRow[]> {
      return db.select().from(savedSearches).where(eq(savedSearches.userId, userId)).orderBy(desc(savedSearches.createdAt));
    },
    async countSavedSearches(userId: string, conn: DbConn = db): Promise<number> {
      const [row] = await conn.select({ n: sql<number>`count(*)::int` }).from(savedSearches).where(eq(savedSearches.userId, userId));
      return Number(row?.n ?? 0);
    },
    async insertSavedSearch(conn: DbConn, values: typeof savedSearches.$inferInsert): Promise<SavedSearchRow> {
      const [row] = await conn.insert(savedSearches).values(values).returning();
      return row!;
    },
    async findSavedSearch(id: string, conn: DbConn = db): Promise<SavedSearchRow | undefined> {
      const [row] = await conn.select().from(savedSearches).where(eq(savedSearches.id, id));
      return row;
    },
    async deleteSavedSearch(conn: DbConn, id: string): Promise<void> {
      await conn.delete(savedSearches).where(eq(savedSearches.id, id));
    },
    /** All saved searches, in pages (notification fan-out). */
    async savedSearchPage(conn: DbConn, afterId: string | null, limit: number): Promise<SavedSearchRow[]> {
      return conn
        .select()
        .from(savedSearches)
        .where(afterId ? sql`${savedSearches.id} > ${afterId}` : undefined)
        .orderBy(savedSearches.id)
        .limit(limit);
    },

    // ---- outbox ----
    async enqueue(conn: DbConn, achievementId: string): Promise<void> {
      await conn.insert(matchOutbox).values({ achievementId });
    },
    /** Claims pending rows; other processes skip the locked ones. Call inside a transaction. */
    async claim(tx: DbConn, limit: number) {
      return tx
        .select({ id: matchOutbox.id, achievementId: matchOutbox.achievementId, attempts: matchOutbox.attempts })
        .from(matchOutbox)
        .where(and(isNull(matchOutbox.processedAt), sql`${matchOutbox.attempts} < 5`))
        .orderBy(matchOutbox.id)
        .limit(limit)
        .for('update', { skipLocked: true });
    },
    async markProcessed(tx: DbConn, id: number): Promise<void> {
      await tx.update(matchOutbox).set({ processedAt: sql`now()` }).where(eq(matchOutbox.id, id));
    },
    async markFailed(id: number, error: string): Promise<void> {
      await db
        .update(matchOutbox)
        .set({ attempts: sql`${matchOutbox.attempts} + 1`, lastError: error.slice(0, 500) })
        .where(eq(matchOutbox.id, id));
    },
    async pendingCount(): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(matchOutbox).where(isNull(matchOutbox.processedAt));
      return Number(row?.n ?? 0);
    },
  };
}
export type MatchingRepo = ReturnType<typeof createMatchingRepo>;
