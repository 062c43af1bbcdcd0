import { and, asc, count, desc, eq, gte, ilike, inArray, like, lte, or, sql, type SQL } from 'drizzle-orm';
import type { CalendarDayKind, NoticeStatus } from '#shared/contracts/notices.contract';
import { regionPrefix } from '#shared/format/region-scope';
import type { Db, DbConn } from '#server/db/types';
import { organisations } from '../organisations/organisations.tables';
import { calendarDays, noticeObjections, publicNotices } from './notices.tables';

export type NoticeRow = typeof publicNotices.$inferSelect;
export type NoticeInsert = typeof publicNotices.$inferInsert;
export type ObjectionRow = typeof noticeObjections.$inferSelect;
export type CalendarDayRow = typeof calendarDays.$inferSelect;
/** A notice with its seller's region and objection counts. */
export type NoticeWithMeta = { n: NoticeRow; sellerRegionCode: string; objectionCount: number; pendingCount: number };

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const objectionCount = sql<number>`(select count(*)::int from notice_objections o where o.notice_id = ${publicNotices.id})`;
const pendingCount = sql<number>`(select count(*)::int from notice_objections o where o.notice_id = ${publicNotices.id} and o.status = 'pending')`;

export type NoticeFilter = {
  statuses: readonly NoticeStatus[];
  q?: string | undefined;
  dealId?: string | undefined;
  /** Only notices the caller may decide: of these seller organisations, or of sellers under these regions (`null`: everywhere). */
  decidableBy?: { orgIds: readonly string[]; regionCodes: readonly string[] | null } | undefined;
  withPendingObjections?: boolean;
};

export function createNoticesRepo(db: Db) {
  const selection = { n: publicNotices, sellerRegionCode: organisations.regionCode, objectionCount, pendingCount };
  return {
    async findById(id: string, conn: DbConn = db, forUpdate = false): Promise<NoticeWithMeta | undefined> {
      const q = conn.select(selection).from(publicNotices).innerJoin(organisations, eq(organisations.id, publicNotices.sellerOrgId)).where(eq(publicNotices.id, id)).limit(1);
      const [row] = forUpdate ? await q.for('update', { of: publicNotices }) : await q;
      return row;
    },

    async findByDeal(conn: DbConn, dealId: string): Promise<NoticeRow | undefined> {
      const [row] = await conn.select().from(publicNotices).where(eq(publicNotices.dealId, dealId)).limit(1);
      return row;
    },

    async page(filter: NoticeFilter, page: number, pageSize: number): Promise<{ items: NoticeWithMeta[]; total: number }> {
      const conds: SQL[] = [inArray(publicNotices.status, [...filter.statuses])];
      if (filter.q) {
        const p = `%${escapeLike(filter.q)}%`;
        conds.push(or(ilike(publicNotices.achievementTitle, p), ilike(publicNotices.sellerName, p), ilike(publicNotices.buyerName, p), ilike(publicNotices.chainId, p))!);
      }
      if (filter.dealId) {
        conds.push(eq(publicNotices.dealId, filter.dealId));
      }
      if (filter.decidableBy && filter.decidableBy.regionCodes !== null) {
        const { orgIds, regionCodes } = filter.decidableBy;
        const scopes: SQL[] = [...(orgIds.length ? [inArray(publicNotices.sellerOrgId, [...orgIds])] : []), ...regionCodes.map((c) => like(organisations.regionCode, `${regionPrefix(c)}%`))];
        if (scopes.length === 0) {
          return { items: [], total: 0 };
        }
        conds.push(or(...scopes)!);
      }
      if (filter.withPendingObjections) {
        conds.push(sql`exists (select 1 from notice_objections o where o.notice_id = ${publicNotices.id} and o.status = 'pending')`);
      }
      const where = and(...conds);
      const [items, [total]] = await Promise.all([
        db
          .select(selection)
          .from(publicNotices)
          .innerJoin(organisations, eq(organisations.id, publicNotices.sellerOrgId))
          .where(where)
          // Open notices first, the soonest to end at the top; closed ones newest first.
          .orderBy(sql`case when ${publicNotices.status} = 'open' then 0 else 1 end`, sql`case when ${publicNotices.status} = 'open' then ${publicNotices.endsOn} end asc`, desc(publicNotices.publishedAt), asc(publicNotices.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ n: count() }).from(publicNotices).innerJoin(organisations, eq(organisations.id, publicNotices.sellerOrgId)).where(where),
      ]);
      return { items, total: total?.n ?? 0 };
    },

    async insert(conn: DbConn, values: NoticeInsert): Promise<NoticeRow> {
      const [row] = await conn.insert(publicNotices).values(values).returning();
      return row!;
    },

    async update(conn: DbConn, id: string, values: Partial<NoticeInsert>): Promise<NoticeRow> {
      const [row] = await conn.update(publicNotices).set(values).where(eq(publicNotices.id, id)).returning();
      return row!;
    },

    async objections(conn: DbConn, noticeId: string): Promise<ObjectionRow[]> {
      return conn.select().from(noticeObjections).where(eq(noticeObjections.noticeId, noticeId)).orderBy(asc(noticeObjections.submittedAt), asc(noticeObjections.id));
    },

    async findObjection(conn: DbConn, noticeId: string, id: string, forUpdate = false): Promise<ObjectionRow | undefined> {
      const q = conn.select().from(noticeObjections).where(and(eq(noticeObjections.id, id), eq(noticeObjections.noticeId, noticeId))).limit(1);
      const [row] = forUpdate ? await q.for('update') : await q;
      return row;
    },

    async pendingObjections(conn: DbConn, noticeId: string): Promise<number> {
      const [row] = await conn.select({ n: count() }).from(noticeObjections).where(and(eq(noticeObjections.noticeId, noticeId), eq(noticeObjections.status, 'pending')));
      return row?.n ?? 0;
    },

    async insertObjection(conn: DbConn, values: typeof noticeObjections.$inferInsert): Promise<ObjectionRow> {
      const [row] = await conn.insert(noticeObjections).values(values).returning();
      return row!;
    },

    async updateObjection(conn: DbConn, id: string, values: Partial<typeof noticeObjections.$inferInsert>): Promise<ObjectionRow> {
      const [row] = await conn.update(noticeObjections).set(values).where(eq(noticeObjections.id, id)).returning();
      return row!;
    },

    // Calendar -------------------------------------------------------------------------------

    async calendarBetween(conn: DbConn, from: string, to: string): Promise<CalendarDayRow[]> {
      return conn.select().from(calendarDays).where(and(gte(calendarDays.day, from), lte(calendarDays.day, to))).orderBy(asc(calendarDays.day));
    },

    async calendarDay(conn: DbConn, day: string): Promise<CalendarDayRow | undefined> {
      const [row] = await conn.select().from(calendarDays).where(eq(calendarDays.day, day)).limit(1);
      return row;
    },

    async upsertCalendarDay(conn: DbConn, values: { day: string; kind: CalendarDayKind; name: string; updatedBy: string | null }): Promise<CalendarDayRow> {
      const [row] = await conn
        .insert(calendarDays)
        .values({ ...values, updatedAt: new Date() })
        .onConflictDoUpdate({ target: calendarDays.day, set: { kind: values.kind, name: values.name, updatedBy: values.updatedBy, updatedAt: new Date() } })
        .returning();
      return row!;
    },

    /** Removes the exception of `day`; returns it, or undefined when there was none. */
    async deleteCalendarDay(conn: DbConn, day: string): Promise<CalendarDayRow | undefined> {
      const [row] = await conn.delete(calendarDays).where(eq(calendarDays.day, day)).returning();
      return row;
    },

    /** Years that already have at least one calendar row. */
    async calendarYears(conn: DbConn): Promise<Set<number>> {
      const rows = await conn.selectDistinct({ y: sql<number>`extract(year from ${calendarDays.day})::int` }).from(calendarDays);
      return new Set(rows.map((r) => Number(r.y)));
    },

    async insertCalendarDays(conn: DbConn, rows: readonly { day: string; kind: CalendarDayKind; name: string }[]): Promise<number> {
      if (rows.length === 0) {
        return 0;
      }
      const out = await conn.insert(calendarDays).values([...rows]).onConflictDoNothing().returning({ day: calendarDays.day });
      return out.length;
    },
  };
}
export type NoticesRepo = ReturnType<typeof createNoticesRepo>;
