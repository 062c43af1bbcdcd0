import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type DbHandle } from '#server/db/types';
import { createTestDb } from '../../../test/helpers/test-db';
import { VECTOR_DIMS } from './semantic';
import { createVectorStore, nearestQuery, type VectorStore } from './vector-store';

// 1,200 unit vectors around 12 directions; listings in a scratch table (alias l), 1 in 100 a draft.
const N = 1200;
const TABLE = sql.raw('vs_test_listings');
let handle: DbHandle;
let store: VectorStore;
const ids: string[] = [];
const vecs: Float32Array[] = [];

let seed = 7;
const rnd = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32 - 0.5;
};
function unit(centre: number): Float32Array {
  const v = Float32Array.from({ length: VECTOR_DIMS }, (_, i) => (i % 12 === centre ? 1 : 0) + rnd() * 0.4);
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}
const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);

beforeAll(async () => {
  handle = await createTestDb();
  store = createVectorStore(handle);
  await handle.db.execute(sql`create table vs_test_listings (id uuid primary key, status text not null, region text not null)`);
  const rows: { id: string; v: Float32Array }[] = [];
  for (let i = 0; i < N; i++) {
    const id = randomUUID();
    ids.push(id);
    vecs.push(unit(i % 12));
    rows.push({ id, v: vecs[i]! });
    await handle.db.execute(sql`insert into vs_test_listings values (${id}, ${i % 100 === 0 ? 'draft' : 'published'}, ${i % 300 === 1 ? 'rare' : 'common'})`);
  }
  await store.withoutIndexes(() => handle.db.transaction((tx) => store.upsertMany(tx, 'achievement', 'test:1', rows)));
  await handle.db.execute(sql`analyze listing_vectors`);
  await handle.db.execute(sql`analyze vs_test_listings`);
}, 120_000);
afterAll(() => handle.close());

const published = sql`l.status = 'published'`;

describe('vector store k-NN (pgvector)', () => {
  it('is served by the HNSW index in distance order, not by sorting every vector', async (ctx) => {
    if (!handle.capabilities.vector) {
      ctx.skip();
    }
    const plan = await handle.db.transaction(async (tx) => {
      // The settings `nearest` runs its statement under.
      await tx.execute(sql`set local hnsw.iterative_scan = relaxed_order`);
      await tx.execute(sql`set local enable_sort = off`);
      return rowsOf<Record<string, string>>(await tx.execute(sql`explain ${nearestQuery('achievement', vecs[5]!, 50, TABLE, published)}`)).map((r) => Object.values(r)[0]).join('\n');
    });
    expect(plan).toMatch(/Index Scan using listing_vectors_achievement_hnsw/);
    expect(plan).not.toMatch(/\bSort\b/);
  });

  it('returns the nearest published listings, best first, never a draft', async () => {
    const q = vecs[5]!;
    const got = await store.nearest('achievement', q, 20, { table: TABLE, where: published, candidates: ids });
    expect(got).toHaveLength(20);
    const drafts = new Set(ids.filter((_, i) => i % 100 === 0));
    expect(got.some((n) => drafts.has(n.id))).toBe(false);
    for (let i = 1; i < got.length; i++) {
      expect(got[i - 1]!.similarity).toBeGreaterThanOrEqual(got[i]!.similarity);
    }
    // Exact answer for comparison: the HNSW top 20 must overlap it almost entirely.
    const exact = ids
      .map((id, i) => ({ id, s: i % 100 === 0 ? -Infinity : dot(q, vecs[i]!) }))
      .sort((a, b) => b.s - a.s)
      .slice(0, 20)
      .map((e) => e.id);
    expect(got[0]!.id).toBe(exact[0]);
    expect(got.filter((n) => exact.includes(n.id)).length).toBeGreaterThanOrEqual(18);
  });

  it('still fills the answer under a selective filter (falls back to an exact ranking of the few that pass)', async () => {
    const rare = sql`l.status = 'published' and l.region = 'rare'`;
    const expected = ids.filter((_, i) => i % 300 === 1);
    const got = await store.nearest('achievement', vecs[0]!, 10, { table: TABLE, where: rare, candidates: expected });
    expect(got.map((n) => n.id).sort()).toEqual([...expected].sort());
  });

  it('leaves the caller’s transaction with the planner settings it had', async (ctx) => {
    if (!handle.capabilities.vector) {
      ctx.skip();
    }
    const setting = await handle.db.transaction(async (tx) => {
      await store.nearest('achievement', vecs[3]!, 5, { table: TABLE, where: published, conn: tx });
      return rowsOf<{ enable_sort: string }>(await tx.execute(sql`show enable_sort`))[0]?.enable_sort;
    });
    expect(setting).toBe('on');
  });
});
