import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase } from '#server/db/client';
import type { DbHandle } from '#server/db/types';
import { TEST_DATABASE_URL, withDatabase } from './test-env';

/**
 * A fresh database for one test file, already migrated and holding reference data: an in-memory
 * PGlite loaded from the run's template, or (TEST_DATABASE_URL set) a new PostgreSQL database.
 */
export async function createTestDb(): Promise<DbHandle & { url?: string }> {
  const pgTemplate = inject('pgTemplate');
  if (TEST_DATABASE_URL && pgTemplate) {
    const name = `tn_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${pgTemplate}`);
        break;
      } catch (err) {
        // Two files copying the template at the same instant: retry shortly.
        if (attempt >= 10) {
          throw err;
        }
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
    await admin.end();
    const url = withDatabase(TEST_DATABASE_URL, name);
    const handle: DbHandle & { url?: string } = await openDatabase({ databaseUrl: url, dataDir: '', poolSize: 5 });
    // Tests that play several app processes open more pools on the same database.
    handle.url = url;
    const close = handle.close.bind(handle);
    handle.close = async () => {
      await close();
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
    return handle;
  }
  const template = inject('pgliteTemplate');
  const loadDataDir = template ? new Blob([readFileSync(template)]) : undefined;
  return openDatabase({ dataDir: 'memory://', worker: false, loadDataDir });
}
