import { parse as parseCsvText } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { ImportEncoding, ImportFormat } from '#shared/contracts/imports.contract';
import { AppError } from '#server/lib/app-error';

/** One data record of the file: its row (or line) number and its cells by column header. */
export type RawRecord = { row: number; values: Record<string, unknown> } | { row: number; invalidJson: string };
export type RawTable = { format: ImportFormat; encoding: string; headers: string[]; records: RawRecord[] };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (buf: Uint8Array, bytes: readonly number[]) => bytes.every((b, i) => buf[i] === b);

const CONTENT_TYPES: Record<string, ImportFormat> = {
  'text/csv': 'csv',
  'application/csv': 'csv',
  'text/comma-separated-values': 'csv',
  'application/vnd.ms-excel': 'csv', // what browsers on Windows often send for .csv
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/x-jsonlines': 'jsonl',
  'application/jsonlines': 'jsonl',
};

/**
 * The file's format: as given, else from the content type, else the file name's extension, else
 * sniffed (a ZIP container is XLSX, a first character `{` is JSONL, anything else CSV). Pure.
 */
export function detectFormat(
  bytes: Uint8Array,
  hint: { format?: ImportFormat | undefined; contentType?: string | undefined; filename?: string | undefined },
): ImportFormat {
  if (hint.format) {
    return hint.format;
  }
  const ct = hint.contentType?.split(';')[0]?.trim().toLowerCase();
  const byType = ct ? CONTENT_TYPES[ct] : undefined;
  if (byType) {
    return byType;
  }
  const ext = hint.filename?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') {
    return 'csv';
  }
  if (ext === 'xlsx') {
    return 'xlsx';
  }
  if (ext === 'jsonl' || ext === 'ndjson' || ext === 'json') {
    return 'jsonl';
  }
  if (startsWith(bytes, ZIP_MAGIC)) {
    return 'xlsx';
  }
  const head = decodeText(bytes.subarray(0, 4096), 'auto', true).text.trimStart();
  return head.startsWith('{') ? 'jsonl' : 'csv';
}

/**
 * Text of a CSV or JSONL file. `auto`: a UTF-8 or UTF-16 byte-order mark decides; else valid UTF-8
 * is UTF-8 and anything else GB18030 (a superset of GBK and GB2312, what Chinese Excel saves).
 * Throws import/encoding_invalid when the bytes are not text in the chosen encoding.
 */
export function decodeText(bytes: Uint8Array, encoding: ImportEncoding, lenient = false): { text: string; encoding: string } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: utf8(bytes.subarray(3), lenient), encoding: 'utf8' };
  }
  if (encoding === 'auto' && (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]))) {
    return {
      text: iconv.decode(Buffer.from(bytes), bytes[0] === 0xff ? 'utf16le' : 'utf16be'),
      encoding: bytes[0] === 0xff ? 'utf16le' : 'utf16be',
    };
  }
  if (encoding === 'utf8') {
    return { text: utf8(bytes, lenient), encoding: 'utf8' };
  }
  if (encoding === 'auto') {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf8' };
    } catch {
      // not UTF-8: fall through to GB18030
    }
  }
  const text = iconv.decode(Buffer.from(bytes), 'gb18030');
  if (!lenient && text.includes('\uFFFD')) {
    throw new AppError('import/encoding_invalid', 'bytes that are neither UTF-8 nor GB18030', undefined, {
      encoding: encoding === 'auto' ? 'UTF-8 / GBK' : 'GBK',
    });
  }
  return { text, encoding: 'gb18030' };
}

function utf8(bytes: Uint8Array, lenient: boolean): string {
  try {
    return new TextDecoder('utf-8', { fatal: !lenient }).decode(bytes);
  } catch {
    throw new AppError('import/encoding_invalid', 'invalid UTF-8', undefined, { encoding: 'UTF-8' });
  }
}

/** Binary content (NUL bytes, a ZIP container) sent as CSV or JSONL. */
function assertText(bytes: Uint8Array, format: ImportFormat, text: string): void {
  if (startsWith(bytes, ZIP_MAGIC) || text.includes('\u0000')) {
    throw new AppError('import/unreadable_file', `binary content sent as ${format}`, undefined, {
      reason: `不是 ${format.toUpperCase()} 文本文件 / not a ${format.toUpperCase()} text file`,
    });
  }
}

const cellText = (v: unknown) => (typeof v === 'string' ? v.trim() : v);
const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** CSV (comma- or tab-separated, RFC 4180 quoting) with a header row. */
export function parseCsv(text: string): { headers: string[]; records: RawRecord[] } {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  let rows: string[][];
  try {
    const parsed: unknown = parseCsvText(text, { delimiter, relax_column_count: true, bom: true, skip_empty_lines: false });
    rows = parsed as string[][];
  } catch (e) {
    throw new AppError('import/unreadable_file', 'CSV syntax', undefined, { reason: e instanceof Error ? e.message : String(e) });
  }
  return fromGrid(rows);
}

/** Header row + data rows → records (blank rows skipped; row numbers 1-based, header = 1). */
function fromGrid(rows: unknown[][]): { headers: string[]; records: RawRecord[] } {
  const headerIndex = rows.findIndex((r) => r.some((c) => !isBlank(c)));
  if (headerIndex < 0) {
    throw new AppError('import/empty_file', 'no header row');
  }
  const headers = rows[headerIndex]!.map((h) => (isBlank(h) ? '' : String(h).trim()));
  const records: RawRecord[] = [];
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const cells = rows[i]!;
    if (!cells.some((c) => !isBlank(c))) {
      continue;
    }
    const values: Record<string, unknown> = {};
    headers.forEach((h, k) => {
      const v = cells[k];
      if (h !== '' && !isBlank(v)) {
        values[h] = cellText(v);
      }
    });
    records.push({ row: i + 1, values });
  }
  return { headers: headers.filter((h) => h !== ''), records };
}

/** Plain value of an ExcelJS cell (rich text joined, formulas by their cached result, dates ISO). */
function excelValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) {
    return undefined;
  }
  if (v instanceof Date) {
    return v.toISOString();
  }
  if (typeof v === 'object') {
    if ('richText' in v) {
      return v.richText.map((r) => r.text).join('');
    }
    if ('text' in v && typeof v.text === 'string') {
      return v.text; // hyperlink
    }
    if ('result' in v) {
      return excelValue(v.result);
    }
    if ('error' in v) {
      return undefined;
    }
    return undefined;
  }
  return v;
}

/** The first worksheet of an XLSX workbook, header in its first non-blank row. */
export async function parseXlsx(bytes: Uint8Array): Promise<{ headers: string[]; records: RawRecord[] }> {
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new AppError('import/unreadable_file', 'not a ZIP container', undefined, { reason: '不是 XLSX 文件 / not an XLSX workbook' });
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    throw new AppError('import/unreadable_file', 'broken XLSX', undefined, {
      reason: `XLSX: ${e instanceof Error ? e.message : String(e)}`,
    });
  }
  const ws = wb.worksheets[0];
  if (!ws) {
    throw new AppError('import/empty_file', 'workbook without sheets');
  }
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = excelValue(cell.value);
    });
    rows[n - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) {
    rows[i] ??= [];
  }
  return fromGrid(rows);
}

/** One JSON object per line; blank lines skipped; a broken line becomes a row-level problem. */
export function parseJsonl(text: string): { headers: string[]; records: RawRecord[] } {
  const records: RawRecord[] = [];
  const headers = new Set<string>();
  const lines = text.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    const trimmed = line.trim();
    if (trimmed === '') {
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (e) {
      records.push({ row: i + 1, invalidJson: e instanceof Error ? e.message.slice(0, 200) : 'syntax error' });
      continue;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      records.push({ row: i + 1, invalidJson: 'not an object' });
      continue;
    }
    const values: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      headers.add(k);
      if (!isBlank(v)) {
        values[k] = cellText(v);
      }
    }
    records.push({ row: i + 1, values });
  }
  return { headers: [...headers], records };
}

/** Reads an uploaded file into records. Request-level problems throw 4xx AppErrors. */
export async function readTable(
  bytes: Uint8Array,
  opts: { format?: ImportFormat | undefined; encoding: ImportEncoding; contentType?: string | undefined; filename?: string | undefined },
): Promise<RawTable> {
  if (bytes.length === 0) {
    throw new AppError('import/empty_file', 'empty upload');
  }
  const format = detectFormat(bytes, opts);
  if (format === 'xlsx') {
    return { format, encoding: 'binary', ...(await parseXlsx(bytes)) };
  }
  const { text, encoding } = decodeText(bytes, opts.encoding);
  assertText(bytes, format, text);
  const table = format === 'csv' ? parseCsv(text) : parseJsonl(text);
  return { format, encoding, ...table };
}
