import { and, asc, count, eq, ilike, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { ExpertQuery } from '#shared/contracts/experts.contract';
import { regionPrefix } from '#shared/format/region-scope';
import { rowsOf, type Db, type DbConn } from '#server/db/types';
import { achievements } from '../achievements/achievements.tables';
import { users } from '../auth/auth.tables';
// The expert_profiles table is declared with the catalogue tables in demands.tables.ts (migration 0002).
import { expertProfiles } from '../demands/demands.tables';
import { memberships, organisations } from '../organisations/organisations.tables';

export type ExpertProfileRow = typeof expertProfiles.$inferSelect;
export type ExpertRow = ExpertProfileRow & { displayName: string; email: string; userStatus: 'active' | 'disabled' };

const expertColumns = { profile: expertProfiles, displayName: users.displayName, email: users.email, userStatus: users.status };
const flatten = (r: { profile: ExpertProfileRow; displayName: string; email: string; userStatus: 'active' | 'disabled' }): ExpertRow => ({
  ...r.profile,
  displayName: r.displayName,
  email: r.email,
  userStatus: r.userStatus,
});

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function createExpertsRepo(db: Db) {
  return {
    async findByUserId(userId: string, conn: DbConn = db): Promise<ExpertRow | undefined> {
      const [row] = await conn
        .select(expertColumns)
        .from(expertProfiles)
        .innerJoin(users, eq(users.id, expertProfiles.userId))
        .where(eq(expertProfiles.userId, userId))
        .limit(1);
      return row ? flatten(row) : undefined;
    },

    async upsert(conn: DbConn, values: typeof expertProfiles.$inferInsert): Promise<ExpertProfileRow> {
      const { userId: _u, ...set } = values;
      const [row] = await conn
        .insert(expertProfiles)
        .values(values)
        .onConflictDoUpdate({ target: expertProfiles.userId, set: { ...set, updatedAt: new Date() } })
        .returning();
      return row!;
    },

    /** Public profiles of active users, by name. */
    async page(q: ExpertQuery) {
      const conds: SQL[] = [eq(expertProfiles.isPublic, true), eq(users.status, 'active')];
      if (q.domainCode) {
        conds.push(sql`${q.domainCode} = any(${expertProfiles.domainCodes})`);
      }
      if (q.regionCode) {
        conds.push(like(expertProfiles.regionCode, `${regionPrefix(q.regionCode)}%`));
      }
      if (q.q) {
        const pattern = `%${escapeLike(q.q)}%`;
        conds.push(
          or(
            ilike(users.displayName, pattern),
            ilike(expertProfiles.title, pattern),
            ilike(expertProfiles.discipline, pattern),
            sql`array_to_string(${expertProfiles.keywords}, ' ') ilike ${pattern}`,
          )!,
        );
      }
      const where = and(...conds);
      const [items, [total]] = await Promise.all([
        db
          .select(expertColumns)
          .from(expertProfiles)
          .innerJoin(users, eq(users.id, expertProfiles.userId))
          .where(where)
          .orderBy(asc(users.displayName), asc(expertProfiles.userId))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db.select({ n: count() }).from(expertProfiles).innerJoin(users, eq(users.id, expertProfiles.userId)).where(where),
      ]);
      return { items: items.map(flatten), total: total?.n ?? 0 };
    },

    /** Verified organisations of each user, by name. */
    async organisationsOf(userIds: string[]): Promise<Map<string, { id: string; name: string }[]>> {
      const out = new Map<string, { id: string; name: string }[]>();
      if (userIds.length === 0) {
        return out;
      }
      const rows = await db
        .select({ userId: memberships.userId, id: organisations.id, name: organisations.name })
        .from(memberships)
        .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
        .where(and(inArray(memberships.userId, userIds), eq(organisations.status, 'verified')))
        .orderBy(asc(organisations.name));
      for (const r of rows) {
        out.set(r.userId, [...(out.get(r.userId) ?? []), { id: r.id, name: r.name }]);
      }
      return out;
    },

    /** Published achievements whose team names each user (by user id). */
    async publishedAchievementCounts(userIds: string[]): Promise<Map<string, number>> {
      if (userIds.length === 0) {
        return new Map();
      }
      // `team @> [{userId}]` is the index-friendly form: a GIN (jsonb_path_ops) index on team makes
      // it a lookup; without one each count scans the published listings (asked for in the report).
      // Explicit aliases: drizzle leaves single-table columns unqualified, which a subquery would capture.
      const rows = rowsOf<{ user_id: string; n: number | string }>(
        await db.execute(sql`
          select u.id as user_id,
                 (select count(*)::int from ${achievements} a
                   where a.status = 'published'
                     and a.team @> jsonb_build_array(jsonb_build_object('userId', u.id::text))) as n
            from ${users} u
           where u.id in (${sql.join(
             userIds.map((id) => sql`${id}::uuid`),
             sql`, `,
           )})`),
      );
      return new Map(rows.map((r) => [r.user_id, Number(r.n)]));
    },
  };
}
export type ExpertsRepo = ReturnType<typeof createExpertsRepo>;
