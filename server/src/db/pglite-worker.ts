// Worker thread that owns the embedded PGlite database. A PGlite query runs on the thread that
// calls it for its whole length, so the HTTP server must never call PGlite itself (stack-bench §4.2).
import { parentPort } from 'node:worker_threads';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { openPGlite } from './pglite-factory';
import { serializeDbError, type WorkerRequest, type WorkerResponse } from './pglite-protocol';

let pg: PGlite | undefined;

function reply(msg: WorkerResponse) {
  parentPort?.postMessage(msg);
}

async function handle(req: WorkerRequest): Promise<unknown> {
  switch (req.op) {
    case 'init': {
      pg = await openPGlite({ dataDir: req.dataDir, loadDataDir: req.loadDataDir });
      if (req.migrationsFolder) {
        await migrate(drizzle({ client: pg, casing: 'snake_case' }), { migrationsFolder: req.migrationsFolder });
      }
      return null;
    }
    case 'query': {
      const res = await requireDb().query(req.sql, req.params, { rowMode: req.rowMode });
      return { rows: res.rows, fields: res.fields, affectedRows: res.affectedRows };
    }
    case 'exec': {
      const res = await requireDb().exec(req.sql);
      return res.map((r) => ({ rows: r.rows, fields: r.fields, affectedRows: r.affectedRows }));
    }
    case 'dump': {
      return await requireDb().dumpDataDir('gzip');
    }
    case 'close': {
      await pg?.close();
      pg = undefined;
      return null;
    }
  }
}

function requireDb(): PGlite {
  if (!pg) {
    throw new Error('PGlite worker: database not initialised');
  }
  return pg;
}

parentPort?.on('message', (req: WorkerRequest) => {
  handle(req).then(
    (result) => reply({ id: req.id, ok: true, result }),
    (err: unknown) => reply({ id: req.id, ok: false, error: serializeDbError(err) }),
  );
});
