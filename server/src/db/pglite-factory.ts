import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pg_textsearch } from '@electric-sql/pglite-pg_textsearch';
import { vector } from '@electric-sql/pglite-pgvector';
import { types } from '@electric-sql/pglite';

// Drizzle's PGlite session keeps these types as strings and maps them itself. The worker cannot
// receive parser functions over postMessage, so the same parsers are installed here, once.
const KEEP_AS_TEXT = [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182];

export type PGliteOpenOptions = {
  /** A directory, or `memory://` for an in-memory database (tests). */
  dataDir: string;
  /** A tarball made by `dumpDataDir`, to start from a prepared database (tests). */
  loadDataDir?: Blob;
};

/**
 * The one place that constructs PGlite: every extension the platform may use is loaded here, and
 * fsync is switched back on (PGlite's default start parameters pass `-F`, which turns it off; a
 * platform of record must not lose committed data).
 */
export async function openPGlite(opts: PGliteOpenOptions): Promise<PGlite> {
  const startParams = PGlite.defaultStartParams.filter((p) => p !== '-F');
  const parsers = Object.fromEntries(KEEP_AS_TEXT.map((oid) => [oid, (v: string) => v]));
  const pg = new PGlite(opts.dataDir, {
    extensions: { vector, pg_textsearch, pg_trgm },
    startParams,
    parsers,
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
  });
  await pg.waitReady;
  return pg;
}
