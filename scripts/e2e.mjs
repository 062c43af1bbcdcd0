// `npm run test:e2e [-- <vitest args>]`: browser journeys against a freshly started real server.
// Builds when needed, starts `transfernet serve` on a free port with an empty data directory (so the
// demo data is seeded), waits for /api/v1/health, runs Vitest with e2e/vitest.config.ts and
// E2E_BASE_URL, then stops the server and removes what it made. Exit code: Vitest's.
//
// E2E_DATABASE_URL=postgres://… runs the server on PostgreSQL instead: a new database is created on
// that server for the run and dropped afterwards. CHROMIUM_PATH overrides /usr/bin/chromium.
/* global AbortSignal */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const artifacts = join(root, 'e2e/.artifacts');
const serverLog = join(artifacts, 'server.log');
const say = (msg) => console.log(`e2e: ${msg}`);

function fail(msg) {
  console.error(`e2e: ${msg}`);
  process.exitCode = 1;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(url, sql) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function waitForHealth(base, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited early (code ${child.exitCode ?? child.signalCode})`);
    }
    try {
      const res = await fetch(`${base}/api/v1/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) {
        return await res.json();
      }
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer /api/v1/health within ${timeoutMs / 1000} s (${last})`);
}

function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function printServerLog() {
  if (existsSync(serverLog)) {
    const lines = readFileSync(serverLog, 'utf8').trimEnd().split('\n');
    console.error(`--- last lines of ${serverLog} ---\n${lines.slice(-40).join('\n')}\n---`);
  }
}

async function main() {
  if (!existsSync(chromiumPath)) {
    fail(`no Chromium at ${chromiumPath}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH`);
    return;
  }
  const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--if-needed'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    fail('build failed');
    return;
  }
  if (!existsSync(join(root, 'dist/web/index.html'))) {
    fail('dist/web/index.html is missing after the build: the browser journeys need the web client');
    return;
  }

  mkdirSync(artifacts, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'tn-e2e-data-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: String(port),
    RATE_LIMIT: 'off',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'on',
  };
  delete env.DATABASE_URL;

  let pgServer;
  let pgDatabase;
  if (process.env.E2E_DATABASE_URL) {
    pgServer = process.env.E2E_DATABASE_URL;
    pgDatabase = `tn_e2e_${Date.now()}_${process.pid}`;
    try {
      await adminQuery(pgServer, `create database ${pgDatabase}`);
    } catch (err) {
      fail(`cannot create a database on E2E_DATABASE_URL: ${err instanceof Error ? err.message : String(err)}`);
      rmSync(dataDir, { recursive: true, force: true });
      return;
    }
    env.DATABASE_URL = withDatabase(pgServer, pgDatabase);
  }

  const logFd = openSync(serverLog, 'w');
  const server = spawn(process.execPath, [join(root, 'bin/transfernet.mjs'), 'serve', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: root,
    env,
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);

  let stopping = false;
  const cleanup = async () => {
    if (stopping) {
      return;
    }
    stopping = true;
    await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
    if (pgServer && pgDatabase) {
      await adminQuery(pgServer, `drop database if exists ${pgDatabase} with (force)`).catch((err) =>
        fail(`could not drop ${pgDatabase}: ${err.message}`),
      );
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      void cleanup().then(() => process.exit(130));
    });
  }

  try {
    const t0 = performance.now();
    let health;
    try {
      health = await waitForHealth(base, server, 120_000);
    } catch (err) {
      fail(err.message);
      printServerLog();
      return;
    }
    say(
      `server ${health.version} (${health.database.mode} PostgreSQL ${health.database.serverVersion}) ready at ${base} in ${Math.round(performance.now() - t0)} ms; log in ${serverLog}`,
    );

    const vitest = spawn(
      process.execPath,
      [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'e2e/vitest.config.ts', ...process.argv.slice(2)],
      {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, E2E_BASE_URL: base, CHROMIUM_PATH: chromiumPath },
      },
    );
    const code = await new Promise((resolve) => vitest.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
    if (code !== 0 && server.exitCode !== null) {
      printServerLog();
    }
    process.exitCode = code;
  } finally {
    await cleanup();
  }
}

await main();
