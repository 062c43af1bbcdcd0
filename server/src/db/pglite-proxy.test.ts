import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import type { DbHandle } from './types';
import { pgErrorCode, rowsOf } from './types';

// The server's default embedded mode: PGlite in a worker thread behind a message-passing proxy.
let h: DbHandle;
beforeAll(async () => {
  h = await openDatabase({ dataDir: 'memory://', worker: true });
  await h.db.execute(sql`create table t (id int primary key, v text)`);
}, 60_000);
afterAll(() => h.close());

describe('PGlite worker proxy', () => {
  it('runs queries, migrations and extensions in the worker', async () => {
    expect(h.mode).toBe('embedded');
    expect(h.capabilities.vector).toBe(true);
    expect(h.capabilities.pg_textsearch).toBe(true);
    const rows = rowsOf<{ n: number }>(await h.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`));
    expect(rows[0]!.n).toBeGreaterThan(0);
  });

  it('keeps the event loop free while a long query runs', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const t0 = performance.now();
    await h.db.execute(sql`select pg_sleep(0.4)`);
    clearInterval(timer);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(380);
    // In-process PGlite would freeze the loop for the whole 400 ms (zero ticks).
    expect(ticks).toBeGreaterThan(20);
  });

  it('commits a transaction and rolls one back on error', async () => {
    await h.db.transaction(async (tx) => {
      await tx.execute(sql`insert into t values (1, 'a')`);
    });
    await expect(
      h.db.transaction(async (tx) => {
        await tx.execute(sql`insert into t values (2, 'b')`);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const rows = rowsOf<{ id: number }>(await h.db.execute(sql`select id from t order by id`));
    expect(rows.map((r) => r.id)).toEqual([1]);
  });

  it('does not interleave other statements into an open transaction', async () => {
    const order: string[] = [];
    const tx = h.db.transaction(async (txn) => {
      await txn.execute(sql`insert into t values (10, 'tx')`);
      order.push('tx-insert');
      await new Promise((r) => setTimeout(r, 50));
      await txn.execute(sql`update t set v = 'tx2' where id = 10`);
      order.push('tx-update');
    });
    const outside = h.db.execute(sql`select count(*)::int as n from t where id = 10`).then((r) => {
      order.push('outside');
      return (r as { rows: { n: number }[] }).rows[0]!.n;
    });
    await tx;
    // The outside read waited for COMMIT, so it sees the committed row.
    expect(await outside).toBe(1);
    expect(order).toEqual(['tx-insert', 'tx-update', 'outside']);
  });

  it('carries the SQLSTATE of database errors across the thread boundary', async () => {
    await h.db.execute(sql`insert into t values (20, 'x')`);
    const err = await h.db.execute(sql`insert into t values (20, 'y')`).catch((e: unknown) => e);
    expect(pgErrorCode(err)).toBe('23505');
  });
});
