import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase } from '#server/db/client';
import { rowsOf, type DbHandle } from '#server/db/types';
import { fixedClock } from '#server/lib/clock';
import { createTestDb } from '../../../test/helpers/test-db';
import { createSchedulerRepo, createSchedulerService } from './index';

describe('scheduler: exactly-once timed jobs', () => {
  let handle: DbHandle & { url?: string };
  const clock = fixedClock('2026-11-25T02:00:00Z');

  beforeAll(async () => {
    handle = await createTestDb();
    await handle.db.execute(sql`create table job_effects (key text not null, ran_by text not null)`);
  });
  afterAll(() => handle.close());

  function scheduler(name: string, db = handle.db) {
    const s = createSchedulerService({ db, repo: createSchedulerRepo(), clock, processName: name });
    s.register('test.effect', async (tx, job) => {
      await tx.execute(sql`insert into job_effects (key, ran_by) values (${job.key}, ${name})`);
      return 'done';
    });
    return s;
  }

  it('runs a due job once, not before it is due, and records who ran it', async () => {
    const a = scheduler('a');
    await a.schedule(handle.db, { kind: 'test.effect', key: 'k1', runAt: new Date('2026-11-25T02:00:05Z') });
    expect((await a.runDue()).ran).toBe(0);
    clock.advance(5_000);
    expect(await a.runDue()).toEqual({ ran: 1, postponed: 0, failed: 0 });
    expect(await a.runDue()).toEqual({ ran: 0, postponed: 0, failed: 0 });
    const job = await a.find(handle.db, 'test.effect', 'k1');
    expect(job).toMatchObject({ status: 'done', doneBy: 'a', attempts: 1 });
    expect(rowsOf(await handle.db.execute(sql`select ran_by from job_effects where key = 'k1'`))).toEqual([{ ran_by: 'a' }]);
  });

  it('rescheduling moves a pending job; a done job stays done', async () => {
    const a = scheduler('a2');
    await a.schedule(handle.db, { kind: 'test.effect', key: 'k1', runAt: new Date('2026-11-25T01:00:00Z') });
    expect((await a.runDue()).ran).toBe(0);
    await a.schedule(handle.db, { kind: 'test.effect', key: 'k2', runAt: new Date('2026-11-25T09:00:00Z') });
    await a.schedule(handle.db, { kind: 'test.effect', key: 'k2', runAt: new Date('2026-11-25T01:00:00Z') });
    expect((await a.runDue()).ran).toBe(1);
  });

  it('a handler that is not due yet postpones without running the effect', async () => {
    const s = createSchedulerService({ db: handle.db, repo: createSchedulerRepo(), clock, processName: 'p' });
    let calls = 0;
    s.register('test.postpone', async (_tx, _job, now) => (++calls === 1 ? { postpone: new Date(now.getTime() + 60_000) } : 'done'));
    await s.schedule(handle.db, { kind: 'test.postpone', key: 'x', runAt: clock.now() });
    expect(await s.runDue()).toEqual({ ran: 0, postponed: 1, failed: 0 });
    expect((await s.find(handle.db, 'test.postpone', 'x'))?.status).toBe('pending');
    clock.advance(60_000);
    expect(await s.runDue()).toEqual({ ran: 1, postponed: 0, failed: 0 });
  });

  it('a failing handler rolls back its effect and is retried with backoff', async () => {
    const s = createSchedulerService({ db: handle.db, repo: createSchedulerRepo(), clock, processName: 'f' });
    let fail = true;
    s.register('test.fail', async (tx, job) => {
      await tx.execute(sql`insert into job_effects (key, ran_by) values (${job.key}, 'f')`);
      if (fail) {
        throw new Error('boom');
      }
      return 'done';
    });
    await s.schedule(handle.db, { kind: 'test.fail', key: 'r1', runAt: clock.now() });
    expect(await s.runDue()).toEqual({ ran: 0, postponed: 0, failed: 1 });
    expect(rowsOf(await handle.db.execute(sql`select 1 from job_effects where key = 'r1'`))).toHaveLength(0);
    expect(await s.find(handle.db, 'test.fail', 'r1')).toMatchObject({ status: 'pending', attempts: 1, lastError: 'boom' });
    fail = false;
    expect((await s.runDue()).ran).toBe(0); // backoff: not yet
    clock.advance(61_000);
    expect((await s.runDue()).ran).toBe(1);
    expect(rowsOf(await handle.db.execute(sql`select 1 from job_effects where key = 'r1'`))).toHaveLength(1);
  });

  it('a handler whose statement fails (aborting the transaction) still gets its failure recorded', async () => {
    const s = createSchedulerService({ db: handle.db, repo: createSchedulerRepo(), clock, processName: 'sqlfail' });
    s.register('test.sqlfail', async (tx, job) => {
      await tx.execute(sql`insert into job_effects (key, ran_by) values (${job.key}, 'sqlfail')`);
      await tx.execute(sql`select * from no_such_table`);
      return 'done';
    });
    await s.schedule(handle.db, { kind: 'test.sqlfail', key: 's1', runAt: clock.now() });
    expect(await s.runDue()).toEqual({ ran: 0, postponed: 0, failed: 1 });
    expect(rowsOf(await handle.db.execute(sql`select 1 from job_effects where key = 's1'`))).toHaveLength(0);
    expect(await s.find(handle.db, 'test.sqlfail', 's1')).toMatchObject({ status: 'pending', attempts: 1 });
  });

  it('stopping the poller lets the job in hand commit and starts no other', async () => {
    const s = createSchedulerService({ db: handle.db, repo: createSchedulerRepo(), clock, processName: 'stop' });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started = 0;
    s.register('test.slow', async (tx, job) => {
      started++;
      await gate;
      await tx.execute(sql`insert into job_effects (key, ran_by) values (${job.key}, 'stop')`);
      return 'done';
    });
    await s.schedule(handle.db, { kind: 'test.slow', key: 'slow-1', runAt: clock.now() });
    await s.schedule(handle.db, { kind: 'test.slow', key: 'slow-2', runAt: clock.now() });
    const stop = s.start(50);
    await vi.waitFor(() => expect(started).toBe(1));
    let stoppedAt = 0;
    const stopping = stop().then(() => (stoppedAt = started));
    release();
    await stopping;
    expect(stoppedAt).toBe(1);
    expect((await s.find(handle.db, 'test.slow', 'slow-1'))?.status).toBe('done');
    expect((await s.find(handle.db, 'test.slow', 'slow-2'))?.status).toBe('pending');
  });

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))('a job that fails is not picked up again by another process before its backoff', async () => {
    const other = await openDatabase({ databaseUrl: handle.url!, dataDir: '', poolSize: 5 });
    try {
      const failedOnce = new Set<string>();
      const make = (name: string, db: typeof handle.db) => {
        const s = createSchedulerService({ db, repo: createSchedulerRepo(), clock, processName: name });
        // Fails the first time any process runs a key, succeeds afterwards.
        s.register('test.flaky', async (tx, job) => {
          await tx.execute(sql`insert into job_effects (key, ran_by) values (${job.key}, ${name})`);
          if (!failedOnce.has(job.key)) {
            failedOnce.add(job.key);
            throw new Error('first attempt fails');
          }
          return 'done';
        });
        return s;
      };
      const a = make('flaky-a', handle.db);
      const b = make('flaky-b', other.db);
      for (let i = 0; i < 100; i++) {
        await a.schedule(handle.db, { kind: 'test.flaky', key: `flaky-${i}`, runAt: clock.now() });
      }
      const [ra, rb] = await Promise.all([a.runDue(1000), b.runDue(1000)]);
      // Every job failed once and waits for its backoff: none ran a second time in the same tick.
      expect({ ran: ra.ran + rb.ran, failed: ra.failed + rb.failed }).toEqual({ ran: 0, failed: 100 });
      const jobs = rowsOf<{ status: string; attempts: number }>(
        await handle.db.execute(sql`select status, attempts from scheduled_jobs where kind = 'test.flaky'`),
      );
      expect(jobs).toHaveLength(100);
      expect(jobs.every((j) => j.status === 'pending' && j.attempts === 1)).toBe(true);
      expect(rowsOf(await handle.db.execute(sql`select 1 from job_effects where key like 'flaky-%'`))).toHaveLength(0);
    } finally {
      await other.close();
    }
  });

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))('two processes racing over 200 due jobs run each exactly once', async () => {
    const url = handle.url;
    expect(url).toBeDefined();
    const other = await openDatabase({ databaseUrl: url!, dataDir: '', poolSize: 5 });
    try {
      const a = scheduler('race-a');
      const b = scheduler('race-b', other.db);
      const when = clock.now();
      for (let i = 0; i < 200; i++) {
        await a.schedule(handle.db, { kind: 'test.effect', key: `race-${i}`, runAt: when });
      }
      const [ra, rb] = await Promise.all([a.runDue(1000), b.runDue(1000)]);
      expect(ra.ran + rb.ran).toBe(200);
      const counts = rowsOf<{ key: string; n: number }>(
        await handle.db.execute(sql`select key, count(*)::int as n from job_effects where key like 'race-%' group by key`),
      );
      expect(counts).toHaveLength(200);
      expect(counts.every((c) => c.n === 1)).toBe(true);
    } finally {
      await other.close();
    }
  });
});
