// `npm run test:pg [-- <vitest args>]`: the Vitest suite against a PostgreSQL server instead of PGlite.
// TEST_DATABASE_URL names the server (default postgres://postgres@127.0.0.1:5432/postgres); the global
// setup makes one migrated template database there and every test file gets its own copy
// (CREATE DATABASE … TEMPLATE), dropped when the file ends.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** The URL without its password, for messages. */
function redact(u) {
  try {
    const parsed = new URL(u);
    if (parsed.password) {
      parsed.password = '***';
    }
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

async function checkServer() {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    const { rows } = await client.query(
      'select version() as version, (select rolcreatedb or rolsuper from pg_roles where rolname = current_user) as can_create',
    );
    if (!rows[0].can_create) {
      throw new Error('the role may not create databases (needs CREATEDB: each test file gets its own database)');
    }
    return rows[0].version.split(' on ')[0];
  } finally {
    await client.end().catch(() => undefined);
  }
}

let version;
try {
  version = await checkServer();
} catch (err) {
  console.error(`test:pg: PostgreSQL at ${redact(url)} is not usable: ${err instanceof Error ? err.message : String(err)}`);
  console.error('Start a server (Debian: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)');
  console.error('or point TEST_DATABASE_URL at one, e.g. TEST_DATABASE_URL=postgres://user:pass@host:5432/postgres npm run test:pg');
  process.exit(2);
}
console.log(`test:pg: ${version} at ${redact(url)}`);

const vitest = join(root, 'node_modules/vitest/vitest.mjs');
if (!existsSync(vitest)) {
  console.error('test:pg: vitest is not installed; run npm install first');
  process.exit(2);
}
const child = spawn(process.execPath, [vitest, 'run', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TEST_DATABASE_URL: url },
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
