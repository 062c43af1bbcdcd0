import type { ImportJob } from '#shared/contracts/imports.contract';

/** The same guard as the server's exports: a cell a spreadsheet would run as a formula gets an apostrophe. */
export function escapeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const cell = (v: string | number | null) => {
  const s = v === null ? '' : typeof v === 'number' ? String(v) : escapeFormula(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Rows as CSV text: CRLF line ends, a UTF-8 byte-order mark (so Excel reads Chinese correctly), formula cells escaped. */
export function csvText(rows: readonly (readonly (string | number | null)[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** The row report as CSV (UTF-8 with BOM so Excel reads Chinese correctly). */
export function reportCsv(job: Pick<ImportJob, 'errors'>, headers: readonly [string, string, string, string, string]): string {
  return csvText([headers, ...job.errors.map((e) => [e.row, e.externalId, e.field, e.code, e.message])]);
}

/** Share of the work done, 0–100: checking and writing each count half. */
export function importPercent(job: Pick<ImportJob, 'total' | 'checked' | 'processed' | 'status'>): number {
  if (job.status !== 'running') {
    return 100;
  }
  return job.total === 0 ? 0 : Math.min(99, Math.floor(((job.checked + job.processed) / (2 * job.total)) * 100));
}

/** A template to fill in: the columns with their Chinese labels. */
export const TEMPLATE_CSV =
  '\uFEFF外部编号,标题,摘要,关键词,学科,技术领域,行业代码,地区代码,技术成熟度,转化方式,价格方式,最低价格（元）,最高价格（元）\r\n';
