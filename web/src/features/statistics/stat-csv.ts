// Client-side CSV of a table on screen (the server's annual report has its own CSV).

import { formatFenSum, type AmountUnit } from './stat-format';

export type CsvCell = string | number | null | undefined;

const NUMERIC = /^[+-]?\d[\d,]*(\.\d+)?%?$/;

/** A cell that a spreadsheet would run as a formula gets a leading apostrophe; numbers stay numbers. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) {
    return '';
  }
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !NUMERIC.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 text with CRLF line ends and a UTF-8 byte-order mark so that Excel reads the Chinese. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A file name safe on every system: 技术市场统计-2024-地区.csv */
export function csvFileName(...parts: (string | number)[]): string {
  return `${parts
    .map((p) => String(p).replace(/[\\/:*?"<>|\s]+/g, '_'))
    .filter((p) => p.length > 0)
    .join('-')}.csv`;
}

/** Column titles of a statistics table export, in the page's language. */
export type StatCsvHeaders = {
  label: string;
  count: string;
  amount: string;
  techAmount: string;
  share: string;
  amountGrowth: string;
  countGrowth: string;
};

/** A table of StatRows as CSV: amounts in the unit (exact, from BigInt), shares and growth in per cent. */
export function statRowsCsv(
  rows: readonly {
    name: string;
    nameEn: string;
    count: number;
    amountFen: string;
    techAmountFen: string;
    amountShare: number | null;
    amountGrowth: number | null;
    countGrowth: number | null;
    code: string;
  }[],
  headers: StatCsvHeaders,
  unit: AmountUnit,
  lang: 'zh' | 'en',
): string {
  return toCsv(
    [headers.label, headers.count, headers.amount, headers.techAmount, headers.share, headers.amountGrowth, headers.countGrowth],
    rows.map((r) => [
      lang === 'en' && r.nameEn ? r.nameEn : r.name,
      r.count,
      formatFenSum(r.amountFen, unit, 2, false),
      formatFenSum(r.techAmountFen, unit, 2, false),
      r.amountShare === null ? '' : r.amountShare.toFixed(1),
      r.amountGrowth === null ? '' : r.amountGrowth.toFixed(1),
      r.countGrowth === null ? '' : r.countGrowth.toFixed(1),
    ]),
  );
}
