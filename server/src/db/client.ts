import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { openPGlite } from './pglite-factory';
import { PGliteWorkerClient } from './pglite-proxy';
import * as schema from './schema';
import { OPTIONAL_EXTENSIONS, rowsOf, type Db, type DbCapabilities, type DbHandle } from './types';

export type OpenDatabaseOptions = {
  /** `postgres://…` selects a PostgreSQL server; otherwise the embedded PGlite is used. */
  databaseUrl?: string;
  /** Embedded data directory, or `memory://` (tests). */
  dataDir: string;
  /** Run PGlite in a worker thread (default; the HTTP server must not block on queries). */
  worker?: boolean;
  /** Start the embedded database from a prepared tarball (test template). */
  loadDataDir?: Blob;
  /** Apply pending migrations while opening (default true). */
  migrate?: boolean;
  poolSize?: number;
};

// Resolves to server/src/db/migrations from sources and dist/server/migrations in the bundle.
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

// Any constant works; it only has to be the same in every process migrating one database.
const MIGRATION_LOCK_KEY = 7_274_633_827;

/** Opens the database the configuration names, applies migrations, and reports its capabilities. */
export async function openDatabase(opts: OpenDatabaseOptions): Promise<DbHandle> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts) : openEmbedded(opts);
}

async function openPostgres(url: string, opts: OpenDatabaseOptions): Promise<DbHandle> {
  const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 10 });
  pool.on('error', () => undefined); // idle-client errors surface on the next query instead
  if (opts.migrate !== false) {
    const client = await pool.connect();
    try {
      // Several app processes may start together: one migrates, the others wait and find nothing to do.
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      await ensureExtensions(async (q) => (await client.query(q)).rows as { name: string }[], true);
      await migratePg(drizzlePg({ client, casing: 'snake_case' }), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
      client.release();
    }
  }
  const db = drizzlePg({ client: pool, schema, casing: 'snake_case' }) as unknown as Db;
  return finish(db, 'postgres', () => pool.end());
}

async function openEmbedded(opts: OpenDatabaseOptions): Promise<DbHandle> {
  if (!opts.dataDir.startsWith('memory://')) {
    mkdirSync(opts.dataDir, { recursive: true });
  }
  const migrationsFolder = opts.migrate === false ? undefined : MIGRATIONS_FOLDER;
  if (opts.worker !== false) {
    const client = await PGliteWorkerClient.start({ dataDir: opts.dataDir, loadDataDir: opts.loadDataDir, migrationsFolder });
    await ensureExtensions(async (q) => (await client.query(q)).rows as { name: string }[], false);
    const db = drizzlePglite({ client: client as never, schema, casing: 'snake_case' }) as unknown as Db;
    const handle = await finish(db, 'embedded', () => client.close());
    return Object.assign(handle, { dumpDataDir: () => client.dumpDataDir() });
  }
  const pgl = await openPGlite({ dataDir: opts.dataDir, loadDataDir: opts.loadDataDir });
  if (migrationsFolder) {
    await migratePglite(drizzlePglite({ client: pgl, casing: 'snake_case' }), { migrationsFolder });
  }
  await ensureExtensions(async (q) => (await pgl.query(q)).rows as { name: string }[], false);
  const db = drizzlePglite({ client: pgl, schema, casing: 'snake_case' }) as unknown as Db;
  const handle = await finish(db, 'embedded', () => pgl.close());
  return Object.assign(handle, { dumpDataDir: () => pgl.dumpDataDir('gzip') });
}

/**
 * Creates the optional extensions the server offers. On a server without the rights to create one
 * the failure is ignored: features read `capabilities` and choose their portable path.
 */
async function ensureExtensions(query: (q: string) => Promise<{ name: string }[]>, tolerant: boolean) {
  const available = await query(
    `select name from pg_available_extensions where name in (${OPTIONAL_EXTENSIONS.map((e) => `'${e}'`).join(',')})`,
  );
  for (const { name } of available) {
    try {
      await query(`create extension if not exists ${name}`);
    } catch (err) {
      if (!tolerant) {
        throw err;
      }
    }
  }
}

async function finish(db: Db, mode: DbHandle['mode'], close: () => Promise<void>): Promise<DbHandle> {
  const installed = rowsOf<{ extname: string }>(await db.execute(sql`select extname from pg_extension`)).map((r) => r.extname);
  const capabilities = Object.fromEntries(OPTIONAL_EXTENSIONS.map((e) => [e, installed.includes(e)])) as DbCapabilities;
  const [versionRow] = rowsOf<{ server_version: string }>(await db.execute(sql`show server_version`));
  let closed = false;
  return {
    db,
    mode,
    capabilities,
    serverVersion: versionRow?.server_version ?? 'unknown',
    async ping() {
      const t = performance.now();
      await db.execute(sql`select 1`);
      return performance.now() - t;
    },
    async close() {
      if (!closed) {
        closed = true;
        await close();
      }
    },
  };
}
