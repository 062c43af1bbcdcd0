import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db, type DbConn, type DbHandle } from '#server/db/types';
import { VECTOR_DIMS } from './semantic';

export type EntityType = 'achievement' | 'demand';
export type Neighbour = { id: string; similarity: number };

/**
 * Listing vectors. With pgvector (PGlite always, a server when installed) they live in a
 * `vec vector(256)` column with one partial HNSW index per entity type (cosine), created here at
 * runtime because a plain PostgreSQL cannot run that DDL. Without pgvector they are a float4[]
 * column and nearest neighbours are computed exactly over a prefiltered candidate set.
 */
export function createVectorStore(handle: DbHandle) {
  const db: Db = handle.db;
  const hnsw = handle.capabilities.vector;
  let ready = !hnsw;

  /**
   * Creates the pgvector column and HNSW indexes once. Runs on the caller's connection (inside a
   * publishing transaction on PGlite there is no other); it is remembered only once the column is
   * seen to exist, so a rolled-back transaction cannot leave a wrong "done".
   */
  async function ensure(conn: DbConn = db): Promise<void> {
    if (ready) {
      return;
    }
    const [has] = rowsOf<{ n: number }>(await conn.execute(sql`select count(*)::int as n from pg_attribute where attrelid = 'listing_vectors'::regclass and attname = 'vec' and not attisdropped`));
    if (Number(has?.n ?? 0) > 0) {
      ready = true;
      return;
    }
    await conn.execute(sql.raw(`alter table listing_vectors add column if not exists vec vector(${VECTOR_DIMS})`));
    await createIndexes(conn);
  }

  async function createIndexes(conn: DbConn = db): Promise<void> {
    for (const type of ['achievement', 'demand'] as const) {
      await conn.execute(
        sql.raw(`create index if not exists listing_vectors_${type}_hnsw on listing_vectors using hnsw (vec vector_cosine_ops) with (m = 16, ef_construction = 64) where entity_type = '${type}'`),
      );
    }
  }

  return {
    hnsw,
    ensure,

    /**
     * Runs a bulk rewrite of the vectors without the HNSW indexes (building them once afterwards
     * is much faster than maintaining them row by row); k-NN meanwhile falls back to an exact scan.
     */
    async withoutIndexes<T>(fn: () => Promise<T>): Promise<T> {
      await ensure();
      if (!hnsw) {
        return fn();
      }
      await db.execute(sql.raw('drop index if exists listing_vectors_achievement_hnsw'));
      await db.execute(sql.raw('drop index if exists listing_vectors_demand_hnsw'));
      try {
        return await fn();
      } finally {
        await createIndexes();
      }
    },

    async upsert(conn: DbConn, type: EntityType, id: string, modelKey: string, v: Float32Array): Promise<void> {
      await ensure(conn);
      if (hnsw) {
        await conn.execute(sql`insert into listing_vectors (entity_type, entity_id, model_key, vec, updated_at)
          values (${type}, ${id}, ${modelKey}, ${literal(v)}::vector, now())
          on conflict (entity_type, entity_id) do update set model_key = excluded.model_key, vec = excluded.vec, updated_at = now()`);
      } else {
        await conn.execute(sql`insert into listing_vectors (entity_type, entity_id, model_key, embedding, updated_at)
          values (${type}, ${id}, ${modelKey}, ${literal(v).replace('[', '{').replace(']', '}')}::real[], now())
          on conflict (entity_type, entity_id) do update set model_key = excluded.model_key, embedding = excluded.embedding, updated_at = now()`);
      }
    },

    /** Many vectors in one statement per 200 rows (re-projection after training). */
    async upsertMany(conn: DbConn, type: EntityType, modelKey: string, rows: readonly { id: string; v: Float32Array }[]): Promise<void> {
      await ensure(conn);
      for (let i = 0; i < rows.length; i += 200) {
        const chunk = rows.slice(i, i + 200);
        const values = sql.join(
          chunk.map((r) => (hnsw ? sql`(${type}, ${r.id}::uuid, ${modelKey}, ${literal(r.v)}::vector, now())` : sql`(${type}, ${r.id}::uuid, ${modelKey}, ${literal(r.v).replace('[', '{').replace(']', '}')}::real[], now())`)),
          sql`, `,
        );
        await conn.execute(
          hnsw
            ? sql`insert into listing_vectors (entity_type, entity_id, model_key, vec, updated_at) values ${values}
                on conflict (entity_type, entity_id) do update set model_key = excluded.model_key, vec = excluded.vec, updated_at = now()`
            : sql`insert into listing_vectors (entity_type, entity_id, model_key, embedding, updated_at) values ${values}
                on conflict (entity_type, entity_id) do update set model_key = excluded.model_key, embedding = excluded.embedding, updated_at = now()`,
        );
      }
    },

    async remove(conn: DbConn, type: EntityType, id: string): Promise<void> {
      await conn.execute(sql`delete from listing_vectors where entity_type = ${type} and entity_id = ${id}`);
    },

    async get(type: EntityType, id: string, conn: DbConn = db): Promise<Float32Array | undefined> {
      await ensure(conn);
      const col = hnsw ? sql.raw('vec::real[]') : sql.raw('embedding');
      const [row] = rowsOf<{ v: number[] | null }>(await conn.execute(sql`select ${col} as v from listing_vectors where entity_type = ${type} and entity_id = ${id}`));
      return row?.v ? Float32Array.from(row.v) : undefined;
    },

    /**
     * The k nearest published listings of a type. `where` is a SQL condition on the listing table
     * (alias `l`, joined by id) — filters are applied inside the index scan (pgvector iterative
     * scan), so a selective filter still fills k. Without pgvector, `candidates` (ids) bound the
     * exact scan; the caller prefilters them (keyword hits, newest listings matching the filters).
     */
    async nearest(type: EntityType, v: Float32Array, k: number, opts: { where: SQL; table: SQL; candidates?: readonly string[]; conn?: DbConn }): Promise<Neighbour[]> {
      await ensure(opts.conn);
      if (hnsw) {
        // Inside the caller's transaction when given one (SET LOCAL then lasts until it ends).
        const inTx = <T>(fn: (tx: DbConn) => Promise<T>) => (opts.conn ? fn(opts.conn) : db.transaction(fn));
        return inTx(async (tx) => {
          await tx.execute(sql.raw(`set local hnsw.ef_search = ${Math.max(40, Math.min(1000, k * 2))}`));
          await tx.execute(sql.raw(`set local hnsw.iterative_scan = relaxed_order`));
          // With real statistics (every row published) the planner prefers a hash join and a sort of
          // every vector — an exact scan, 600 ms at 100k. Without sorts the only ordered path left is
          // the HNSW index scan, with the filter (an EXISTS on the listing) applied to each row it yields.
          await tx.execute(sql.raw(`set local enable_sort = off`));
          const query = nearestQuery(type, v, k, opts.table, opts.where);
          let rows = rowsOf<{ id: string; d: number }>(await tx.execute(query));
          if (rows.length < k) {
            // A selective filter can exhaust the index scan's budget (hnsw.max_scan_tuples) before k
            // rows pass it: then the filtered set is small, and an exact ranking of it is cheap.
            await tx.execute(sql.raw(`set local enable_sort = on`));
            rows = rowsOf<{ id: string; d: number }>(await tx.execute(query));
          }
          // The caller's transaction goes on with the planner as it was.
          await tx.execute(sql.raw(`set local enable_sort = on`));
          // relaxed_order may return neighbours slightly out of order: sort them.
          return rows.map((r) => ({ id: r.id, similarity: 1 - Number(r.d) })).sort((a, b) => b.similarity - a.similarity);
        });
      }
      const ids = [...new Set(opts.candidates ?? [])];
      if (ids.length === 0) {
        return [];
      }
      const out: Neighbour[] = [];
      for (let i = 0; i < ids.length; i += 1000) {
        const chunk = ids.slice(i, i + 1000);
        const rows = rowsOf<{ id: string; e: number[] | null }>(
          await (opts.conn ?? db).execute(sql`select v.entity_id as id, v.embedding as e from listing_vectors v join ${opts.table} l on l.id = v.entity_id
            where v.entity_type = ${type} and v.entity_id = any(${toUuidArray(chunk)}::uuid[]) and ${opts.where}`),
        );
        for (const r of rows) {
          if (r.e) {
            let s = 0;
            for (let j = 0; j < r.e.length && j < v.length; j++) {
              s += r.e[j]! * v[j]!;
            }
            out.push({ id: r.id, similarity: s });
          }
        }
      }
      return out.sort((a, b) => b.similarity - a.similarity).slice(0, k);
    },

    /** Stored vectors of some listings (for candidates that came from keywords only). */
    async many(type: EntityType, ids: readonly string[], conn: DbConn = db): Promise<Map<string, Float32Array>> {
      const out = new Map<string, Float32Array>();
      if (ids.length === 0) {
        return out;
      }
      await ensure(conn);
      const col = hnsw ? sql.raw('vec::real[]') : sql.raw('embedding');
      const rows = rowsOf<{ id: string; v: number[] | null }>(
        await conn.execute(sql`select entity_id as id, ${col} as v from listing_vectors where entity_type = ${type} and entity_id = any(${toUuidArray(ids)}::uuid[])`),
      );
      for (const r of rows) {
        if (r.v) {
          out.set(r.id, Float32Array.from(r.v));
        }
      }
      return out;
    },

    /** Listings whose vector is missing or was made by another model (to (re)project). */
    async stale(type: EntityType, table: SQL, modelKey: string, limit: number, after: string | null): Promise<string[]> {
      await ensure();
      // Keyset pagination by id: a whole pass is one walk over the listings, never a rescan.
      return rowsOf<{ id: string }>(
        await db.execute(sql`select l.id from ${table} l left join listing_vectors v on v.entity_type = ${type} and v.entity_id = l.id
          where l.status = 'published' and l.id > ${after ?? '00000000-0000-0000-0000-000000000000'}::uuid
            and (v.entity_id is null or v.model_key <> ${modelKey}) order by l.id limit ${limit}`),
      ).map((r) => r.id);
    },
  };
}
export type VectorStore = ReturnType<typeof createVectorStore>;

/** A pgvector literal (non-finite components as 0). */
function literal(v: Float32Array): string {
  return `[${Array.from(v, (x) => (Number.isFinite(x) ? x : 0)).join(',')}]`;
}

/**
 * The k-NN statement of `nearest` with pgvector: distance order over one entity type, the listing
 * filter as an EXISTS so that the plan can stay an HNSW index scan (exported for the plan test).
 */
export function nearestQuery(type: EntityType, v: Float32Array, k: number, table: SQL, where: SQL): SQL {
  const q = literal(v);
  return sql`select v.entity_id as id, (v.vec <=> ${q}::vector) as d
    from listing_vectors v
    where v.entity_type = ${type} and exists (select 1 from ${table} l where l.id = v.entity_id and ${where})
    order by v.vec <=> ${q}::vector limit ${k}`;
}

/** A Postgres array literal of uuids (ids are validated uuids before they get here). */
export function toUuidArray(ids: readonly string[]): string {
  return `{${ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id)).join(',')}}`;
}
