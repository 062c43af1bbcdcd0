import type { ImportJob } from '#shared/contracts/imports.contract';

/** The same guard as the server's exports: a cell a spreadsheet would run as a formula gets an apostrophe. */
export function escapeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const cell = (v: string | number | null) => {
  const s = v === null ? '' : typeof v === 'number' ? String(v) : escapeFormula(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The row report as CSV (UTF-8 with BOM so Excel reads Chinese correctly). */
export function reportCsv(job: Pick<ImportJob, 'errors'>, headers: readonly [string, string, string, string, string]): string {
  const lines = [headers.map(cell).join(',')];
  for (const e of job.errors) {
    lines.push([e.row, e.externalId, e.field, e.code, e.message].map(cell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
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
