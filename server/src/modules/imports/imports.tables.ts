import { boolean, index, integer, jsonb, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../organisations/organisations.tables';

/** A stored row problem: rendered in the reader's language when the report is read. */
export type StoredRowError = { row: number; externalId: string | null; field: string; code: string; params: Record<string, unknown> };

/** The stored failure of an import whose process stopped before it finished (rendered per language). */
export const INTERRUPTED_FAILURE = 'interrupted';

/** One bulk import (汇交): options, progress counts and the per-row report. */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    /** The importing user (null for the CLI's system actor). */
    createdBy: uuid(),
    entity: text().$type<'achievement'>().notNull().default('achievement'),
    status: text().$type<'running' | 'succeeded' | 'partial' | 'rejected' | 'failed'>().notNull(),
    mode: text().$type<'all' | 'valid'>().notNull(),
    publish: boolean().notNull(),
    format: text().$type<'csv' | 'xlsx' | 'jsonl'>().notNull(),
    encoding: text().notNull(),
    filename: text(),
    total: integer().notNull().default(0),
    processed: integer().notNull().default(0),
    created: integer().notNull().default(0),
    updated: integer().notNull().default(0),
    unchanged: integer().notNull().default(0),
    failed: integer().notNull().default(0),
    errors: jsonb().$type<StoredRowError[]>().notNull().default([]),
    errorsTruncated: boolean().notNull().default(false),
    failure: text(),
    rowsPerSecond: real(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Renewed by the importing process while the job runs; a running job whose heartbeat stopped was interrupted. */
    heartbeatAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('import_jobs_org_idx').on(t.orgId, t.createdAt)],
);
