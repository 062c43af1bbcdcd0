import { Readable } from 'node:stream';
import type { Achievement } from '#shared/contracts/achievements.contract';
import {
  EXPORT_MAX_ROWS,
  IMPORT_MAX_ROWS,
  importRowMessages,
  type ExportQuery,
  type ImportEncoding,
  type ImportFormat,
  type ImportJob,
  type ImportMode,
  type ImportRowCode,
} from '#shared/contracts/imports.contract';
import { formatMessage, type Lang } from '#shared/i18n/error-messages';
import { validationMessage } from '#shared/i18n/validation-messages';
import type { Db } from '#server/db/types';
import { AppError } from '#server/lib/app-error';
import type { Clock } from '#server/lib/clock';
import {
  canImportFor,
  type AchievementsService,
  type ImportListing,
  type ImportOutcome,
  type OwnerOrgRow,
} from '#server/modules/achievements/index';
import { requireUser, type Actor } from '#server/modules/auth/index';
import { csvHeader, csvLine, EXPORT_CONTENT_TYPES, jsonlLine, toXlsx } from './imports.export';
import { coerceRecord, mapHeaders, validateRow, type DomainLookup, type ImportColumn, type RowProblem } from './imports.fields';
import { readTable, type RawRecord } from './imports.parse';
import type { ImportJobRow, ImportsRepo } from './imports.repo';
import { INTERRUPTED_FAILURE, type StoredRowError } from './imports.tables';

export type ImportsDeps = {
  db: Db;
  repo: ImportsRepo;
  achievements: Pick<AchievementsService, 'importTarget' | 'findOwnerOrg' | 'checkImportFields' | 'importBatch' | 'exportPage'>;
  /** Technology-domain codes and names (lower case) → code. */
  domainLookup: () => Promise<DomainLookup>;
  clock: Clock;
  /** Rows per write batch (and per transaction in `valid` mode). */
  batchSize?: number;
};

export type ImportOptions = {
  org?: string | undefined;
  mode: ImportMode;
  publish?: boolean | undefined;
  format?: ImportFormat | undefined;
  encoding: ImportEncoding;
  filename?: string | undefined;
  contentType?: string | undefined;
};

/** Progress of a running import: rows checked (parsed, validated) and rows finished (written or refused). */
export type ImportProgress = { total: number; checked: number; processed: number };

const MAX_REPORTED = 5_000;
/** Planner statistics are refreshed before the write phase (and, batch by batch, every this many rows). */
const ANALYZE_EVERY_ROWS = 10_000;
const INTERRUPTED_MESSAGE: Record<Lang, string> = {
  zh: '导入进程在任务完成前中断：已提交的批次保留，其余未写入，可按外部编号重新导入',
  en: 'The importing process stopped before the job finished: committed batches are kept, nothing else was written; re-import by external id',
};
/** How often a process renews the heartbeat of the imports it runs. */
export const IMPORT_HEARTBEAT_MS = 15_000;
/** A running import whose heartbeat is older than this was interrupted (its process stopped). */
export const IMPORT_STALE_MS = 120_000;

/** Thrown inside the all-or-nothing transaction to roll it back when a row fails at write time. */
class RowsRejected extends Error {
  constructor(readonly problems: StoredRowError[]) {
    super('rows rejected');
  }
}

type LiveJob = { row: ImportJobRow; org: OwnerOrgRow; checked: number; errors: StoredRowError[] };

/** A validated row, ready to write. */
type ReadyRow = { row: number; listing: ImportListing };

function outcomeProblem(o: ImportOutcome, rowNo: number): StoredRowError | null {
  return 'error' in o ? { row: rowNo, externalId: o.externalId, field: o.error.field, code: o.error.code, params: o.error.params } : null;
}

/** A row problem in the reader's language. */
export function renderRowError(
  e: StoredRowError,
  lang: Lang,
): { row: number; externalId: string | null; field: string; code: ImportRowCode; message: string } {
  const code = e.code as ImportRowCode;
  const params: Record<string, unknown> = { ...e.params };
  if (code === 'invalid_value' && e.params.issue) {
    params.detail = validationMessage(e.params.issue as Parameters<typeof validationMessage>[0], lang);
  }
  const template = importRowMessages[code] ?? { zh: code, en: code };
  return { row: e.row, externalId: e.externalId, field: e.field, code, message: formatMessage(template[lang], params) };
}

/** Bulk import (汇交) of achievements from CSV/XLSX/JSONL and export of the directory. */
export function createImportsService(deps: ImportsDeps) {
  const { db, repo, achievements, clock } = deps;
  const batchSize = deps.batchSize ?? 500;
  const live = new Map<string, LiveJob>();

  /**
   * A job another (or an earlier) process left `running` with a stopped heartbeat is marked failed,
   * once (the update is conditional): nothing it had not committed was written — `all` mode is one
   * transaction, `valid` mode commits whole batches with their counts.
   */
  async function settleIfInterrupted(row: ImportJobRow): Promise<ImportJobRow> {
    if (row.status !== 'running' || live.has(row.id)) {
      return row;
    }
    const beat = (row.heartbeatAt ?? row.createdAt).getTime();
    if (clock.now().getTime() - beat < IMPORT_STALE_MS) {
      return row;
    }
    const settled = await repo.markInterrupted(row.id, new Date(clock.now().getTime() - IMPORT_STALE_MS), clock.now());
    return settled ?? (await repo.findById(row.id)) ?? row;
  }

  function toDto(row: ImportJobRow, org: { name: string }, lang: Lang, liveJob?: LiveJob): ImportJob {
    const errors = liveJob ? liveJob.errors : row.errors;
    return {
      id: row.id,
      orgId: row.orgId,
      orgName: org.name,
      status: row.status,
      mode: row.mode,
      publish: row.publish,
      format: row.format,
      encoding: row.encoding,
      filename: row.filename,
      total: row.total,
      checked: liveJob ? liveJob.checked : row.total,
      processed: row.processed,
      created: row.created,
      updated: row.updated,
      unchanged: row.unchanged,
      failed: row.failed,
      errors: errors.slice(0, MAX_REPORTED).map((e) => renderRowError(e, lang)),
      errorsTruncated: row.errorsTruncated || errors.length > MAX_REPORTED,
      failure: row.failure === INTERRUPTED_FAILURE ? INTERRUPTED_MESSAGE[lang] : row.failure,
      rowsPerSecond: row.rowsPerSecond,
      createdAt: row.createdAt.toISOString(),
      finishedAt: row.finishedAt ? row.finishedAt.toISOString() : null,
    };
  }

  /** Checks every record: conversion, schema, repeats in the file, reference codes. */
  async function checkRecords(
    records: readonly RawRecord[],
    headerMap: Map<string, ImportColumn>,
    job: LiveJob,
    onProgress?: (p: ImportProgress) => void,
  ) {
    const domains = await deps.domainLookup();
    const ready: ReadyRow[] = [];
    const firstRow = new Map<string, number>();
    const codeChecks = new Map<string, Promise<AppError | null>>();
    const problemsByRow = new Map<number, StoredRowError[]>();
    const problem = (rowNo: number, externalId: string | null, p: RowProblem) => {
      const list = problemsByRow.get(rowNo) ?? [];
      list.push({ row: rowNo, externalId, field: p.field, code: p.code, params: p.params });
      problemsByRow.set(rowNo, list);
      job.errors.push(list[list.length - 1]!);
    };
    for (const [i, rec] of records.entries()) {
      if ('invalidJson' in rec) {
        problem(rec.row, null, { field: '(row)', code: 'invalid_json', params: { detail: rec.invalidJson } });
      } else {
        const cells = new Map<ImportColumn, unknown>();
        for (const [header, value] of Object.entries(rec.values)) {
          const col = headerMap.get(header);
          if (col) {
            cells.set(col, value);
          }
        }
        const values = coerceRecord(cells, domains);
        const externalId = typeof values.externalId === 'string' ? values.externalId.trim() : null;
        const v = validateRow(values);
        if (!v.ok) {
          v.problems.forEach((p) => problem(rec.row, externalId, p));
        } else {
          const l = v.listing;
          const first = firstRow.get(l.externalId);
          if (first !== undefined) {
            problem(rec.row, l.externalId, {
              field: 'externalId',
              code: 'duplicate_external_id',
              params: { externalId: l.externalId, firstRow: first },
            });
          } else {
            firstRow.set(l.externalId, rec.row);
            const key = JSON.stringify([l.regionCode, l.domainCode, l.industryCodes]);
            let check = codeChecks.get(key);
            if (!check) {
              check = achievements.checkImportFields({
                regionCode: l.regionCode,
                domainCode: l.domainCode,
                industryCodes: l.industryCodes ?? [],
              });
              codeChecks.set(key, check);
            }
            const err = await check;
            if (err) {
              const issue = (err.details?.issues as { path: string }[] | undefined)?.[0];
              const params = err.params ?? {};
              problem(rec.row, l.externalId, {
                field: issue?.path.replace(/^body\./, '') ?? 'row',
                code: 'unknown_code',
                params: { codes: params.code ?? params.codes },
              });
            } else if (typeof l.priceMinFen === 'number' && typeof l.priceMaxFen === 'number' && l.priceMinFen > l.priceMaxFen) {
              problem(rec.row, l.externalId, { field: 'priceMaxFen', code: 'price_range_invalid', params: {} });
            } else {
              ready.push({ row: rec.row, listing: l });
            }
          }
        }
      }
      if ((i + 1) % batchSize === 0 || i === records.length - 1) {
        job.checked = i + 1;
        onProgress?.({ total: records.length, checked: job.checked, processed: job.row.processed });
      }
    }
    return { ready, failedRows: problemsByRow.size };
  }

  function count(job: LiveJob, outcomes: ImportOutcome[]) {
    for (const o of outcomes) {
      if ('action' in o) {
        job.row[o.action]++;
      }
    }
  }

  /** Runs a job to its end; never throws (a failure is recorded on the job). */
  async function run(
    actor: Actor,
    job: LiveJob,
    records: RawRecord[],
    headerMap: Map<string, ImportColumn>,
    onProgress?: (p: ImportProgress) => void,
  ): Promise<void> {
    const started = performance.now();
    const { row } = job;
    const progress = () => onProgress?.({ total: row.total, checked: job.checked, processed: row.processed });
    try {
      const { ready, failedRows } = await checkRecords(records, headerMap, job, onProgress);
      row.failed = failedRows;
      if (row.mode === 'all' && failedRows > 0) {
        row.status = 'rejected';
        row.processed = row.total;
      } else if (row.mode === 'all') {
        try {
          // Outside the transaction: ANALYZE's lock would otherwise be held until it commits.
          await repo.analyzeCatalogue();
          await db.transaction(async (tx) => {
            for (let k = 0; k < ready.length; k += batchSize) {
              const batch = ready.slice(k, k + batchSize);
              const outcomes = await achievements.importBatch(
                actor,
                job.org,
                batch.map((r) => r.listing),
                { publish: row.publish },
                tx,
              );
              const problems = outcomes.flatMap((o) => outcomeProblem(o, batch[o.index]!.row) ?? []);
              if (problems.length) {
                throw new RowsRejected(problems);
              }
              count(job, outcomes);
              row.processed = Math.min(row.total, k + batch.length);
              progress();
            }
          });
          row.processed = row.total;
          row.status = 'succeeded';
        } catch (e) {
          if (!(e instanceof RowsRejected)) {
            throw e;
          }
          job.errors.push(...e.problems);
          row.failed = new Set(e.problems.map((p) => p.row)).size;
          row.created = row.updated = row.unchanged = 0;
          row.status = 'rejected';
          row.processed = row.total;
        }
      } else {
        let done = failedRows;
        for (let k = 0; k < ready.length; k += batchSize) {
          if (k % ANALYZE_EVERY_ROWS < batchSize) {
            await repo.analyzeCatalogue();
          }
          const batch = ready.slice(k, k + batchSize);
          await db.transaction(async (tx) => {
            const outcomes = await achievements.importBatch(
              actor,
              job.org,
              batch.map((r) => r.listing),
              { publish: row.publish },
              tx,
            );
            const problems = outcomes.flatMap((o) => outcomeProblem(o, batch[o.index]!.row) ?? []);
            job.errors.push(...problems);
            row.failed += problems.length;
            count(job, outcomes);
            done += batch.length;
            row.processed = Math.min(row.total, done);
            await repo.update(
              row.id,
              { processed: row.processed, created: row.created, updated: row.updated, unchanged: row.unchanged, failed: row.failed },
              tx,
            );
          });
          progress();
        }
        row.processed = row.total;
        row.status = row.failed > 0 ? 'partial' : 'succeeded';
      }
    } catch (e) {
      row.status = 'failed';
      // A failed query's message is the SQL; the database's reason is its cause.
      const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : null;
      row.failure = (cause ?? (e instanceof Error ? e.message : String(e))).slice(0, 500);
      if (row.mode === 'all') {
        row.created = row.updated = row.unchanged = 0;
      }
    }
    const seconds = (performance.now() - started) / 1000;
    row.rowsPerSecond = seconds > 0 ? Math.round(row.total / seconds) : null;
    row.finishedAt = clock.now();
    job.errors.sort((a, b) => a.row - b.row);
    row.errors = job.errors.slice(0, MAX_REPORTED);
    row.errorsTruncated = job.errors.length > MAX_REPORTED;
    const { id: _id, ...values } = row;
    await repo.update(row.id, values);
    live.delete(row.id);
    progress();
  }

  const service = {
    /**
     * Reads and checks the upload, records the job, and starts the import. Request-level problems
     * (format, encoding, columns, size, rights) throw 4xx before anything is recorded. `done`
     * resolves with the finished job.
     */
    async start(
      actor: Actor,
      bytes: Uint8Array,
      opts: ImportOptions,
      lang: Lang,
      onProgress?: (p: ImportProgress) => void,
    ): Promise<{ job: ImportJob; done: Promise<ImportJob> }> {
      const me = requireUser(actor);
      const { org, mayPublish } = await achievements.importTarget(actor, opts.org);
      if (opts.publish && !mayPublish) {
        throw new AppError('import/publish_not_allowed', 'publishing on import needs a reviewer or admin role');
      }
      const table = await readTable(bytes, opts);
      const headerMap = mapHeaders(table.headers);
      if (table.records.length === 0) {
        throw new AppError('import/empty_file', 'no data rows');
      }
      if (table.records.length > IMPORT_MAX_ROWS) {
        throw new AppError(
          'import/too_many_rows',
          `${table.records.length} rows`,
          { rows: table.records.length },
          { limit: IMPORT_MAX_ROWS },
        );
      }
      const row = await repo.insert({
        orgId: org.id,
        createdBy: me.via === 'system' ? null : me.userId,
        status: 'running',
        mode: opts.mode,
        publish: opts.publish === true,
        format: table.format,
        encoding: table.encoding,
        filename: opts.filename ?? null,
        total: table.records.length,
        createdAt: clock.now(),
        heartbeatAt: clock.now(),
      });
      const job: LiveJob = { row, org, checked: 0, errors: [] };
      live.set(row.id, job);
      const dto = toDto(row, org, lang, job);
      const done = run(actor, job, table.records, headerMap, onProgress).then(() => toDto(job.row, org, lang));
      return { job: dto, done };
    },

    /** Renews the heartbeat of the imports this process runs (called every IMPORT_HEARTBEAT_MS). */
    async heartbeat(): Promise<void> {
      if (live.size > 0) {
        await repo.touch([...live.keys()], clock.now());
      }
    },

    /** Marks every interrupted import failed (at start, and on each heartbeat tick). */
    async sweepInterrupted(): Promise<number> {
      return repo.markAllInterrupted([...live.keys()], new Date(clock.now().getTime() - IMPORT_STALE_MS), clock.now());
    },

    /** Heartbeat and sweep on a timer; returns a stop function. */
    startBackground(log?: (obj: Record<string, unknown>, msg: string) => void): () => void {
      const tick = async () => {
        try {
          await service.heartbeat();
          const n = await service.sweepInterrupted();
          if (n > 0) {
            log?.({ jobs: n }, 'interrupted imports marked failed');
          }
        } catch (err) {
          log?.({ err }, 'import heartbeat failed');
        }
      };
      void tick();
      const timer = setInterval(() => void tick(), IMPORT_HEARTBEAT_MS);
      timer.unref();
      return () => clearInterval(timer);
    },

    /** A job and its report: for the importing organisation's importers (and the user who started it). */
    async get(actor: Actor, id: string, lang: Lang): Promise<ImportJob> {
      const me = requireUser(actor);
      const j = live.get(id);
      if (j) {
        if (j.row.createdBy !== me.userId && !canImportFor(actor, j.org)) {
          throw new AppError('import/not_found', `import ${id} not found`);
        }
        return toDto(j.row, j.org, lang, j);
      }
      const found = await repo.findById(id);
      const row = found ? await settleIfInterrupted(found) : undefined;
      const org = row ? await achievements.findOwnerOrg(row.orgId) : undefined;
      if (!row || !org || (row.createdBy !== me.userId && !canImportFor(actor, org))) {
        throw new AppError('import/not_found', `import ${id} not found`);
      }
      return toDto(row, org, lang);
    },

    /**
     * Export of the directory's published listings (public), or `mine=true` of the caller's
     * organisations, as CSV (UTF-8 with BOM), XLSX or JSONL. Text cells escaped against formula
     * injection. 413 export/too_many_rows beyond EXPORT_MAX_ROWS.
     */
    async export(actor: Actor, q: ExportQuery): Promise<{ contentType: string; filename: string; body: Readable | Buffer }> {
      const pageSize = 1000;
      const first = await achievements.exportPage(actor, { ...q, page: 1, pageSize });
      if (first.total > EXPORT_MAX_ROWS) {
        throw new AppError('export/too_many_rows', `${first.total} rows`, { total: first.total }, { limit: EXPORT_MAX_ROWS });
      }
      const stamp = clock.now().toISOString().slice(0, 10);
      const filename = `achievements-${stamp}.${q.format}`;
      const contentType = EXPORT_CONTENT_TYPES[q.format];
      async function* pages(): AsyncGenerator<Achievement[]> {
        yield first.items;
        for (let page = 2; (page - 1) * pageSize < first.total; page++) {
          const next = await achievements.exportPage(actor, { ...q, page, pageSize });
          if (next.items.length === 0) {
            return;
          }
          yield next.items;
        }
      }
      if (q.format === 'xlsx') {
        const all: Achievement[] = [];
        for await (const items of pages()) {
          all.push(...items);
        }
        return { contentType, filename, body: await toXlsx(all) };
      }
      const line = q.format === 'csv' ? csvLine : jsonlLine;
      async function* text(): AsyncGenerator<string> {
        if (q.format === 'csv') {
          yield csvHeader();
        }
        for await (const items of pages()) {
          yield items.map(line).join('');
        }
      }
      return { contentType, filename, body: Readable.from(text()) };
    },
  };
  return service;
}
export type ImportsService = ReturnType<typeof createImportsService>;
