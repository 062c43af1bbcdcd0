import type { NotificationKind } from '../../../../shared/contracts/notifications.contract';
import { index, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables';

/** In-app notifications of a user (new matches for saved searches and demands). */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text().$type<NotificationKind>().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    /** What it is about, e.g. { achievementId, savedSearchId, demandId, score }. */
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** Makes re-processing idempotent: one notification per user and subject. */
    dedupeKey: text().notNull(),
    readAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('notifications_dedupe_key').on(t.userId, t.dedupeKey), index('notifications_user_idx').on(t.userId, t.createdAt)],
);
