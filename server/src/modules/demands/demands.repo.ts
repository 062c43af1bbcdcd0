import { and, arrayContains, asc, count, desc, eq, gt, gte, inArray, isNull, like, lte, or, sql, type SQL } from 'drizzle-orm';
import type { DemandQuery } from '#shared/contracts/demands.contract';
import { regionPrefix } from '#shared/format/region-scope';
import type { Db, DbConn } from '#server/db/types';
import { listingEvents } from '../achievements/achievements.tables';
import { organisations } from '../organisations/organisations.tables';
import { demands } from './demands.tables';

export type DemandRow = typeof demands.$inferSelect;
export type DemandInsert = typeof demands.$inferInsert;
export type DemandOrgRow = { id: string; name: string; regionCode: string; status: 'pending' | 'verified' | 'suspended' };
export type DemandWithOrg = { d: DemandRow; org: DemandOrgRow };

const orgColumns = { id: organisations.id, name: organisations.name, regionCode: organisations.regionCode, status: organisations.status };

export function createDemandsRepo(db: Db) {
  return {
    async findOrg(orgId: string, conn: DbConn = db): Promise<DemandOrgRow | undefined> {
      const [row] = await conn.select(orgColumns).from(organisations).where(eq(organisations.id, orgId)).limit(1);
      return row;
    },

    /** The demand and its owner; `forUpdate` locks the demand row until the transaction ends. */
    async findById(id: string, conn: DbConn = db, forUpdate = false): Promise<DemandWithOrg | undefined> {
      const q = conn.select({ d: demands, org: orgColumns }).from(demands).innerJoin(organisations, eq(organisations.id, demands.ownerOrgId)).where(eq(demands.id, id)).limit(1);
      const [row] = forUpdate ? await q.for('update', { of: demands }) : await q;
      return row;
    },

    async insert(conn: DbConn, values: DemandInsert): Promise<DemandRow> {
      const [row] = await conn.insert(demands).values(values).returning();
      return row!;
    },

    async update(conn: DbConn, id: string, values: Partial<DemandInsert>): Promise<DemandRow> {
      const [row] = await conn
        .update(demands)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(demands.id, id))
        .returning();
      return row!;
    },

    /**
     * A page of demands: the public directory (published, newest first, not past their deadline
     * unless asked), or the demands of `orgIds` in any status (most recently changed first).
     */
    async page(q: DemandQuery, scope: { orgIds: string[] } | 'public', today: string) {
      const conds: SQL[] = [];
      if (scope === 'public') {
        conds.push(eq(demands.status, 'published'));
        if (!q.includeExpired) {
          conds.push(or(isNull(demands.deadline), gte(demands.deadline, today))!);
        }
      } else {
        conds.push(scope.orgIds.length ? inArray(demands.ownerOrgId, scope.orgIds) : sql`false`);
        if (q.status) {
          conds.push(eq(demands.status, q.status));
        }
      }
      if (q.ownerOrgId) {
        conds.push(eq(demands.ownerOrgId, q.ownerOrgId));
      }
      if (q.domainCode) {
        conds.push(eq(demands.domainCode, q.domainCode));
      }
      if (q.industryCode) {
        conds.push(arrayContains(demands.industryCodes, [q.industryCode]));
      }
      if (q.regionCode) {
        conds.push(like(demands.regionCode, `${regionPrefix(q.regionCode)}%`));
      }
      if (q.cooperationMode) {
        conds.push(arrayContains(demands.cooperationModes, [q.cooperationMode]));
      }
      if (q.trl !== undefined) {
        conds.push(or(isNull(demands.trlNeeded), lte(demands.trlNeeded, q.trl))!);
      }
      const where = and(...conds);
      const order = scope === 'public' ? [sql`${demands.publishedAt} desc nulls last`, desc(demands.id)] : [desc(demands.updatedAt), desc(demands.id)];
      const [items, [total]] = await Promise.all([
        db
          .select({ d: demands, org: orgColumns })
          .from(demands)
          .innerJoin(organisations, eq(organisations.id, demands.ownerOrgId))
          .where(where)
          .orderBy(...order)
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db.select({ n: count() }).from(demands).where(where),
      ]);
      return { items, total: total?.n ?? 0 };
    },

    /** Published demands (expired ones too) after `after` in id order (keyset pagination). */
    async publishedAfter(after: string | null, limit: number) {
      // Ids first, from the primary key in order (a single-table ORDER BY id LIMIT: never a sort of
      // the whole table, which the joined query got from the planner at 1M rows), then their rows.
      const ids = (
        await db
          .select({ id: demands.id })
          .from(demands)
          .where(and(eq(demands.status, 'published'), after ? gt(demands.id, after) : undefined))
          .orderBy(asc(demands.id))
          .limit(limit)
      ).map((r) => r.id);
      if (ids.length === 0) {
        return [];
      }
      const rows = await db
        .select({ d: demands, org: orgColumns })
        .from(demands)
        .innerJoin(organisations, eq(organisations.id, demands.ownerOrgId))
        .where(inArray(demands.id, ids));
      return rows.sort((x, y) => (x.d.id < y.d.id ? -1 : x.d.id > y.d.id ? 1 : 0));
    },

    async recordView(conn: DbConn, demandId: string, actorId: string | null, occurredAt: Date) {
      await conn.insert(listingEvents).values({ entityType: 'demand', entityId: demandId, kind: 'view', actorId, occurredAt });
    },
  };
}
export type DemandsRepo = ReturnType<typeof createDemandsRepo>;
