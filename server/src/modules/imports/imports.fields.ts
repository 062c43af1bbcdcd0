import { z } from 'zod';
import {
  CreateAchievementSchema,
  PatchAchievementSchema,
  TRANSFER_MODES,
  type TransferMode,
} from '#shared/contracts/achievements.contract';
import type { ImportRowCode } from '#shared/contracts/imports.contract';
import { AppError } from '#server/lib/app-error';
import type { ImportListing } from '#server/modules/achievements/index';
import { headerIndex, matchHeaders } from './imports.headers';

/** Input columns: the API field name first, then the Chinese labels accepted for it. */
export const IMPORT_COLUMNS = {
  externalId: ['外部编号', '成果编号', '编号'],
  title: ['标题', '成果名称', '名称', '成果标题'],
  abstract: ['摘要', '成果简介', '简介', '内容摘要'],
  detail: ['详细内容', '详细介绍', '保密内容'],
  keywords: ['关键词', '关键字'],
  discipline: ['学科', '学科分类', '所属学科'],
  domain: ['技术领域', '领域', 'domainCode', '技术领域代码'],
  industryCode: ['行业代码', '行业', '国民经济行业', '国民经济行业代码', '所属行业', 'industryCodes'],
  regionCode: ['地区代码', '行政区划代码', '所在地区代码', '地区'],
  trl: ['技术成熟度', '成熟度', '技术就绪度'],
  trlEvidence: ['成熟度依据', '成熟度证明', '技术成熟度依据'],
  transferModes: ['转化方式', '交易方式', '合作方式', 'transferMode'],
  priceMode: ['价格方式', '报价方式', '定价方式'],
  priceMinFen: ['最低价格（分）'],
  priceMaxFen: ['最高价格（分）'],
  priceMinYuan: ['最低价格（元）', '价格下限（元）', '最低价格', '价格下限'],
  priceMaxYuan: ['最高价格（元）', '价格上限（元）', '最高价格', '价格上限'],
  openLicence: ['开放许可', 'openLicense'],
  dualUse: ['军民两用'],
  exportControlled: ['出口管制'],
  comparison: ['对比优势', '与现有技术对比', '竞争优势'],
  applications: ['应用领域', '应用前景', '应用场景'],
  awards: ['获奖情况', '奖项'],
  patentNumbers: ['专利号', '专利'],
  ip: ['知识产权'],
  team: ['团队', '团队成员', '完成人'],
  fiscal: ['财政资金', '是否财政资金'],
  fundingProgramme: ['资助计划', '项目来源', '计划类别'],
  fundingProjectNumber: ['项目编号', '财政项目编号', 'projectNumber'],
  funding: ['资助'],
} as const;
export type ImportColumn = keyof typeof IMPORT_COLUMNS;

const REQUIRED: readonly ImportColumn[] = ['externalId', 'title', 'abstract'];

const HEADER_INDEX = headerIndex(IMPORT_COLUMNS);

/** `externalId/外部编号, title/标题, …` for error messages. */
export const EXPECTED_HEADERS = (Object.entries(IMPORT_COLUMNS) as [ImportColumn, readonly string[]][])
  .map(([f, labels]) => `${f}/${labels[0]}`)
  .join(', ');

/**
 * Maps the file's headers to input columns. Throws import/unknown_columns (listing the expected
 * headers) for a header it does not know, import/missing_columns without externalId, title or
 * abstract. Two headers naming the same column are unknown too (ambiguous).
 */
export function mapHeaders(headers: readonly string[]): Map<string, ImportColumn> {
  const map = matchHeaders(headers, HEADER_INDEX, EXPECTED_HEADERS);
  const seen = new Set(map.values());
  const missing = REQUIRED.filter((c) => !seen.has(c));
  if (missing.length) {
    const names = missing.map((c) => `${c}/${IMPORT_COLUMNS[c][0]}`);
    throw new AppError('import/missing_columns', `missing ${missing.join(', ')}`, { missing: names }, { missing: names.join(', ') });
  }
  return map;
}

/** Keyword (and other list) separators: 、 ; , _ and their full-width forms. */
const LIST_SEPARATORS = /[、;；,，_＿]+/;

/** A list cell: an array as is, a string split on 、 ; , _ (half- or full-width); trimmed, blanks and repeats dropped. Pure. */
export function splitList(v: unknown): string[] {
  const parts = Array.isArray(v)
    ? v.map((x) => (typeof x === 'string' || typeof x === 'number' ? String(x) : JSON.stringify(x)))
    : String(v).split(LIST_SEPARATORS);
  return [...new Set(parts.map((p) => p.trim()).filter((p) => p !== ''))];
}

const MODE_WORDS: Record<string, TransferMode> = {
  转让: 'ASSIGN',
  技术转让: 'ASSIGN',
  许可: 'LICENSE',
  技术许可: 'LICENSE',
  许可使用: 'LICENSE',
  作价投资: 'EQUITY',
  作价入股: 'EQUITY',
  合作开发: 'JOINT',
  合作: 'JOINT',
  技术服务: 'SERVICE',
  服务: 'SERVICE',
};
const PRICE_WORDS: Record<string, string> = {
  面议: 'negotiable',
  议价: 'negotiable',
  固定: 'fixed',
  固定价格: 'fixed',
  一口价: 'fixed',
  区间: 'range',
  范围: 'range',
  价格区间: 'range',
};
const TRUE_WORDS = new Set(['true', '1', 'y', 'yes', '是', '有', '√', '✓']);
const FALSE_WORDS = new Set(['false', '0', 'n', 'no', '否', '无', '×']);

function toBool(v: unknown): unknown {
  if (typeof v === 'boolean') {
    return v;
  }
  const s = String(v).trim().toLowerCase();
  return TRUE_WORDS.has(s) ? true : FALSE_WORDS.has(s) ? false : v;
}

function toInt(v: unknown): unknown {
  if (typeof v === 'number') {
    return v;
  }
  const s = String(v)
    .trim()
    .replace(/^trl\s*/i, '')
    .replace(/级$/, '')
    .replace(/,/g, '');
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : v;
}

/** Yuan (may have decimals) → integer fen, without floating-point drift. */
function yuanToFen(v: unknown): unknown {
  const s =
    typeof v === 'number'
      ? String(v)
      : String(v)
          .trim()
          .replace(/[,，¥￥元]/g, '');
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : v;
}

function parseJsonCell(v: unknown): unknown {
  if (typeof v !== 'string') {
    return v;
  }
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : v);

/** Domain codes and names (Chinese or English, any case) → code. */
export type DomainLookup = Map<string, string>;

/**
 * The listing fields of one record, from cells named by input column: lists split, words mapped to
 * codes (转让 → ASSIGN, 面议 → negotiable, 是/否 → booleans, a domain's name → its code), yuan to fen.
 * Values it cannot convert are passed on for the schema to reject with a clear message. Pure.
 */
export function coerceRecord(cells: ReadonlyMap<ImportColumn, unknown>, domains: DomainLookup): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const funding: Record<string, unknown> = {};
  for (const [col, v] of cells) {
    switch (col) {
      case 'keywords':
      case 'awards':
        out[col] = splitList(v);
        break;
      case 'industryCode':
        out.industryCodes = splitList(v);
        break;
      case 'domain': {
        const s = String(str(v)).trim();
        out.domainCode = domains.get(s.toLowerCase()) ?? s;
        break;
      }
      case 'trl':
      case 'priceMinFen':
      case 'priceMaxFen':
        out[col] = toInt(v);
        break;
      case 'priceMinYuan':
        out.priceMinFen = yuanToFen(v);
        break;
      case 'priceMaxYuan':
        out.priceMaxFen = yuanToFen(v);
        break;
      case 'transferModes':
        out.transferModes = splitList(v).map(
          (m) => MODE_WORDS[m] ?? (TRANSFER_MODES.includes(m.toUpperCase() as TransferMode) ? m.toUpperCase() : m),
        );
        break;
      case 'priceMode': {
        const s = String(str(v)).trim();
        out.priceMode = PRICE_WORDS[s] ?? s.toLowerCase();
        break;
      }
      case 'openLicence':
      case 'dualUse':
      case 'exportControlled':
        out[col] = toBool(v);
        break;
      case 'patentNumbers':
        out.ip = [...((out.ip as unknown[] | undefined) ?? []), ...splitList(v).map((number) => ({ kind: 'patent', number }))];
        break;
      case 'ip': {
        const parsed = parseJsonCell(v);
        out.ip = Array.isArray(parsed) ? [...(parsed as unknown[]), ...((out.ip as unknown[] | undefined) ?? [])] : parsed;
        break;
      }
      case 'team': {
        const parsed = parseJsonCell(v);
        out.team =
          typeof parsed === 'string'
            ? splitList(parsed).map((name) => ({ name }))
            : Array.isArray(parsed)
              ? (parsed as unknown[]).map((m) => (typeof m === 'string' ? { name: m } : m))
              : parsed;
        break;
      }
      case 'funding':
        Object.assign(funding, parseJsonCell(v));
        break;
      case 'fiscal':
        funding.fiscal = toBool(v);
        break;
      case 'fundingProgramme':
        funding.programme = str(v);
        break;
      case 'fundingProjectNumber':
        funding.projectNumber = str(v);
        break;
      case 'externalId':
      case 'title':
      case 'abstract':
      case 'detail':
      case 'discipline':
      case 'regionCode':
      case 'trlEvidence':
      case 'comparison':
      case 'applications':
        out[col] = str(v);
    }
  }
  if (Object.keys(funding).length) {
    // A programme or project number without a 财政资金 column is taken as fiscal funding (汇交 is about fiscal projects).
    out.funding = { fiscal: true, ...funding };
  }
  return out;
}

const create = CreateAchievementSchema.shape;
/** One import row after coercion: the PATCH shape (no defaults, absent = leave as is) with the three required fields. */
export const ImportRowSchema = PatchAchievementSchema.extend({
  externalId: z.string().trim().min(1).max(100),
  title: create.title,
  abstract: create.abstract,
});

export type RowProblem = { field: string; code: ImportRowCode; params: Record<string, unknown> };

/** Validates a coerced row: the listing, or its problems (one per field). Pure. */
export function validateRow(values: Record<string, unknown>): { ok: true; listing: ImportListing } | { ok: false; problems: RowProblem[] } {
  const r = ImportRowSchema.safeParse(values);
  if (r.success) {
    return { ok: true, listing: r.data };
  }
  const problems: RowProblem[] = [];
  const seen = new Set<string>();
  for (const issue of r.error.issues) {
    const field = issue.path.map(String).join('.') || '(row)';
    if (seen.has(field)) {
      continue;
    }
    seen.add(field);
    const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
    problems.push({
      field,
      code: missing ? 'required' : 'invalid_value',
      params: missing
        ? {}
        : {
            issue: {
              code: issue.code,
              message: issue.message,
              ...('minimum' in issue ? { minimum: issue.minimum } : {}),
              ...('maximum' in issue ? { maximum: issue.maximum } : {}),
              ...('origin' in issue ? { origin: issue.origin } : {}),
              ...('expected' in issue ? { expected: issue.expected } : {}),
              ...('values' in issue ? { values: issue.values } : {}),
              ...('format' in issue ? { format: issue.format } : {}),
            },
          },
    });
  }
  return { ok: false, problems };
}
