// Real `transfernet serve` processes for multi-process tests and benchmarks (auction crash test,
// bench/auction-bids.ts): spawned from the sources with tsx (no build, so nothing touches the shared
// dist/ output), each on its own port with its own log file.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export type ServeProcess = {
  child: ChildProcess;
  pid: number;
  /** `host:pid`, what the scheduler and the bid path stamp (`closed_by`, `accepted_by`). */
  processName: string;
  port: number;
  base: string;
  logFile: string;
  /** SIGTERM, then SIGKILL after 10 s; resolves when the process has exited. */
  stop(): Promise<void>;
  /** kill -9: no shutdown hooks, open transactions are cut off. */
  kill9(): Promise<void>;
  exited(): boolean;
  logTail(lines?: number): string;
};

export type ServeOptions = {
  /** PostgreSQL database of this process; without it the embedded database in `dataDir`. */
  databaseUrl?: string;
  dataDir?: string;
  logFile: string;
  port?: number;
  env?: Record<string, string>;
  /** Extra node flags (e.g. --cpu-prof). */
  nodeArgs?: string[];
  /** Milliseconds to wait for /api/v1/health (default 120 s: tsx compiles the server on start). */
  startTimeoutMs?: number;
};

/**
 * Starts `node --import tsx server/src/main.ts serve` with RATE_LIMIT=off, SEED_DEMO=off,
 * LOG_LEVEL=warn (overridable through `env`) and waits until /api/v1/health answers.
 */
export async function startServe(o: ServeOptions): Promise<ServeProcess> {
  const port = o.port ?? (await freePort());
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    RATE_LIMIT: 'off',
    SEED_DEMO: 'off',
    LOG_LEVEL: 'warn',
    DATA_DIR: o.dataDir ?? join(tmpdir(), 'tn-serve-no-embedded-db'),
    DATABASE_URL: o.databaseUrl,
    ...o.env,
  };
  if (!o.databaseUrl) {
    delete env.DATABASE_URL;
  }
  const fd = openSync(o.logFile, 'a');
  const child = spawn(
    process.execPath,
    [
      ...(o.nodeArgs ?? []),
      '--import',
      'tsx',
      join(REPO_ROOT, 'server/src/main.ts'),
      'serve',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
    ],
    {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', fd, fd],
    },
  );
  closeSync(fd);
  const exitedP = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  const logTail = (lines = 30) =>
    existsSync(o.logFile) ? readFileSync(o.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '(no log)';
  const proc: ServeProcess = {
    child,
    pid: child.pid!,
    processName: `${hostname()}:${child.pid}`,
    port,
    base: `http://127.0.0.1:${port}`,
    logFile: o.logFile,
    exited,
    logTail,
    async stop() {
      if (exited()) {
        return;
      }
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.kill('SIGTERM');
      await exitedP;
      clearTimeout(t);
    },
    async kill9() {
      if (!exited()) {
        child.kill('SIGKILL');
      }
      await exitedP;
    },
  };
  try {
    await waitForHealth(proc, o.startTimeoutMs ?? 120_000);
  } catch (err) {
    await proc.stop();
    throw new Error(`${err instanceof Error ? err.message : String(err)}\n--- ${o.logFile} ---\n${logTail()}`, { cause: err });
  }
  return proc;
}

async function waitForHealth(p: ServeProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (p.exited()) {
      throw new Error(`serve on port ${p.port} exited early (code ${p.child.exitCode ?? p.child.signalCode})`);
    }
    try {
      const res = await fetch(`${p.base}/api/v1/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) {
        return;
      }
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`serve on port ${p.port} did not answer /api/v1/health within ${timeoutMs / 1000} s (${last})`);
}

/** Runs one statement on the server's maintenance connection (CREATE / DROP DATABASE). */
export async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
