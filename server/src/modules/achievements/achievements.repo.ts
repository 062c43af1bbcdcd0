import { and, arrayContains, asc, count, desc, eq, getTableColumns, gt, gte, inArray, like, lte, sql, type SQL } from 'drizzle-orm';
import type { AchievementQuery } from '#shared/contracts/achievements.contract';
import { regionPrefix } from '#shared/format/region-scope';
import { rowsOf, type Db, type DbConn } from '#server/db/types';
import { users } from '../auth/auth.tables';
import { organisations } from '../organisations/organisations.tables';
import { achievementAccessRequests, achievements, listingEvents } from './achievements.tables';

export type AchievementRow = typeof achievements.$inferSelect;
export type AchievementInsert = typeof achievements.$inferInsert;
export type OwnerOrgRow = { id: string; name: string; regionCode: string; isTechTransferOrg: boolean; status: string };
/** A listing with the organisation that owns it. */
export type AchievementWithOrg = { a: AchievementRow; org: OwnerOrgRow };
export type AccessRequestRow = typeof achievementAccessRequests.$inferSelect & { requesterName: string };
export type ListingEventKind = (typeof listingEvents.$inferSelect)['kind'];
export type EventCount = { kind: ListingEventKind; month: string | null; n: number };

const ownerOrgColumns = {
  id: organisations.id,
  name: organisations.name,
  regionCode: organisations.regionCode,
  isTechTransferOrg: organisations.isTechTransferOrg,
  status: organisations.status,
};

export function createAchievementsRepo(db: Db) {
  return {
    async findOrg(orgId: string, conn: DbConn = db): Promise<OwnerOrgRow | undefined> {
      const [row] = await conn.select(ownerOrgColumns).from(organisations).where(eq(organisations.id, orgId)).limit(1);
      return row;
    },

    /** The listing and its owner; `forUpdate` locks the listing row until the transaction ends. */
    async findById(id: string, conn: DbConn = db, forUpdate = false): Promise<AchievementWithOrg | undefined> {
      const q = conn.select({ a: achievements, org: ownerOrgColumns }).from(achievements).innerJoin(organisations, eq(organisations.id, achievements.ownerOrgId)).where(eq(achievements.id, id)).limit(1);
      const [row] = forUpdate ? await q.for('update', { of: achievements }) : await q;
      return row;
    },

    /** An organisation by id or by unified social credit code (bulk import's `--org`). */
    async findOrgByRef(ref: string, conn: DbConn = db): Promise<OwnerOrgRow | undefined> {
      const byId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref);
      const [row] = await conn
        .select(ownerOrgColumns)
        .from(organisations)
        .where(byId ? eq(organisations.id, ref) : eq(organisations.creditCode, ref.toUpperCase()))
        .limit(1);
      return row;
    },

    /** Listings of an organisation by external id, locked until the transaction ends (bulk import). */
    async findByExternalIds(conn: DbConn, orgId: string, externalIds: string[]): Promise<AchievementRow[]> {
      return conn
        .select()
        .from(achievements)
        .where(and(eq(achievements.ownerOrgId, orgId), inArray(achievements.externalId, externalIds)))
        .for('update');
    },

    /**
     * One multi-row write keyed by (organisation, external id): new rows are inserted, existing ones
     * get every content, status and review column from `values` (bulk import passes complete rows).
     */
    async upsertByExternalIds(conn: DbConn, values: AchievementInsert[]): Promise<AchievementRow[]> {
      if (values.length === 0) {
        return [];
      }
      const keep = new Set(['id', 'chainId', 'ownerOrgId', 'externalId', 'createdBy', 'createdAt']);
      // Columns are snake_case in the database (drizzle `casing`), camelCase here.
      const set = Object.fromEntries(
        Object.keys(getTableColumns(achievements))
          .filter((key) => !keep.has(key))
          .map((key) => [key, sql.raw(`excluded."${key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}"`)]),
      );
      return conn
        .insert(achievements)
        .values(values)
        .onConflictDoUpdate({ target: [achievements.ownerOrgId, achievements.externalId], set })
        .returning();
    },

    async insert(conn: DbConn, values: AchievementInsert): Promise<AchievementRow> {
      const [row] = await conn.insert(achievements).values(values).returning();
      return row!;
    },

    async update(conn: DbConn, id: string, values: Partial<AchievementInsert>): Promise<AchievementRow> {
      const [row] = await conn
        .update(achievements)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(achievements.id, id))
        .returning();
      return row!;
    },

    /**
     * A page of listings: the public directory (published only, newest publication first), or the
     * listings of `orgIds` in any status (most recently changed first).
     */
    async page(q: AchievementQuery, scope: { orgIds: string[] } | 'public') {
      const conds: SQL[] = [];
      if (scope === 'public') {
        conds.push(eq(achievements.status, 'published'));
      } else {
        conds.push(scope.orgIds.length ? inArray(achievements.ownerOrgId, scope.orgIds) : sql`false`);
        if (q.status) {
          conds.push(eq(achievements.status, q.status));
        }
      }
      if (q.ownerOrgId) {
        conds.push(eq(achievements.ownerOrgId, q.ownerOrgId));
      }
      if (q.domainCode) {
        conds.push(eq(achievements.domainCode, q.domainCode));
      }
      if (q.industryCode) {
        conds.push(arrayContains(achievements.industryCodes, [q.industryCode]));
      }
      if (q.regionCode) {
        conds.push(like(achievements.regionCode, `${regionPrefix(q.regionCode)}%`));
      }
      if (q.trlMin !== undefined) {
        conds.push(gte(achievements.trl, q.trlMin));
      }
      if (q.trlMax !== undefined) {
        conds.push(lte(achievements.trl, q.trlMax));
      }
      if (q.transferMode) {
        conds.push(arrayContains(achievements.transferModes, [q.transferMode]));
      }
      if (q.openLicence !== undefined) {
        conds.push(eq(achievements.openLicence, q.openLicence));
      }
      const where = and(...conds);
      const order = scope === 'public' ? [sql`${achievements.publishedAt} desc nulls last`, desc(achievements.id)] : [desc(achievements.updatedAt), desc(achievements.id)];
      const [items, [total]] = await Promise.all([
        db
          .select({ a: achievements, org: ownerOrgColumns })
          .from(achievements)
          .innerJoin(organisations, eq(organisations.id, achievements.ownerOrgId))
          .where(where)
          .orderBy(...order)
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db.select({ n: count() }).from(achievements).where(where),
      ]);
      return { items, total: total?.n ?? 0 };
    },

    /**
     * Published listings after `after` in id order (keyset pagination): a whole pass reads each row
     * once, and a listing published meanwhile can never shift a page and be skipped.
     */
    async publishedAfter(after: string | null, limit: number) {
      // Ids first, from the primary key in order (a single-table ORDER BY id LIMIT: never a sort of
      // the whole table, which the joined query got from the planner at 1M rows), then their rows.
      const ids = (
        await db
          .select({ id: achievements.id })
          .from(achievements)
          .where(and(eq(achievements.status, 'published'), after ? gt(achievements.id, after) : undefined))
          .orderBy(asc(achievements.id))
          .limit(limit)
      ).map((r) => r.id);
      if (ids.length === 0) {
        return [];
      }
      const rows = await db
        .select({ a: achievements, org: ownerOrgColumns })
        .from(achievements)
        .innerJoin(organisations, eq(organisations.id, achievements.ownerOrgId))
        .where(inArray(achievements.id, ids));
      return rows.sort((x, y) => (x.a.id < y.a.id ? -1 : x.a.id > y.a.id ? 1 : 0));
    },

    // ── NDA access requests ────────────────────────────────────────────────────────────────────

    /** Inserts a request; undefined when this user already asked for this listing. */
    async insertAccessRequest(conn: DbConn, values: typeof achievementAccessRequests.$inferInsert) {
      const [row] = await conn.insert(achievementAccessRequests).values(values).onConflictDoNothing().returning();
      return row;
    },

    async accessRequests(achievementId: string, conn: DbConn = db): Promise<AccessRequestRow[]> {
      return conn
        .select({ ...accessRequestColumns(), requesterName: users.displayName })
        .from(achievementAccessRequests)
        .innerJoin(users, eq(users.id, achievementAccessRequests.requesterId))
        .where(eq(achievementAccessRequests.achievementId, achievementId))
        .orderBy(desc(achievementAccessRequests.createdAt));
    },

    async findAccessRequest(conn: DbConn, achievementId: string, requestId: string): Promise<AccessRequestRow | undefined> {
      const [row] = await conn
        .select({ ...accessRequestColumns(), requesterName: users.displayName })
        .from(achievementAccessRequests)
        .innerJoin(users, eq(users.id, achievementAccessRequests.requesterId))
        .where(and(eq(achievementAccessRequests.id, requestId), eq(achievementAccessRequests.achievementId, achievementId)))
        .limit(1)
        .for('update', { of: achievementAccessRequests });
      return row;
    },

    async decideAccessRequest(conn: DbConn, requestId: string, values: { status: 'granted' | 'denied'; decidedBy: string; decidedAt: Date; decisionNote: string | null }) {
      await conn.update(achievementAccessRequests).set(values).where(eq(achievementAccessRequests.id, requestId));
    },

    /** True when the user holds a granted request for the listing. */
    async hasGrant(achievementId: string, userId: string): Promise<boolean> {
      const [row] = await db
        .select({ id: achievementAccessRequests.id })
        .from(achievementAccessRequests)
        .where(
          and(
            eq(achievementAccessRequests.achievementId, achievementId),
            eq(achievementAccessRequests.requesterId, userId),
            eq(achievementAccessRequests.status, 'granted'),
          ),
        )
        .limit(1);
      return row !== undefined;
    },

    // ── Funnel events ──────────────────────────────────────────────────────────────────────────

    async recordEvent(conn: DbConn, e: { entityType: 'achievement' | 'demand'; entityId: string; kind: ListingEventKind; actorId: string | null; occurredAt: Date }) {
      await conn.insert(listingEvents).values(e);
    },

    /**
     * Event counts of one listing: all-time totals per kind (`month: null`) and per China-time month
     * (`YYYY-MM`) from `since` on.
     */
    async eventCounts(entityType: 'achievement' | 'demand', entityId: string, since: Date): Promise<EventCount[]> {
      const rows = rowsOf<{ kind: ListingEventKind; month: string | null; n: number | string }>(
        await db.execute(sql`
          select kind, null as month, count(*)::int as n
            from ${listingEvents}
           where entity_type = ${entityType} and entity_id = ${entityId}
           group by kind
          union all
          select kind, to_char(occurred_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, count(*)::int as n
            from ${listingEvents}
           where entity_type = ${entityType} and entity_id = ${entityId} and occurred_at >= ${since.toISOString()}
           group by kind, month`),
      );
      return rows.map((r) => ({ kind: r.kind, month: r.month, n: Number(r.n) }));
    },
  };
}
export type AchievementsRepo = ReturnType<typeof createAchievementsRepo>;

function accessRequestColumns() {
  const t = achievementAccessRequests;
  return {
    id: t.id,
    achievementId: t.achievementId,
    requesterId: t.requesterId,
    message: t.message,
    ndaAcceptedAt: t.ndaAcceptedAt,
    status: t.status,
    decidedBy: t.decidedBy,
    decidedAt: t.decidedAt,
    decisionNote: t.decisionNote,
    createdAt: t.createdAt,
  };
}
