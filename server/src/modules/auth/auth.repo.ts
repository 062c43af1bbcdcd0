import { and, count, desc, eq, ilike, inArray, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { AdminUserQuery, Role } from '#shared/contracts/auth.contract';
import type { OrgMemberRole } from '#shared/contracts/organisations.contract';
import { regionPrefix } from '#shared/format/region-scope';
import type { Db, DbConn } from '#server/db/types';
import { memberships } from '../organisations/organisations.tables';
import { apiTokens, roleAssignments, sessions, users } from './auth.tables';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;
export type RoleAssignmentRow = typeof roleAssignments.$inferSelect;

export type PrincipalRole = { id: string; role: Role; regionCode: string | null; organisationId: string | null };
export type PrincipalMembership = { organisationId: string; role: OrgMemberRole };
// Roles and memberships of the joined user, aggregated in the same statement.
const principalRoles = sql<PrincipalRole[]>`coalesce((select json_agg(json_build_object('id', r.id, 'role', r.role, 'regionCode', r.region_code, 'organisationId', r.organisation_id)) from role_assignments r where r.user_id = ${users.id}), '[]'::json)`;
const principalMemberships = sql<PrincipalMembership[]>`coalesce((select json_agg(json_build_object('organisationId', m.organisation_id, 'role', m.role)) from memberships m where m.user_id = ${users.id}), '[]'::json)`;

export function createAuthRepo(db: Db) {
  return {
    async findUserByEmail(email: string, conn: DbConn = db) {
      const [row] = await conn.select().from(users).where(eq(users.email, email)).limit(1);
      return row;
    },
    async findUserById(id: string, conn: DbConn = db) {
      const [row] = await conn.select().from(users).where(eq(users.id, id)).limit(1);
      return row;
    },
    async insertUser(conn: DbConn, values: typeof users.$inferInsert) {
      const [row] = await conn.insert(users).values(values).returning();
      return row!;
    },
    async updateUser(conn: DbConn, id: string, values: Partial<typeof users.$inferInsert>) {
      const [row] = await conn
        .update(users)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(users.id, id))
        .returning();
      return row;
    },
    /** Counts a failed sign-in; locks the account when `maxFailures` is reached. Atomic across processes. */
    async registerFailedLogin(id: string, maxFailures: number, lockUntil: Date) {
      const [row] = await db
        .update(users)
        .set({
          failedLoginCount: sql`case when ${users.failedLoginCount} + 1 >= ${maxFailures} then 0 else ${users.failedLoginCount} + 1 end`,
          lockedUntil: sql`case when ${users.failedLoginCount} + 1 >= ${maxFailures} then ${lockUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
        })
        .where(eq(users.id, id))
        .returning({ lockedUntil: users.lockedUntil, failedLoginCount: users.failedLoginCount });
      return row;
    },
    rolesOf(userIds: string[], conn: DbConn = db) {
      if (userIds.length === 0) {
        return Promise.resolve([] as RoleAssignmentRow[]);
      }
      return conn.select().from(roleAssignments).where(inArray(roleAssignments.userId, userIds));
    },
    membershipsOf(userIds: string[], conn: DbConn = db) {
      if (userIds.length === 0) {
        return Promise.resolve([] as (typeof memberships.$inferSelect)[]);
      }
      return conn.select().from(memberships).where(inArray(memberships.userId, userIds));
    },
    async insertRole(conn: DbConn, values: typeof roleAssignments.$inferInsert) {
      const [row] = await conn.insert(roleAssignments).values(values).onConflictDoNothing().returning();
      return row;
    },
    async deleteRole(conn: DbConn, userId: string, assignmentId: string) {
      const [row] = await conn
        .delete(roleAssignments)
        .where(and(eq(roleAssignments.id, assignmentId), eq(roleAssignments.userId, userId)))
        .returning();
      return row;
    },
    async countRole(conn: DbConn, role: Role) {
      const [row] = await conn.select({ n: count() }).from(roleAssignments).where(eq(roleAssignments.role, role));
      return row?.n ?? 0;
    },
    async insertSession(values: typeof sessions.$inferInsert) {
      await db.insert(sessions).values(values);
    },
    async deleteSession(id: string) {
      await db.delete(sessions).where(eq(sessions.id, id));
    },
    async deleteSessionsOfUser(conn: DbConn, userId: string) {
      await conn.delete(sessions).where(eq(sessions.userId, userId));
    },
    async deleteExpiredSessions(now: Date) {
      await db.delete(sessions).where(sql`${sessions.expiresAt} < ${now.toISOString()}::timestamptz`);
    },
    async insertToken(conn: DbConn, values: typeof apiTokens.$inferInsert) {
      const [row] = await conn.insert(apiTokens).values(values).returning();
      return row!;
    },
    /**
     * An API token with its user, roles and memberships in ONE round trip (every API request
     * authenticates: four sequential queries were a third of a bid's database work).
     */
    async findTokenPrincipal(prefix: string) {
      const [row] = await db
        .select({ token: apiTokens, user: users, roles: principalRoles, memberships: principalMemberships })
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .where(eq(apiTokens.prefix, prefix))
        .limit(1);
      return row;
    },
    /** A session with its user, roles and memberships in one round trip. */
    async findSessionPrincipal(id: string) {
      const [row] = await db
        .select({ session: sessions, user: users, roles: principalRoles, memberships: principalMemberships })
        .from(sessions)
        .leftJoin(users, eq(users.id, sessions.userId))
        .where(eq(sessions.id, id))
        .limit(1);
      return row;
    },
    listTokens(userId: string) {
      return db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt));
    },
    async revokeToken(conn: DbConn, userId: string, id: string, at: Date) {
      const [row] = await conn
        .update(apiTokens)
        .set({ revokedAt: at })
        .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
        .returning();
      return row;
    },
    async touchToken(id: string, at: Date) {
      await db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));
    },
    /** Users page; `regionScopes` (when given) restricts to users whose home region lies under one of them. */
    async pageUsers(q: AdminUserQuery, regionScopes: string[] | null) {
      const conds: SQL[] = [];
      if (regionScopes) {
        const scopeConds = regionScopes.map((s) => like(users.regionCode, `${regionPrefix(s)}%`));
        conds.push(scopeConds.length ? or(...scopeConds)! : sql`false`);
      }
      if (q.regionCode) {
        conds.push(like(users.regionCode, `${regionPrefix(q.regionCode)}%`));
      }
      if (q.q) {
        const pattern = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        conds.push(or(ilike(users.email, pattern), ilike(users.displayName, pattern))!);
      }
      if (q.role) {
        conds.push(
          q.role === 'visitor'
            ? sql`not exists (select 1 from ${roleAssignments} where ${roleAssignments.userId} = ${users.id})`
            : sql`exists (select 1 from ${roleAssignments} where ${roleAssignments.userId} = ${users.id} and ${roleAssignments.role} = ${q.role})`,
        );
      }
      const where = conds.length ? and(...conds) : undefined;
      const [items, [total]] = await Promise.all([
        db
          .select()
          .from(users)
          .where(where)
          .orderBy(users.email)
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db.select({ n: count() }).from(users).where(where),
      ]);
      return { items, total: total?.n ?? 0 };
    },
    async countUsers() {
      const [row] = await db.select({ n: count() }).from(users);
      return row?.n ?? 0;
    },
    async countDemoUsers() {
      const [row] = await db.select({ n: count() }).from(users).where(eq(users.isDemo, true));
      return row?.n ?? 0;
    },
  };
}
export type AuthRepo = ReturnType<typeof createAuthRepo>;
