import { and, eq, inArray, lt, notInArray, sql } from 'drizzle-orm';
import type { Db, DbConn } from '#server/db/types';
import { importJobs, INTERRUPTED_FAILURE } from './imports.tables';

export type ImportJobRow = typeof importJobs.$inferSelect;
export type ImportJobInsert = typeof importJobs.$inferInsert;

export function createImportsRepo(db: Db) {
  return {
    async insert(values: ImportJobInsert, conn: DbConn = db): Promise<ImportJobRow> {
      const [row] = await conn.insert(importJobs).values(values).returning();
      return row!;
    },

    async update(id: string, values: Partial<ImportJobInsert>, conn: DbConn = db): Promise<void> {
      await conn.update(importJobs).set(values).where(eq(importJobs.id, id));
    },

    /** Renews the heartbeat of running jobs. */
    async touch(ids: readonly string[], now: Date, conn: DbConn = db): Promise<void> {
      await conn
        .update(importJobs)
        .set({ heartbeatAt: now })
        .where(and(inArray(importJobs.id, [...ids]), eq(importJobs.status, 'running')));
    },

    /** Marks one job failed if it is still running with a heartbeat older than `before`; returns it then. */
    async markInterrupted(id: string, before: Date, now: Date, conn: DbConn = db): Promise<ImportJobRow | undefined> {
      const [row] = await conn
        .update(importJobs)
        .set(interrupted(now))
        .where(and(eq(importJobs.id, id), eq(importJobs.status, 'running'), lt(sql`coalesce(${importJobs.heartbeatAt}, ${importJobs.createdAt})`, before)))
        .returning();
      return row;
    },

    /** Marks every running job with a heartbeat older than `before` (except `keep`) failed; returns how many. */
    async markAllInterrupted(keep: readonly string[], before: Date, now: Date, conn: DbConn = db): Promise<number> {
      const rows = await conn
        .update(importJobs)
        .set(interrupted(now))
        .where(
          and(
            eq(importJobs.status, 'running'),
            lt(sql`coalesce(${importJobs.heartbeatAt}, ${importJobs.createdAt})`, before),
            ...(keep.length ? [notInArray(importJobs.id, [...keep])] : []),
          ),
        )
        .returning({ id: importJobs.id });
      return rows.length;
    },

    /**
     * Refreshes the planner statistics of the catalogue table. PGlite never autovacuums: without
     * this, a large organisation's external-id lookups scan all of its listings (165 ms instead of
     * 29 ms per 500-row batch at 200k) and the import slows as the catalogue grows.
     */
    async analyzeCatalogue(conn: DbConn = db): Promise<void> {
      await conn.execute(sql`analyze achievements`);
    },

    async findById(id: string, conn: DbConn = db): Promise<ImportJobRow | undefined> {
      const [row] = await conn.select().from(importJobs).where(eq(importJobs.id, id)).limit(1);
      return row;
    },
  };
}
/** What an interrupted job becomes: failed, with the reason recorded. */
function interrupted(now: Date): Partial<ImportJobInsert> {
  return { status: 'failed', failure: INTERRUPTED_FAILURE, finishedAt: now };
}
export type ImportsRepo = ReturnType<typeof createImportsRepo>;
