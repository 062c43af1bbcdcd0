import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { DbConn, Tx } from '#server/db/types';
import { scheduledJobs } from './scheduler.tables';

export type JobRow = typeof scheduledJobs.$inferSelect;

export function createSchedulerRepo() {
  return {
    /**
     * Schedules (kind, key) at `runAt`; scheduling it again moves a pending job (e.g. a changed
     * auction end). A job already done stays done unless `reopen` is set.
     */
    async schedule(
      conn: DbConn,
      job: { kind: string; key: string; runAt: Date; payload?: Record<string, unknown> },
      reopen = false,
    ): Promise<void> {
      await conn
        .insert(scheduledJobs)
        .values({ kind: job.kind, key: job.key, runAt: job.runAt, payload: job.payload ?? {} })
        .onConflictDoUpdate({
          target: [scheduledJobs.kind, scheduledJobs.key],
          set: {
            runAt: job.runAt,
            ...(job.payload ? { payload: job.payload } : {}),
            ...(reopen ? { status: 'pending', attempts: 0, lastError: null, doneAt: null, doneBy: null } : {}),
          },
          ...(reopen ? {} : { setWhere: sql`${scheduledJobs.status} = 'pending'` }),
        });
    },

    async cancel(conn: DbConn, kind: string, key: string): Promise<void> {
      await conn
        .delete(scheduledJobs)
        .where(and(eq(scheduledJobs.kind, kind), eq(scheduledJobs.key, key), eq(scheduledJobs.status, 'pending')));
    },

    /** Locks one due job that no other process holds (FOR UPDATE SKIP LOCKED), oldest first. */
    async claimOne(tx: Tx, now: Date, kinds: readonly string[]): Promise<JobRow | undefined> {
      const [row] = await tx
        .select()
        .from(scheduledJobs)
        .where(
          and(
            eq(scheduledJobs.status, 'pending'),
            lte(scheduledJobs.runAt, now),
            sql`${scheduledJobs.kind} = any(${sql.param([...kinds])}::text[])`,
          ),
        )
        .orderBy(asc(scheduledJobs.runAt))
        .limit(1)
        .for('update', { skipLocked: true });
      return row;
    },

    async markDone(tx: Tx, id: string, now: Date, by: string): Promise<void> {
      await tx
        .update(scheduledJobs)
        .set({ status: 'done', doneAt: now, doneBy: by, attempts: sql`${scheduledJobs.attempts} + 1` })
        .where(eq(scheduledJobs.id, id));
    },

    /** Moves a job (the handler found it is not due yet, e.g. an extended auction). */
    async postpone(tx: Tx, id: string, runAt: Date): Promise<void> {
      await tx.update(scheduledJobs).set({ runAt }).where(eq(scheduledJobs.id, id));
    },

    async recordFailure(conn: DbConn, id: string, error: string, retryAt: Date, maxAttempts: number): Promise<void> {
      await conn
        .update(scheduledJobs)
        .set({
          attempts: sql`${scheduledJobs.attempts} + 1`,
          lastError: error.slice(0, 2000),
          runAt: retryAt,
          status: sql`case when ${scheduledJobs.attempts} + 1 >= ${maxAttempts} then 'failed' else 'pending' end`,
        })
        .where(eq(scheduledJobs.id, id));
    },

    async find(conn: DbConn, kind: string, key: string): Promise<JobRow | undefined> {
      const [row] = await conn
        .select()
        .from(scheduledJobs)
        .where(and(eq(scheduledJobs.kind, kind), eq(scheduledJobs.key, key)));
      return row;
    },
  };
}
export type SchedulerRepo = ReturnType<typeof createSchedulerRepo>;
