import { hostname } from 'node:os';
import type { Db, Tx } from '#server/db/types';
import type { Clock } from '#server/lib/clock';
import type { JobRow, SchedulerRepo } from './scheduler.repo';

/**
 * What a handler returns: `done` (the effect is written in `tx`, the job is marked done in the
 * same transaction) or `{ postpone: Date }` when the job is not due yet (an auction extended by a
 * late bid), which moves it without running the effect.
 */
export type JobOutcome = 'done' | { postpone: Date };
export type JobHandler = (tx: Tx, job: JobRow, now: Date) => Promise<JobOutcome>;

export type SchedulerDeps = {
  db: Db;
  repo: SchedulerRepo;
  clock: Clock;
  log?: (obj: Record<string, unknown>, msg: string) => void;
  /** This process's name in `doneBy` (default host:pid). */
  processName?: string;
};

const MAX_ATTEMPTS = 10;

/**
 * Exactly-once timed work across app processes (decision 009). The database holds the jobs; each
 * process polls, claims one due job with FOR UPDATE SKIP LOCKED and runs its handler inside the
 * transaction that marks it done. Two processes never run the same job (the row lock), a crash
 * rolls the effect back together with the claim (so another process runs it), and nothing depends
 * on a timer surviving in memory.
 */
export function createSchedulerService({
  db,
  repo,
  clock,
  log = () => undefined,
  processName = `${hostname()}:${process.pid}`,
}: SchedulerDeps) {
  const handlers = new Map<string, JobHandler>();

  return {
    processName,
    /** Registers the handler of a job kind (at composition time). */
    register(kind: string, handler: JobHandler): void {
      if (handlers.has(kind)) {
        throw new Error(`scheduler: handler for ${kind} registered twice`);
      }
      handlers.set(kind, handler);
    },

    /** Schedules or moves a job; call it inside the transaction that creates the reason for it. */
    schedule: (...args: Parameters<SchedulerRepo['schedule']>) => repo.schedule(...args),
    cancel: (...args: Parameters<SchedulerRepo['cancel']>) => repo.cancel(...args),
    find: (...args: Parameters<SchedulerRepo['find']>) => repo.find(...args),

    /**
     * Runs every job due now, one transaction per job, and returns how many ran. A handler that
     * throws rolls back its own job only; the job is retried with backoff and marked failed after
     * 10 attempts.
     */
    runDue,

    /** Polls every `intervalMs` (default 1 s) in the serving process; returns the stop function (awaits the job in hand). */
    start(intervalMs = 1000): () => Promise<void> {
      let current: Promise<unknown> | undefined;
      let stopped = false;
      const tick = () => {
        if (current || stopped) {
          return;
        }
        current = runDue(100, () => stopped)
          .catch((err: unknown) => log({ err }, 'scheduler tick failed'))
          .finally(() => {
            current = undefined;
          });
      };
      const timer = setInterval(tick, intervalMs);
      timer.unref();
      // Stopping lets the job in hand finish (its transaction commits) and starts no other.
      return async () => {
        stopped = true;
        clearInterval(timer);
        await current;
      };
    },
  };

  async function runDue(limit = 100, isStopped: () => boolean = () => false): Promise<{ ran: number; postponed: number; failed: number }> {
    const kinds = [...handlers.keys()];
    let ran = 0;
    let postponed = 0;
    let failed = 0;
    if (kinds.length === 0) {
      return { ran, postponed, failed };
    }
    for (let i = 0; i < limit && !isStopped(); i++) {
      const now = clock.now();
      // One transaction per job; the handler runs in a savepoint so that, when it throws, its effect
      // is rolled back while the claim (the row lock) is kept and the failure is recorded in the
      // same transaction: no other process can pick the job up between the failure and its backoff.
      const outcome = await db.transaction(async (tx): Promise<JobOutcome | 'failed' | undefined> => {
        const job = await repo.claimOne(tx, now, kinds);
        if (!job) {
          return undefined;
        }
        try {
          return await tx.transaction(async (sp) => {
            const result = await handlers.get(job.kind)!(sp, job, now);
            if (result === 'done') {
              await repo.markDone(sp, job.id, now, processName);
            } else {
              await repo.postpone(sp, job.id, result.postpone);
            }
            return result;
          });
        } catch (err) {
          const attempt = job.attempts + 1;
          const retryAt = new Date(now.getTime() + Math.min(60_000 * 2 ** (attempt - 1), 3_600_000));
          await repo.recordFailure(tx, job.id, err instanceof Error ? err.message : String(err), retryAt, MAX_ATTEMPTS);
          log({ err, job: job.kind, key: job.key, attempt }, 'scheduled job failed');
          return 'failed';
        }
      });
      if (outcome === undefined) {
        break;
      }
      if (outcome === 'done') {
        ran++;
      } else if (outcome === 'failed') {
        failed++;
      } else {
        postponed++;
      }
    }
    return { ran, postponed, failed };
  }
}
export type SchedulerService = ReturnType<typeof createSchedulerService>;
