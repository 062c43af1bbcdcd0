import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { memberships, users } from '#server/db/schema';
import type { Db, DbConn } from '#server/db/types';
import { notifications } from './notifications.tables';

export type NotificationRow = typeof notifications.$inferSelect;
export type NotificationInsert = typeof notifications.$inferInsert;

export function createNotificationsRepo(db: Db) {
  return {
    /** Inserts unless the user already has a notification with this dedupe key; returns the new row or undefined. */
    async insertOnce(conn: DbConn, values: NotificationInsert): Promise<NotificationRow | undefined> {
      const [row] = await conn.insert(notifications).values(values).onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] }).returning();
      return row;
    },
    /** Inserts all rows in one statement, skipping users who already have a notification with the row's dedupe key. */
    async insertManyOnce(conn: DbConn, values: NotificationInsert[]): Promise<void> {
      if (values.length > 0) {
        await conn.insert(notifications).values(values).onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] });
      }
    },
    async list(userId: string, unreadOnly: boolean, limit: number, offset: number): Promise<{ items: NotificationRow[]; total: number; unread: number }> {
      const where = unreadOnly ? and(eq(notifications.userId, userId), isNull(notifications.readAt)) : eq(notifications.userId, userId);
      const items = await db.select().from(notifications).where(where).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(limit).offset(offset);
      const [counts] = await db
        .select({ total: sql<number>`count(*)::int`, unread: sql<number>`(count(*) filter (where ${notifications.readAt} is null))::int` })
        .from(notifications)
        .where(eq(notifications.userId, userId));
      return { items, total: unreadOnly ? Number(counts?.unread ?? 0) : Number(counts?.total ?? 0), unread: Number(counts?.unread ?? 0) };
    },
    async find(id: string, conn: DbConn = db): Promise<NotificationRow | undefined> {
      const [row] = await conn.select().from(notifications).where(eq(notifications.id, id));
      return row;
    },
    async markRead(conn: DbConn, id: string, at: Date): Promise<NotificationRow | undefined> {
      const [row] = await conn.update(notifications).set({ readAt: at }).where(and(eq(notifications.id, id), isNull(notifications.readAt))).returning();
      return row;
    },
    async markAllRead(conn: DbConn, userId: string, at: Date): Promise<number> {
      const rows = await conn.update(notifications).set({ readAt: at }).where(and(eq(notifications.userId, userId), isNull(notifications.readAt))).returning({ id: notifications.id });
      return rows.length;
    },
    /** Members of an organisation (every role), for organisation-wide notifications. */
    async memberIds(conn: DbConn, organisationId: string): Promise<string[]> {
      const rows = await conn.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.organisationId, organisationId));
      return rows.map((r) => r.userId);
    },
    async emailOf(userId: string, conn: DbConn = db): Promise<string | undefined> {
      const [row] = await conn.select({ email: users.email }).from(users).where(eq(users.id, userId));
      return row?.email;
    },
  };
}
export type NotificationsRepo = ReturnType<typeof createNotificationsRepo>;
