import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ImportEncoding, ImportFormat, ImportJob, ImportMode } from '#shared/contracts/imports.contract';
import { errorMessage, type Lang } from '#shared/i18n/error-messages';
import { isAppError } from '#server/lib/app-error';
import { systemActor } from '#server/modules/auth/index';
import type { ImportProgress, ImportsService } from './imports.service';

export type ImportCliOptions = {
  org?: string;
  publish?: boolean;
  mode: ImportMode;
  encoding: ImportEncoding;
  format?: ImportFormat;
  lang: Lang;
  json?: boolean;
};

/** What the command needs of the runtime (kept structural: the runtime imports this module). */
type CliRuntime = {
  services: {
    imports: ImportsService;
    organisations: {
      list: (
        actor: ReturnType<typeof systemActor>,
        q: { page: number; pageSize: number },
      ) => Promise<{ items: { id: string }[]; total: number }>;
    };
  };
};

/** `[#########-----------]  45%  4500/10000 rows` */
export function progressBar(p: ImportProgress, width = 30): string {
  const done = p.total === 0 ? 1 : (p.checked + p.processed) / (2 * p.total);
  const filled = Math.round(done * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.floor(done * 100)).padStart(3)}%  checked ${p.checked}/${p.total}, written ${p.processed}/${p.total}`;
}

/**
 * `transfernet import achievements <file>`: runs the import as the system actor (a platform
 * administrator) with a progress bar on stderr, then prints the summary and the row report.
 * Sets the exit code to 1 unless every row was imported.
 */
export async function importAchievementsCommand(
  rt: CliRuntime,
  file: string,
  opts: ImportCliOptions,
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<void> {
  const actor = systemActor('cli:import');
  let org = opts.org;
  if (!org) {
    // The system actor belongs to no organisation: take the only one there is, else ask for --org.
    const { items, total } = await rt.services.organisations.list(actor, { page: 1, pageSize: 2 });
    if (total !== 1 || !items[0]) {
      err(`--org is required: ${total} organisations exist (give an organisation id or unified social credit code)`);
      process.exitCode = 1;
      return;
    }
    org = items[0].id;
  }
  const bytes = await readFile(file);
  const tty = process.stderr.isTTY;
  let lastStep = -1;
  const onProgress = (p: ImportProgress) => {
    if (tty) {
      process.stderr.write(`\r${progressBar(p)}`);
      return;
    }
    const step = Math.floor(((p.checked + p.processed) / (2 * Math.max(1, p.total))) * 10);
    if (step !== lastStep) {
      lastStep = step;
      err(progressBar(p));
    }
  };
  let job: ImportJob;
  try {
    const started = await rt.services.imports.start(
      actor,
      bytes,
      { org, mode: opts.mode, publish: opts.publish === true, format: opts.format, encoding: opts.encoding, filename: basename(file) },
      opts.lang,
      onProgress,
    );
    job = await started.done;
  } catch (e) {
    if (isAppError(e)) {
      err(`${e.code}: ${errorMessage(e.code, opts.lang, e.params)}`);
      process.exitCode = 1;
      return;
    }
    throw e;
  }
  if (tty) {
    process.stderr.write('\n');
  }
  if (opts.json) {
    out(JSON.stringify(job, null, 2));
  } else {
    out(
      `import ${job.id} ${job.status}: ${job.total} rows (${job.format}, ${job.encoding}) → ${job.created} created, ${job.updated} updated, ${job.unchanged} unchanged, ${job.failed} failed` +
        (job.rowsPerSecond ? ` (${job.rowsPerSecond} rows/s)` : ''),
    );
    if (job.status === 'rejected') {
      out('mode all: nothing was written (fix the rows below, or use --mode valid)');
    }
    if (job.failure) {
      out(`failure: ${job.failure}`);
    }
    for (const e of job.errors.slice(0, 50)) {
      out(`  row ${e.row}${e.externalId ? ` [${e.externalId}]` : ''} ${e.field} ${e.code}: ${e.message}`);
    }
    if (job.errors.length > 50) {
      out(`  … ${job.errors.length - 50} more (use --json for the whole report)`);
    }
  }
  process.exitCode = job.status === 'succeeded' ? 0 : 1;
}
