import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema';

export type Schema = typeof schema;
/** The one database handle type; the driver (PGlite or node-postgres) never leaks past db/. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A handle that is either the database or an open transaction. */
export type DbConn = Db | Tx;

export type DbMode = 'embedded' | 'postgres';

/** Optional PostgreSQL extensions that later features choose a path by. */
export type DbCapabilities = {
  vector: boolean;
  pg_textsearch: boolean;
  rum: boolean;
  pg_trgm: boolean;
};

export const OPTIONAL_EXTENSIONS = ['vector', 'pg_textsearch', 'rum', 'pg_trgm'] as const satisfies readonly (keyof DbCapabilities)[];

export type DbHandle = {
  db: Db;
  mode: DbMode;
  capabilities: DbCapabilities;
  serverVersion: string;
  /** Round-trip time of `select 1`, in ms. */
  ping(): Promise<number>;
  close(): Promise<void>;
};

/** Rows of a raw `db.execute(sql…)`, identical for both drivers. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** The SQLSTATE of a database error, looking through drizzle's wrapping. */
export function pgErrorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      return code;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The constraint a database error names, looking through drizzle's wrapping. */
export function pgErrorConstraint(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth++) {
    const c = (e as { constraint?: unknown }).constraint;
    if (typeof c === 'string') {
      return c;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
