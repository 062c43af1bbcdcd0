import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { RegionLevel } from '#shared/contracts/regions.contract';
import { pgErrorCode, rowsOf, type Db, type DbConn } from '#server/db/types';
import { industries, regions } from './regions.tables';

export type RegionRow = typeof regions.$inferSelect;
export type IndustryRow = typeof industries.$inferSelect;

/** Filters of the code-list endpoints, already translated to the table's terms. */
export type RegionFilter = { q?: string; parent?: string; level?: RegionLevel };
export type IndustryFilter = { q?: string; parent?: string; level?: number };

/** Row count and SHA-256 over the ordered rows of one reference table (null digest when empty). */
export type TableFingerprint = { count: number; digest: string | null };

// Rows per INSERT: 500 × 6 columns stays far below PostgreSQL's 65,535 bind parameters.
const BATCH_SIZE = 500;

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// `q` matches a substring of the name or a prefix of the code.
function textFilter(q: string, code: typeof regions.code | typeof industries.code, name: typeof regions.name | typeof industries.name) {
  const esc = escapeLike(q);
  return or(ilike(name, `%${esc}%`), ilike(code, `${esc}%`));
}

function chunks<T>(rows: readonly T[], size = BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) {
    out.push(rows.slice(i, i + size));
  }
  return out;
}

/** Digest used for fingerprints: md5 is several times faster in PGlite; sha256 where md5 is off (FIPS). */
export type DigestAlgorithm = 'md5' | 'sha256';

// `collate "C"` makes the order (and so the digest) independent of the database's locale; the same
// serialisation is computed in reference-data.ts from the source files.
function fingerprintSql(algorithm: DigestAlgorithm) {
  const digest = (agg: SQL) =>
    algorithm === 'md5' ? sql`md5(${agg})` : sql`encode(sha256(convert_to(${agg}, 'UTF8')), 'hex')`;
  const regionAgg = sql`string_agg(code || '|' || name || '|' || level || '|' || coalesce(parent_code, '') || '|' || province_code || '|' || zone, E'\n' order by code collate "C")`;
  const industryAgg = sql`string_agg(code || '|' || name || '|' || coalesce(parent_code, '') || '|' || level::text || '|' || coalesce(description, ''), E'\n' order by code collate "C")`;
  return sql`
    select
      (select count(*)::int from regions) as region_count,
      (select ${digest(regionAgg)} from regions) as region_digest,
      (select count(*)::int from industries) as industry_count,
      (select ${digest(industryAgg)} from industries) as industry_digest`;
}

export function createRegionsRepo(db: Db) {
  return {
    async findRegion(code: string) {
      const [row] = await db.select().from(regions).where(eq(regions.code, code)).limit(1);
      return row;
    },
    async regionNames(codes: readonly string[]) {
      if (codes.length === 0) {
        return [];
      }
      return db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, [...codes]));
    },
    listProvinces() {
      return db.select().from(regions).where(eq(regions.level, 'province')).orderBy(asc(regions.code));
    },
    /** Regions in code order, which is also tree order (province, its cities, their counties). */
    listRegions(filter: RegionFilter) {
      const where: SQL[] = [];
      if (filter.q) {
        where.push(textFilter(filter.q, regions.code, regions.name)!);
      }
      if (filter.parent !== undefined) {
        where.push(eq(regions.parentCode, filter.parent));
      }
      if (filter.level) {
        where.push(eq(regions.level, filter.level));
      }
      return db
        .select()
        .from(regions)
        .where(and(...where))
        .orderBy(sql`${regions.code} collate "C"`);
    },
    /** Industries by level, then code: sections A–T first, then divisions, groups and classes. */
    listIndustries(filter: IndustryFilter) {
      const where: SQL[] = [];
      if (filter.q) {
        where.push(textFilter(filter.q, industries.code, industries.name)!);
      }
      if (filter.parent !== undefined) {
        where.push(eq(industries.parentCode, filter.parent));
      }
      if (filter.level !== undefined) {
        where.push(eq(industries.level, filter.level));
      }
      return db
        .select()
        .from(industries)
        .where(and(...where))
        .orderBy(asc(industries.level), sql`${industries.code} collate "C"`);
    },
    async counts() {
      const [row] = rowsOf<{ regions: number; industries: number }>(
        await db.execute(sql`select (select count(*)::int from regions) as regions, (select count(*)::int from industries) as industries`),
      );
      return { regions: Number(row?.regions ?? 0), industries: Number(row?.industries ?? 0) };
    },

    // ── reference-data sync ─────────────────────────────────────────────────────────────────────
    /** One query: count and digest of both reference tables. */
    async fingerprints(algorithm: DigestAlgorithm, conn: DbConn = db) {
      const [row] = rowsOf<{
        region_count: number;
        region_digest: string | null;
        industry_count: number;
        industry_digest: string | null;
      }>(await conn.execute(fingerprintSql(algorithm)));
      return {
        regions: { count: Number(row?.region_count ?? 0), digest: row?.region_digest ?? null } satisfies TableFingerprint,
        industries: { count: Number(row?.industry_count ?? 0), digest: row?.industry_digest ?? null } satisfies TableFingerprint,
      };
    },
    allRegions(conn: DbConn = db): Promise<RegionRow[]> {
      return conn.select().from(regions);
    },
    allIndustries(conn: DbConn = db): Promise<IndustryRow[]> {
      return conn.select().from(industries);
    },
    async upsertRegions(conn: DbConn, rows: readonly RegionRow[]) {
      for (const batch of chunks(rows)) {
        await conn
          .insert(regions)
          .values(batch)
          .onConflictDoUpdate({
            target: regions.code,
            set: {
              name: sql`excluded.name`,
              level: sql`excluded.level`,
              parentCode: sql`excluded.parent_code`,
              provinceCode: sql`excluded.province_code`,
              zone: sql`excluded.zone`,
            },
          });
      }
    },
    async upsertIndustries(conn: DbConn, rows: readonly IndustryRow[]) {
      for (const batch of chunks(rows)) {
        await conn
          .insert(industries)
          .values(batch)
          .onConflictDoUpdate({
            target: industries.code,
            set: {
              name: sql`excluded.name`,
              parentCode: sql`excluded.parent_code`,
              level: sql`excluded.level`,
              description: sql`excluded.description`,
            },
          });
      }
    },
    /**
     * Deletes rows no longer in the reference data, one savepoint each: a code still referenced by
     * other tables (a region abolished after an organisation registered there) is kept. Returns
     * how many were deleted.
     */
    async deleteStale(conn: DbConn, table: 'regions' | 'industries', codes: readonly string[]) {
      const t = table === 'regions' ? regions : industries;
      let deleted = 0;
      for (const code of codes) {
        try {
          await conn.transaction(async (sp) => {
            await sp.delete(t).where(eq(t.code, code));
          });
          deleted++;
        } catch (err) {
          if (pgErrorCode(err) !== '23503') {
            throw err;
          }
        }
      }
      return deleted;
    },
  };
}

export type RegionsRepo = ReturnType<typeof createRegionsRepo>;
