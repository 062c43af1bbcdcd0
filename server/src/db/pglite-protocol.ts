/** Messages between the main thread and the PGlite worker. */
export type WorkerRequest =
  | { id: number; op: 'init'; dataDir: string; loadDataDir?: Blob; migrationsFolder?: string }
  | { id: number; op: 'query'; sql: string; params: unknown[]; rowMode: 'array' | 'object' }
  | { id: number; op: 'exec'; sql: string }
  | { id: number; op: 'dump' }
  | { id: number; op: 'close' };

export type SerializedDbError = {
  message: string;
  name: string;
  fields: Record<string, unknown>;
};

export type WorkerResponse =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: SerializedDbError };

const ERROR_FIELDS = ['code', 'detail', 'hint', 'constraint', 'table', 'column', 'schema', 'severity', 'position', 'where'];

export function serializeDbError(err: unknown): SerializedDbError {
  const e = err as Record<string, unknown> & { message?: string; name?: string };
  const fields: Record<string, unknown> = {};
  for (const f of ERROR_FIELDS) {
    if (e && e[f] !== undefined) {
      fields[f] = e[f];
    }
  }
  return { message: String(e?.message ?? err), name: String(e?.name ?? 'Error'), fields };
}

export function deserializeDbError(s: SerializedDbError): Error {
  const err = new Error(s.message) as Error & Record<string, unknown>;
  err.name = s.name;
  Object.assign(err, s.fields);
  return err;
}
