import ExcelJS from 'exceljs';
import type { Achievement } from '#shared/contracts/achievements.contract';
import type { ImportFormat } from '#shared/contracts/imports.contract';

/**
 * A cell a spreadsheet would read as a formula (starts with = + - @, TAB or CR) gets a leading
 * apostrophe, so it shows as text (OWASP CSV injection). Applied to every text cell of CSV and
 * XLSX exports. Pure.
 */
export function escapeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Export columns: header (English field name, importable as is) and value. */
const COLUMNS: { header: string; label: string; get: (a: Achievement) => string | number | boolean | null }[] = [
  { header: 'externalId', label: '外部编号', get: (a) => a.externalId },
  { header: 'title', label: '标题', get: (a) => a.title },
  { header: 'abstract', label: '摘要', get: (a) => a.abstract },
  { header: 'keywords', label: '关键词', get: (a) => a.keywords.join('、') },
  { header: 'discipline', label: '学科', get: (a) => a.discipline },
  { header: 'domain', label: '技术领域', get: (a) => a.domainCode },
  { header: 'industryCode', label: '行业代码', get: (a) => a.industryCodes.join('、') },
  { header: 'regionCode', label: '地区代码', get: (a) => a.regionCode },
  { header: 'trl', label: '技术成熟度', get: (a) => a.trl },
  { header: 'trlEvidence', label: '成熟度依据', get: (a) => a.trlEvidence },
  { header: 'transferModes', label: '转化方式', get: (a) => a.transferModes.join('、') },
  { header: 'priceMode', label: '价格方式', get: (a) => a.priceMode },
  { header: 'priceMinFen', label: '最低价格（分）', get: (a) => a.priceMinFen },
  { header: 'priceMaxFen', label: '最高价格（分）', get: (a) => a.priceMaxFen },
  { header: 'openLicence', label: '开放许可', get: (a) => a.openLicence },
  { header: 'patentNumbers', label: '专利号', get: (a) => a.ip.flatMap((i) => (i.number ? [i.number] : [])).join('、') },
  { header: 'awards', label: '获奖情况', get: (a) => a.awards.join('、') },
  { header: 'comparison', label: '对比优势', get: (a) => a.comparison },
  { header: 'applications', label: '应用领域', get: (a) => a.applications },
];
/** Read-only columns after the importable ones (an import would refuse them as unknown, so they are not in CSV/XLSX). */
const INFO = { id: '平台编号', ownerOrgName: '所属机构', regionName: '地区', status: '状态', publishedAt: '发布时间' } as const;

export const EXPORT_CONTENT_TYPES: Record<ImportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jsonl: 'application/x-ndjson; charset=utf-8',
};

const csvCell = (v: string | number | boolean | null): string => {
  if (v === null) {
    return '';
  }
  const s = typeof v === 'string' ? escapeFormula(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One JSONL line: the public record (JSON is data, not a spreadsheet: no escaping needed). */
export function jsonlLine(a: Achievement): string {
  const { detail: _d, detailRestricted: _r, quality: _q, ...rest } = a;
  return `${JSON.stringify(rest)}\n`;
}

/** CSV in UTF-8 with a BOM (so Excel opens it as UTF-8), importable back unchanged. */
export function csvHeader(): string {
  return `\uFEFF${COLUMNS.map((c) => c.header).join(',')}\r\n`;
}
export function csvLine(a: Achievement): string {
  return `${COLUMNS.map((c) => csvCell(c.get(a))).join(',')}\r\n`;
}

/** XLSX: one sheet with the importable columns, then the read-only ones; text cells escaped. */
export async function toXlsx(items: readonly Achievement[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('achievements');
  ws.addRow(COLUMNS.map((c) => c.header));
  for (const a of items) {
    ws.addRow(
      COLUMNS.map((c) => {
        const v = c.get(a);
        return typeof v === 'string' ? escapeFormula(v) : v;
      }),
    );
  }
  const info = wb.addWorksheet('info');
  info.addRow(['externalId', ...Object.keys(INFO)]);
  info.addRow(['外部编号', ...Object.values(INFO)]);
  for (const a of items) {
    info.addRow(
      [a.externalId, a.id, a.ownerOrgName, a.regionName, a.status, a.publishedAt].map((v) =>
        typeof v === 'string' ? escapeFormula(v) : v,
      ),
    );
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
