import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '#server/db/client';
import { syncReferenceData } from '#server/modules/regions/index';
import { syncRegistrationDefaults } from '#server/modules/registrations/index';
import { TEST_DATABASE_URL, withDatabase } from './helpers/test-env';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Gzipped PGlite data directory with migrations and reference data applied. */
    pgliteTemplate: string;
    /** Name of a migrated template database on the TEST_DATABASE_URL server. */
    pgTemplate: string;
  }
}

/**
 * Prepares one migrated database with reference data, once per run. Each test file then starts from
 * a copy: a PGlite data-directory tarball, or `CREATE DATABASE … TEMPLATE` on PostgreSQL.
 */
export default async function setup({ provide }: { provide: (key: 'pgliteTemplate' | 'pgTemplate', value: string) => void }) {
  if (TEST_DATABASE_URL) {
    const name = `tn_tpl_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const h = await openDatabase({ databaseUrl: withDatabase(TEST_DATABASE_URL, name), dataDir: '' });
    await syncReferenceData(h.db);
    await syncRegistrationDefaults(h.db);
    await h.close();
    provide('pgTemplate', name);
    provide('pgliteTemplate', '');
    return async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const h = await openDatabase({ dataDir: 'memory://', worker: false });
  await syncReferenceData(h.db);
  await syncRegistrationDefaults(h.db);
  const blob = await (h as unknown as { dumpDataDir(): Promise<Blob> }).dumpDataDir();
  await h.close();
  const dir = mkdtempSync(join(tmpdir(), 'tn-test-'));
  const file = join(dir, 'template.tar.gz');
  writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  provide('pgliteTemplate', file);
  provide('pgTemplate', '');
  return () => rmSync(dir, { recursive: true, force: true });
}
