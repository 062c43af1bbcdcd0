import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/**
 * Durable timed work (auction closes, notice expiries, listing expiries). The database is the
 * source of truth, never an in-memory timer: every app process polls, claims a due row with
 * `FOR UPDATE SKIP LOCKED` and runs its handler in the same transaction that marks it done, so the
 * effect happens exactly once across processes and survives restarts (decision 009).
 */
export const scheduledJobs = pgTable(
  'scheduled_jobs',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Handler name, e.g. `auction.close`. */
    kind: text().notNull(),
    /** The entity the job acts on; (kind, key) is unique so a job is scheduled once. */
    key: text().notNull(),
    runAt: timestamp({ withTimezone: true }).notNull(),
    status: text().$type<'pending' | 'done' | 'failed'>().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    lastError: text(),
    payload: jsonb()
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    /** Which process ran it (host:pid), for the operator. */
    doneBy: text(),
    doneAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('scheduled_jobs_kind_key').on(t.kind, t.key),
    index('scheduled_jobs_due_idx')
      .on(t.runAt)
      .where(sql`status = 'pending'`),
  ],
);
