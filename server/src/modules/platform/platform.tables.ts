import { bigint, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Stored responses for requests sent with an Idempotency-Key header (see http/idempotency.ts). */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    actorKey: text().notNull(),
    key: text().notNull(),
    method: text().notNull(),
    path: text().notNull(),
    requestHash: text().notNull(),
    state: text().$type<'in_progress' | 'done'>().notNull(),
    responseStatus: bigint({ mode: 'number' }),
    responseBody: jsonb(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.actorKey, t.key] })],
);
