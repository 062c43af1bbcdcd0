import { and, count, eq, ilike, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { OrganisationQuery, OrgMemberRole } from '#shared/contracts/organisations.contract';
import { regionPrefix } from '#shared/format/region-scope';
import type { Db, DbConn } from '#server/db/types';
import { roleAssignments, users } from '../auth/auth.tables';
import { memberships, organisations } from './organisations.tables';

export type OrganisationRow = typeof organisations.$inferSelect;
export type MemberRow = {
  userId: string;
  displayName: string;
  email: string;
  role: OrgMemberRole;
  platformRoles: string[];
  createdAt: Date;
};

export function createOrganisationsRepo(db: Db) {
  return {
    async findById(id: string, conn: DbConn = db) {
      const [row] = await conn.select().from(organisations).where(eq(organisations.id, id)).limit(1);
      return row;
    },
    async insert(conn: DbConn, values: typeof organisations.$inferInsert) {
      const [row] = await conn.insert(organisations).values(values).returning();
      return row!;
    },
    async update(conn: DbConn, id: string, values: Partial<typeof organisations.$inferInsert>) {
      const [row] = await conn
        .update(organisations)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(organisations.id, id))
        .returning();
      return row;
    },
    /**
     * A page of organisations. Visibility: verified ones, plus the actor's own, plus any status
     * inside `unverifiedScopes` (null = everywhere, for platform admins).
     */
    async page(q: OrganisationQuery, vis: { unverifiedScopes: string[] | null; myOrgIds: string[] }) {
      const conds: SQL[] = [];
      if (vis.unverifiedScopes !== null) {
        const visible: SQL[] = [eq(organisations.status, 'verified')];
        for (const s of vis.unverifiedScopes) {
          visible.push(like(organisations.regionCode, `${regionPrefix(s)}%`));
        }
        if (vis.myOrgIds.length) {
          visible.push(inArray(organisations.id, vis.myOrgIds));
        }
        conds.push(or(...visible)!);
      }
      if (q.mine) {
        conds.push(vis.myOrgIds.length ? inArray(organisations.id, vis.myOrgIds) : sql`false`);
      }
      if (q.regionCode) {
        conds.push(like(organisations.regionCode, `${regionPrefix(q.regionCode)}%`));
      }
      if (q.type) {
        conds.push(eq(organisations.type, q.type));
      }
      if (q.status) {
        conds.push(eq(organisations.status, q.status));
      }
      if (q.flag) {
        conds.push(eq(organisations[q.flag], true));
      }
      if (q.q) {
        const pattern = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        conds.push(or(ilike(organisations.name, pattern), ilike(organisations.creditCode, pattern))!);
      }
      const where = conds.length ? and(...conds) : undefined;
      const [items, [total]] = await Promise.all([
        db
          .select()
          .from(organisations)
          .where(where)
          .orderBy(organisations.regionCode, organisations.name)
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db.select({ n: count() }).from(organisations).where(where),
      ]);
      return { items, total: total?.n ?? 0 };
    },
    async memberCounts(ids: string[]) {
      if (ids.length === 0) {
        return new Map<string, number>();
      }
      const rows = await db
        .select({ id: memberships.organisationId, n: count() })
        .from(memberships)
        .where(inArray(memberships.organisationId, ids))
        .groupBy(memberships.organisationId);
      return new Map(rows.map((r) => [r.id, r.n]));
    },
    async members(orgId: string, conn: DbConn = db): Promise<MemberRow[]> {
      const rows = await conn
        .select({
          userId: memberships.userId,
          displayName: users.displayName,
          email: users.email,
          role: memberships.role,
          createdAt: memberships.createdAt,
          platformRoles: sql<string[]>`coalesce((select array_agg(distinct ${roleAssignments.role}::text) from ${roleAssignments} where ${roleAssignments.userId} = ${users.id}), '{}')`,
        })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(memberships.organisationId, orgId))
        .orderBy(memberships.createdAt);
      return rows.map((r) => ({ ...r, platformRoles: parsePgArray(r.platformRoles) }));
    },
    async insertMember(conn: DbConn, values: typeof memberships.$inferInsert) {
      const [row] = await conn.insert(memberships).values(values).onConflictDoNothing().returning();
      return row;
    },
    async updateMember(conn: DbConn, orgId: string, userId: string, role: OrgMemberRole) {
      const [row] = await conn
        .update(memberships)
        .set({ role })
        .where(and(eq(memberships.organisationId, orgId), eq(memberships.userId, userId)))
        .returning();
      return row;
    },
    async deleteMember(conn: DbConn, orgId: string, userId: string) {
      const [row] = await conn
        .delete(memberships)
        .where(and(eq(memberships.organisationId, orgId), eq(memberships.userId, userId)))
        .returning();
      return row;
    },
    /** Locks the organisation's membership rows so owner counts cannot race. */
    async lockOwners(conn: DbConn, orgId: string) {
      const rows = await conn
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.organisationId, orgId), eq(memberships.role, 'owner')))
        .for('update');
      return rows.map((r) => r.userId);
    },
    async userIdByEmail(email: string) {
      const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
      return row?.id;
    },
  };
}
export type OrganisationsRepo = ReturnType<typeof createOrganisationsRepo>;

/** node-postgres parses text[] to arrays; PGlite does too, but a string may arrive from either via sql``. */
function parsePgArray(v: unknown): string[] {
  if (Array.isArray(v)) {
    return v.map(String);
  }
  if (typeof v === 'string') {
    return v.replace(/^\{|\}$/g, '').split(',').filter(Boolean);
  }
  return [];
}
