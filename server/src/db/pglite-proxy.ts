import type { Worker } from 'node:worker_threads';
import { deserializeDbError, type WorkerRequest, type WorkerResponse } from './pglite-protocol';
import { spawnWorker } from '#server/lib/spawn-worker';

type QueryResult = { rows: unknown[]; fields: unknown[]; affectedRows?: number };
type QueryOptions = { rowMode?: 'array' | 'object' };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A FIFO lock: PGlite has one connection, so a transaction must own it from BEGIN to COMMIT. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();
  async lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    const prev = this.tail;
    this.tail = prev.then(() => next);
    await prev;
    return release;
  }
}

type TxClient = {
  query(sql: string, params?: unknown[], opts?: QueryOptions): Promise<QueryResult>;
  exec(sql: string): Promise<QueryResult[]>;
  rollback(): Promise<void>;
};

/**
 * Main-thread stand-in for PGlite with the subset of its API that drizzle's PGlite driver uses
 * (`query`, `exec`, `transaction`). Every call is a message to the worker that owns the database.
 */
export class PGliteWorkerClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly mutex = new Mutex();
  private exited = false;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (msg: WorkerResponse) => {
      const p = this.pending.get(msg.id);
      if (!p) {
        return;
      }
      this.pending.delete(msg.id);
      if (msg.ok) {
        p.resolve(msg.result);
      } else {
        p.reject(deserializeDbError(msg.error));
      }
    });
    const failAll = (err: Error) => {
      this.exited = true;
      for (const p of this.pending.values()) {
        p.reject(err);
      }
      this.pending.clear();
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`PGlite worker exited with code ${code}`)));
  }

  static async start(opts: { dataDir: string; loadDataDir?: Blob; migrationsFolder?: string }): Promise<PGliteWorkerClient> {
    const worker = spawnWorker(import.meta.url, 'pglite-worker');
    const client = new PGliteWorkerClient(worker);
    await client.send({ op: 'init', ...opts });
    return client;
  }

  private send(req: DistributiveOmit<WorkerRequest, 'id'>): Promise<unknown> {
    if (this.exited) {
      return Promise.reject(new Error('PGlite worker is not running'));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...req, id });
    });
  }

  private rawQuery(sql: string, params: unknown[] = [], opts: QueryOptions = {}): Promise<QueryResult> {
    return this.send({ op: 'query', sql, params, rowMode: opts.rowMode ?? 'object' }) as Promise<QueryResult>;
  }

  private rawExec(sql: string): Promise<QueryResult[]> {
    return this.send({ op: 'exec', sql }) as Promise<QueryResult[]>;
  }

  async query(sql: string, params?: unknown[], opts?: QueryOptions): Promise<QueryResult> {
    const release = await this.mutex.lock();
    try {
      return await this.rawQuery(sql, params, opts);
    } finally {
      release();
    }
  }

  async exec(sql: string): Promise<QueryResult[]> {
    const release = await this.mutex.lock();
    try {
      return await this.rawExec(sql);
    } finally {
      release();
    }
  }

  async transaction<T>(fn: (tx: TxClient) => Promise<T>): Promise<T> {
    const release = await this.mutex.lock();
    let rolledBack = false;
    const tx: TxClient = {
      query: (sql, params, opts) => this.rawQuery(sql, params, opts),
      exec: (sql) => this.rawExec(sql),
      rollback: async () => {
        rolledBack = true;
        await this.rawExec('ROLLBACK');
      },
    };
    try {
      await this.rawExec('BEGIN');
      const result = await fn(tx);
      if (!rolledBack) {
        await this.rawExec('COMMIT');
      }
      return result;
    } catch (err) {
      if (!rolledBack && !this.exited) {
        await this.rawExec('ROLLBACK').catch(() => undefined);
      }
      throw err;
    } finally {
      release();
    }
  }

  /** A gzipped tarball of the data directory (used to build the test template). */
  async dumpDataDir(): Promise<Blob> {
    const release = await this.mutex.lock();
    try {
      return (await this.send({ op: 'dump' })) as Blob;
    } finally {
      release();
    }
  }

  async close(): Promise<void> {
    if (this.exited) {
      return;
    }
    await this.send({ op: 'close' }).catch(() => undefined);
    await this.worker.terminate();
    this.exited = true;
  }
}
