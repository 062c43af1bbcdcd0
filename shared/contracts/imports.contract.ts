import { z } from 'zod';
import { AchievementQuerySchema } from './achievements.contract';

/** Request-level failures of an import or export (row-level problems go into the job's report). */
export const importErrors = {
  'import/not_found': 404,
  'import/org_required': 400,
  'import/unsupported_format': 415,
  'import/unreadable_file': 400,
  'import/encoding_invalid': 400,
  'import/empty_file': 400,
  'import/unknown_columns': 400,
  'import/missing_columns': 400,
  'import/too_many_rows': 413,
  'import/file_too_large': 413,
  'import/publish_not_allowed': 403,
  'export/too_many_rows': 413,
} as const;

/** Largest accepted upload (bytes) and row count. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 100_000;
/** Largest export (rows); narrow the filters beyond it. */
export const EXPORT_MAX_ROWS = 100_000;

export const IMPORT_FORMATS = ['csv', 'xlsx', 'jsonl'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const IMPORT_ENCODINGS = ['auto', 'utf8', 'gbk'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

/**
 * `all`: one transaction, any invalid row and nothing is written (status `rejected`).
 * `valid`: valid rows are written, invalid rows are reported (status `partial` when any failed).
 */
export const IMPORT_MODES = ['all', 'valid'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

const QueryBoolean = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

/** `POST /achievements/import` query string; the file is the raw request body. */
export const ImportQuerySchema = z.object({
  /** Organisation id or unified social credit code; optional when you work for one organisation. */
  org: z.string().trim().min(1).max(60).optional(),
  mode: z.enum(IMPORT_MODES).default('all'),
  /** Publish the imported listings (needs a reviewer role: TTO officer, owner/admin of a non-TTO organisation, region admin). */
  publish: QueryBoolean,
  /** Default: from the content type, the file name, then the content itself. */
  format: z.enum(IMPORT_FORMATS).optional(),
  /** CSV and JSONL: `auto` takes valid UTF-8 (with or without BOM) as UTF-8, anything else as GB18030 (a GBK superset). */
  encoding: z.enum(IMPORT_ENCODINGS).default('auto'),
  filename: z.string().trim().max(200).optional(),
  /** Answer when the import has finished (200) instead of at once (202). */
  wait: QueryBoolean,
});
export type ImportQuery = z.infer<typeof ImportQuerySchema>;

/** Row-level problem codes of an import report. */
export const IMPORT_ROW_CODES = [
  'required',
  'invalid_value',
  'unknown_code',
  'duplicate_external_id',
  'not_editable',
  'publish_not_allowed',
  'price_range_invalid',
  'invalid_json',
] as const;
export type ImportRowCode = (typeof IMPORT_ROW_CODES)[number];

/** zh/en text of each row code; `{detail}` carries the specific reason. */
export const importRowMessages: Record<ImportRowCode, { zh: string; en: string }> = {
  required: { zh: '必填项为空', en: 'Required value is missing' },
  invalid_value: { zh: '取值无效：{detail}', en: 'Invalid value: {detail}' },
  unknown_code: { zh: '未知代码：{codes}', en: 'Unknown code: {codes}' },
  duplicate_external_id: {
    zh: '外部编号 {externalId} 在文件中重复（首次出现于第 {firstRow} 行）',
    en: 'External id {externalId} repeats in the file (first on row {firstRow})',
  },
  not_editable: {
    zh: '该成果当前状态为 {status}，不能通过导入修改（可选择导入并发布，或先撤回）',
    en: 'The listing is {status} and cannot be changed by import (import with publish, or withdraw it first)',
  },
  publish_not_allowed: { zh: '您无权发布该地区（{regionCode}）的成果', en: 'You may not publish listings in region {regionCode}' },
  price_range_invalid: { zh: '价格下限不能高于上限', en: 'The minimum price cannot exceed the maximum' },
  invalid_json: { zh: '该行不是有效的 JSON 对象：{detail}', en: 'The line is not a valid JSON object: {detail}' },
};

export const ImportRowErrorSchema = z.object({
  /** Row in the file: the sheet/CSV row number (header = 1) or the JSONL line number. */
  row: z.number().int(),
  externalId: z.string().nullable(),
  /** Field name as in the API (e.g. `trl`, `keywords.2`), or the column header. */
  field: z.string(),
  code: z.enum(IMPORT_ROW_CODES),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowErrorSchema>;

export const IMPORT_STATUSES = ['running', 'succeeded', 'partial', 'rejected', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const ImportJobSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  mode: z.enum(IMPORT_MODES),
  publish: z.boolean(),
  format: z.enum(IMPORT_FORMATS),
  /** Detected or given encoding (`utf8`, `gb18030`, `utf16le`; `binary` for XLSX). */
  encoding: z.string(),
  filename: z.string().nullable(),
  /** Data rows in the file, rows done so far (parsed, checked and — unless rejected — written). */
  total: z.number().int(),
  /** Rows parsed and validated so far (all of them before anything is written). */
  checked: z.number().int(),
  processed: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Rows with at least one problem. */
  failed: z.number().int(),
  errors: z.array(ImportRowErrorSchema),
  /** The report holds the first 5,000 problems. */
  errorsTruncated: z.boolean(),
  /** Why a `failed` import stopped. */
  failure: z.string().nullable(),
  rowsPerSecond: z.number().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ImportJobSchema>;

export const ImportIdParamSchema = z.object({ id: z.uuid() });

/** `GET /achievements/export`: the directory's filters (without paging) and a format. */
export const ExportQuerySchema = z
  .object({
    ...AchievementQuerySchema.shape,
    format: z.enum(IMPORT_FORMATS).default('csv'),
  })
  .omit({ page: true, pageSize: true })
  .refine((q) => q.mine === true || q.status === undefined || q.status === 'published', {
    path: ['status'],
    message: 'status filters only your own listings (mine=true); the export of the public directory holds published listings only',
  });
export type ExportQuery = z.infer<typeof ExportQuerySchema>;
