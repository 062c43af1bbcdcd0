import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import { rowsOf, type Db, type DbCapabilities, type DbConn } from '#server/db/types';
import { searchDocuments } from './search.tables';

export type SearchKind = 'achievement' | 'demand';
export type SearchRow = typeof searchDocuments.$inferSelect;
export type SearchRowInsert = typeof searchDocuments.$inferInsert;

/**
 * How ranked top-k is computed, chosen from the database's capabilities (best first):
 * - `pg_textsearch`: a BM25 index per kind (partial index); the index returns the top k (Block-Max WAND).
 * - `rum`: a RUM index per kind over `tsv` (Postgres Pro's extension, packaged by Debian for
 *   PostgreSQL 15); the index returns matches in rank order (`tsv <=> q`), so top k is read, not
 *   sorted. Its rank is ts_rank-like (term frequency and coverage, no IDF).
 * - `tsvector`: PostgreSQL's built-in full text search (GIN over `tsv`); ranking is bounded: the
 *   all-terms matches are ranked first, then any-term matches, each capped (never every matching row).
 */
export const SEARCH_ENGINES = ['pg_textsearch', 'rum', 'tsvector'] as const;
export type SearchEngine = (typeof SEARCH_ENGINES)[number];

export function chooseEngine(capabilities: DbCapabilities): SearchEngine {
  return capabilities.pg_textsearch ? 'pg_textsearch' : capabilities.rum ? 'rum' : 'tsvector';
}

/** Whether the database can run an engine (the portable `tsvector` always). */
export function engineAvailable(engine: SearchEngine, capabilities: DbCapabilities): boolean {
  return engine === 'tsvector' || capabilities[engine];
}

/** Candidates examined per tsvector step (AND, then OR). Bounds the cost of ts_rank. */
export const TSVECTOR_CANDIDATE_CAP = 2000;

/** A ranked candidate: `bm25` is the raw relevance (higher is better), `stale` from the row. */
export type RankedId = { id: string; bm25: number; stale: boolean };

/** `set col = excluded.col` for every column but the key (database names: the db client maps keys to snake_case). */
const EXCLUDED_COLUMNS = Object.fromEntries(
  Object.entries(getTableColumns(searchDocuments))
    .filter(([key]) => key !== 'id')
    .map(([key, col]) => [key, sql.raw(`excluded.${col.keyAsName ? toSnakeCase(col.name) : col.name}`)]),
) as Record<string, SQL>;

const bm25IndexName = (kind: SearchKind) => `search_documents_${kind}_bm25`;
const rumIndexName = (kind: SearchKind) => `search_documents_${kind}_rum`;
/** The kind as a SQL literal (a closed set), so the planner can match the partial indexes. */
const kindLiteral = (kind: SearchKind) => sql.raw(kind === 'demand' ? `'demand'` : `'achievement'`);

/** Quotes one analysed term for to_tsquery (terms are letters, digits and dots; quoted anyway). */
function tsqueryOf(terms: readonly string[], op: '|' | '&'): string {
  return terms.map((t) => `'${t.replace(/['\\]/g, '')}'`).join(` ${op} `);
}

export function createSearchRepo(db: Db, engine: SearchEngine) {
  let ensured: Promise<void> | undefined;
  /** Kinds being bulk-loaded by this process: their index is not there yet, and they had no rows. */
  const loading = new Set<SearchKind>();

  /** Which runtime index each kind gets (pg_textsearch: BM25; rum: RUM over tsv; tsvector: the migration's GIN). */
  const runtimeIndex = (kind: SearchKind): { name: string; ddl: string } | null =>
    engine === 'pg_textsearch'
      ? { name: bm25IndexName(kind), ddl: `create index if not exists ${bm25IndexName(kind)} on search_documents using bm25 (analysed) with (text_config = 'simple') where kind = '${kind}'` }
      : engine === 'rum'
        ? { name: rumIndexName(kind), ddl: `create index if not exists ${rumIndexName(kind)} on search_documents using rum (tsv rum_tsvector_ops) where kind = '${kind}'` }
        : null;

  async function createIndexes(): Promise<void> {
    for (const kind of ['achievement', 'demand'] as const) {
      const index = runtimeIndex(kind);
      if (!index) {
        continue; // the GIN index over tsv comes with the migration
      }
      try {
        await db.execute(sql.raw(index.ddl));
      } catch (err) {
        // Another process may have created it at the same moment: fine if it exists now.
        const exists = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from pg_indexes where indexname = ${index.name}`))[0]?.n;
        if (!exists) {
          throw err;
        }
      }
    }
    await db.execute(sql`analyze search_documents`);
  }

  /** The tsvector column is kept by the engines that rank from it. */
  const tsvOf = (row: SearchRowInsert) => (engine === 'pg_textsearch' ? null : sql`to_tsvector('simple', ${row.analysed})`);

  return {
    engine,

    /** Creates the engine's runtime index if missing (idempotent, once per process). */
    ensureIndexes(): Promise<void> {
      ensured ??= createIndexes().catch((err: unknown) => {
        ensured = undefined;
        throw err;
      });
      return ensured;
    },

    async upsert(conn: DbConn, row: SearchRowInsert): Promise<void> {
      const values = { ...row, tsv: tsvOf(row) } as SearchRowInsert;
      const { id: _id, ...set } = values;
      await conn.insert(searchDocuments).values(values).onConflictDoUpdate({ target: searchDocuments.id, set });
    },

    /** Many rows in multi-row statements (a rebuild: one round trip per 200 rows, not per row). */
    async upsertMany(conn: DbConn, rows: readonly SearchRowInsert[]): Promise<void> {
      for (let i = 0; i < rows.length; i += 200) {
        const values = rows
          .slice(i, i + 200)
          .map((row) => ({ ...row, tsv: tsvOf(row) }) as SearchRowInsert);
        if (values.length === 0) {
          continue;
        }
        await conn
          .insert(searchDocuments)
          .values(values)
          .onConflictDoUpdate({ target: searchDocuments.id, set: EXCLUDED_COLUMNS });
      }
    },

    async remove(conn: DbConn, id: string): Promise<void> {
      await conn.delete(searchDocuments).where(sql`${searchDocuments.id} = ${id}`);
    },

    async removeAll(conn: DbConn, kind: SearchKind): Promise<void> {
      await conn.delete(searchDocuments).where(sql`${searchDocuments.kind} = ${kind}`);
    },

    /** Ids of a kind indexed before `before`. */
    async ids(kind: SearchKind, before: Date): Promise<string[]> {
      return rowsOf<{ id: string }>(await db.execute(sql`select id from search_documents where kind = ${kind} and indexed_at < ${before.toISOString()}::timestamptz`)).map((r) => r.id);
    },

    /**
     * The top `k` listings of `kind` for any of `terms`, under `filter`, best first. `staleBefore`:
     * listings confirmed before it (or never) are flagged stale (the service ranks them down).
     */
    async topK(kind: SearchKind, terms: readonly string[], filter: SQL, k: number, staleBefore: Date): Promise<RankedId[]> {
      if (loading.has(kind)) {
        return [];
      }
      await this.ensureIndexes();
      const staleExpr = sql`(confirmed_at is null or confirmed_at < ${staleBefore.toISOString()}::timestamptz)`;
      if (engine === 'pg_textsearch') {
        const q = sql`to_bm25query(${terms.join(' ')}, ${bm25IndexName(kind)})`;
        // The planner must read the BM25 index in score order (top-k, Block-Max WAND). With stale or
        // missing statistics (PGlite never autovacuums) it may prefer scoring every row and sorting,
        // which re-analyses each row (~1 ms); forbidding the sort step leaves the index scan as the only
        // plan. The scan returns matching rows only, best first, and bm25_get_current_score() hands
        // over the score it computed (negative: lower is better).
        const rows = await db.transaction(async (tx) => {
          await tx.execute(sql`set local enable_sort = off`);
          return rowsOf<{ id: string; s: number; stale: boolean }>(
            await tx.execute(sql`
              select id, bm25_get_current_score() as s, ${staleExpr} as stale
              from search_documents
              where kind = ${kind} and ${filter}
              order by analysed <@> ${q}
              limit ${k}`),
          );
        });
        return rows.map((r) => ({ id: r.id, bm25: -Number(r.s), stale: r.stale }));
      }
      if (engine === 'rum') {
        // The RUM index yields matches in rank order (`<=>` is a distance: 1 / rank); with sorts
        // disabled the planner keeps that ordered index scan instead of ranking every match.
        const rows = await db.transaction(async (tx) => {
          await tx.execute(sql`set local enable_sort = off`);
          return rowsOf<{ id: string; d: number; stale: boolean }>(
            await tx.execute(sql`
              select id, (tsv <=> q.q) as d, ${staleExpr} as stale
              from search_documents, (select to_tsquery('simple', ${tsqueryOf(terms, '|')}) as q) q
              where kind = ${kindLiteral(kind)} and tsv @@ q.q and ${filter}
              order by tsv <=> q.q
              limit ${k}`),
          );
        });
        return rows.map((r) => ({ id: r.id, bm25: Number(r.d) > 0 && Number.isFinite(Number(r.d)) ? 1 / Number(r.d) : 0, stale: r.stale }));
      }
      // tsvector: all-terms matches first (usually few), then any-term matches, each step capped.
      const out: RankedId[] = [];
      const seen = new Set<string>();
      const steps: ('&' | '|')[] = terms.length > 1 ? ['&', '|'] : ['|'];
      for (const op of steps) {
        if (out.length >= k) {
          break;
        }
        const rows = rowsOf<{ id: string; s: number; stale: boolean }>(
          await db.execute(sql`
            with q as (select to_tsquery('simple', ${tsqueryOf(terms, op)}) as q),
            c as (
              select id, tsv, confirmed_at from search_documents, q
              where kind = ${kind} and tsv @@ q.q and ${filter}
              limit ${TSVECTOR_CANDIDATE_CAP}
            )
            select id, ts_rank(tsv, q.q, 1) * 10 + ${op === '&' ? 1000 : 0} as s, ${staleExpr} as stale
            from c, q order by s desc limit ${k}`),
        );
        for (const r of rows) {
          if (!seen.has(r.id)) {
            seen.add(r.id);
            out.push({ id: r.id, bm25: Number(r.s), stale: r.stale });
          }
        }
      }
      return out.slice(0, k);
    },

    /** Rows by id (any order). */
    async rows(ids: readonly string[]): Promise<SearchRow[]> {
      if (ids.length === 0) {
        return [];
      }
      return db
        .select()
        .from(searchDocuments)
        .where(sql`${searchDocuments.id} in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
    },

    /** A page of filtered listings without a query, with the total. */
    async browse(kind: SearchKind, filter: SQL, orderBy: SQL, limit: number, offset: number, staleBefore: Date): Promise<{ ids: RankedId[]; total: number }> {
      const rows = rowsOf<{ id: string; stale: boolean }>(
        await db.execute(sql`
          select id, (confirmed_at is null or confirmed_at < ${staleBefore.toISOString()}::timestamptz) as stale
          from search_documents where kind = ${kind} and ${filter}
          order by ${orderBy} limit ${limit} offset ${offset}`),
      );
      const total = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from search_documents where kind = ${kind} and ${filter}`))[0]?.n ?? 0;
      return { ids: rows.map((r) => ({ id: r.id, bm25: 0, stale: r.stale })), total };
    },

    /** Facet counts over `scope` (a condition on search_documents). */
    async facets(kind: SearchKind, scope: SQL): Promise<{ facet: string; value: string; n: number }[]> {
      return rowsOf<{ facet: string; value: string; n: number }>(
        await db.execute(sql`
          with base as (select * from search_documents where kind = ${kind} and ${scope})
          select 'domain' as facet, domain_code as value, count(*)::int as n from base where domain_code is not null group by 2
          union all
          select 'industry', d, count(distinct id)::int from (select id, left(unnest(industry_codes), 2) as d from base) x group by 2
          union all
          select 'province', left(region_code, 2) || '0000', count(*)::int from base group by 2
          union all
          select 'trl', trl::text, count(*)::int from base where trl is not null group by 2
          union all
          select 'transferMode', m, count(*)::int from (select unnest(modes) as m from base) x group by 2
          union all
          select 'ipKind', k, count(*)::int from (select unnest(ip_kinds) as k from base) x group by 2`),
      );
    },

    /** Distinct keywords of indexed listings (for the user dictionary), optionally since a time. */
    async keywords(since?: Date): Promise<{ words: string[]; latest: Date | null }> {
      const cond = since ? sql`where indexed_at > ${since.toISOString()}::timestamptz` : sql``;
      const words = rowsOf<{ w: string }>(await db.execute(sql`select distinct unnest(keywords) as w from search_documents ${cond}`)).map((r) => r.w);
      const latest = rowsOf<{ t: string | null }>(await db.execute(sql`select max(indexed_at)::text as t from search_documents`))[0]?.t ?? null;
      return { words, latest: latest ? new Date(latest) : null };
    },

    /** Refreshes planner statistics (PGlite has no autovacuum). */
    async analyze(): Promise<void> {
      await db.execute(sql`analyze search_documents`);
    },

    /**
     * Runs a first, bulk build of a kind's rows without its runtime index, which is then built once
     * (building a BM25 or RUM index over loaded rows is several times faster than maintaining it row
     * by row). Only for an empty kind: a live index is never dropped under searching users.
     */
    async bulkLoad<T>(kind: SearchKind, load: () => Promise<T>): Promise<T> {
      const index = runtimeIndex(kind);
      if (!index || (await this.count(kind)) > 0) {
        return load();
      }
      await db.execute(sql.raw(`drop index if exists ${index.name}`));
      loading.add(kind);
      try {
        return await load();
      } finally {
        ensured = undefined;
        await this.ensureIndexes();
        loading.delete(kind);
      }
    },

    async count(kind: SearchKind): Promise<number> {
      return rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from search_documents where kind = ${kind}`))[0]?.n ?? 0;
    },
  };
}
export type SearchRepo = ReturnType<typeof createSearchRepo>;
