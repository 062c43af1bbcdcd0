import { z } from 'zod';
import {
  IMPORT_ENCODINGS,
  IMPORT_FORMATS,
  importRowMessages,
  type ImportEncoding,
  type ImportFormat,
} from '#shared/contracts/imports.contract';
import { ENTERPRISE_OWNERSHIPS, ORGANISATION_TYPES, type OrganisationType } from '#shared/contracts/organisations.contract';
import {
  CONTRACT_CATEGORIES,
  CONTRACT_IP_TYPES,
  CONTRACT_SUBTYPES,
  CreateRegistrationSchema,
  LICENCE_MODES,
  LICENSABLE_SUBTYPES,
  PLAN_CATEGORIES,
  SOCIO_ECONOMIC_OBJECTIVES,
  TECHNOLOGY_DOMAIN_CODES,
  type CreateRegistration,
  type PAYMENT_METHODS,
} from '#shared/contracts/registrations.contract';
import type { ErrorCode } from '#shared/errors';
import { errorMessage, formatMessage, type Lang } from '#shared/i18n/error-messages';
import { validationMessage, type IssueLike } from '#shared/i18n/validation-messages';
import { AppError } from '#server/lib/app-error';
import { requireUser, type Actor } from '#server/modules/auth/index';
import { headerIndex, matchHeaders, normaliseHeader, readTable, type RawRecord } from '#server/modules/imports/index';
import { ENTERPRISE_OWNERSHIP_ITEMS, LICENCE_MODE_ITEMS, STATIC_CODE_LISTS } from '#server/modules/regions/index';
import { applicantOrgIdsOf } from './registrations.policy';
import type { RegistrationsService } from './registrations.service';

// Bulk import (批量导入) of contracts signed outside the market as draft registration applications:
// CSV (UTF-8 or GBK) or XLSX, English field names or Chinese column labels, a per-row report.

/** Most data rows in one file (all rows go through one transaction in `all` mode). */
export const REGISTRATION_IMPORT_MAX_ROWS = 5_000;
/** The report holds at most this many entries. */
export const REGISTRATION_IMPORT_MAX_REPORTED = 5_000;
/** Rows per transaction in `valid` mode. */
const VALID_MODE_CHUNK = 200;

export const REGISTRATION_IMPORT_MODES = ['all', 'valid'] as const;
export type RegistrationImportMode = (typeof REGISTRATION_IMPORT_MODES)[number];

/** `POST /registrations/import` query string (the file is the raw request body). */
export const RegistrationImportQuerySchema = z.object({
  /** `all`: any invalid row and nothing is written; `valid`: the valid rows are written. (`all_or_nothing`/`valid_rows` are accepted too.) */
  mode: z
    .enum(['all', 'valid', 'all_or_nothing', 'valid_rows'])
    .default('all')
    .transform((m): RegistrationImportMode => (m === 'all_or_nothing' ? 'all' : m === 'valid_rows' ? 'valid' : m)),
  format: z.enum(IMPORT_FORMATS).optional(),
  encoding: z.enum(IMPORT_ENCODINGS).default('auto'),
  filename: z.string().trim().max(200).optional(),
});

export const RegistrationImportRowSchema = z.object({
  /** Row of the file (header = 1; the JSONL line number). */
  row: z.number().int(),
  /** API field (`seller.creditCode`, `contractAmountFen`) or `(row)`. */
  field: z.string(),
  /** A row code (`required`, `invalid_value`, `unknown_code`, `duplicate_external_id`, `invalid_json`, `skipped`) or the service's error code (`registration/…`). */
  code: z.string(),
  message: z.string(),
});
export type RegistrationImportRow = z.infer<typeof RegistrationImportRowSchema>;

export const RegistrationImportReportSchema = z.object({
  mode: z.enum(REGISTRATION_IMPORT_MODES),
  format: z.enum(IMPORT_FORMATS),
  /** `utf8`, `gb18030`, `utf16le`…; `binary` for XLSX. */
  encoding: z.string(),
  /** Data rows in the file. */
  total: z.number().int(),
  /** Draft applications created. */
  created: z.number().int(),
  /** Rows whose 外部编号 the applicant organisation already has (re-import): not written, not an error. */
  skipped: z.number().int(),
  /** Rows with at least one problem. */
  failed: z.number().int(),
  /** Problems (and skipped rows, code `skipped`), by row. */
  rows: z.array(RegistrationImportRowSchema),
  rowsTruncated: z.boolean(),
  /** Ids of the created applications, in file order. */
  ids: z.array(z.string()),
});
export type RegistrationImportReport = z.infer<typeof RegistrationImportReportSchema>;

// ── columns ──────────────────────────────────────────────────────────────────────────────────

type EnterpriseOwnership = (typeof ENTERPRISE_OWNERSHIPS)[number];
type PartyKey = 'organisationId' | 'name' | 'type' | 'enterpriseOwnership' | 'creditCode' | 'regionCode' | 'countryCode';
type Labels = readonly [string, ...string[]];
const PARTY_COLUMNS = <S extends 'seller' | 'buyer'>(side: S, zh: '卖方' | '买方'): Record<`${S}.${PartyKey}`, Labels> =>
  ({
    [`${side}.organisationId`]: [`${zh}机构ID`, `${zh}机构编号`],
    [`${side}.name`]: [`${zh}名称`, zh, `${side}Name`],
    [`${side}.type`]: [`${zh}类型`, `${zh}主体类型`, `${side}Type`],
    [`${side}.enterpriseOwnership`]: [`${zh}企业性质`, `${zh}经济类型`, `${side}EnterpriseOwnership`],
    [`${side}.creditCode`]: [`${zh}统一社会信用代码`, `${zh}信用代码`, `${side}CreditCode`],
    [`${side}.regionCode`]: [`${zh}地区代码`, `${zh}行政区划代码`, `${zh}所在地区代码`, `${side}RegionCode`],
    [`${side}.countryCode`]: [`${zh}国别`, `${zh}国家`, `${zh}国家或地区`, `${side}CountryCode`],
  }) as unknown as Record<`${S}.${PartyKey}`, Labels>;

/** Input columns: the API field name (or a yuan variant) first, then the labels accepted for it (the first is the template's). */
export const REGISTRATION_IMPORT_COLUMNS = {
  externalId: ['外部编号'],
  contractNo: ['合同编号'],
  projectName: ['项目名称', '合同名称'],
  category: ['合同类别'],
  subtype: ['合同子类', '子类', '合同类别/子类', '合同类型'],
  licenceMode: ['许可方式'],
  summary: ['标的内容', '主要内容', '合同摘要'],
  ...PARTY_COLUMNS('seller', '卖方'),
  ...PARTY_COLUMNS('buyer', '买方'),
  technologyDomain: ['技术领域'],
  industryCode: ['行业代码', '国民经济行业代码', '行业'],
  ipTypes: ['知识产权类型'],
  ipNumbers: ['专利号', '知识产权编号'],
  planCategory: ['计划类别'],
  planProjectNo: ['计划项目编号'],
  socioEconomicObjective: ['社会经济目标'],
  signedOn: ['签订日期', '合同签订日期'],
  validFrom: ['有效期起', '有效期开始'],
  validTo: ['有效期止', '有效期截止', '有效期结束'],
  paymentMethod: ['支付方式'],
  paymentScheduleYuan: ['支付计划（元）', '支付计划'],
  contractAmountYuan: ['成交额（元）', '成交额', '合同金额（元）'],
  contractAmountFen: ['成交额（分）'],
  nonTechnicalCostsYuan: ['非技术性费用（元）', '非技术性费用'],
  nonTechnicalCostsFen: ['非技术性费用（分）'],
  techAmountYuan: ['技术交易额（元）', '技术交易额'],
  techAmountFen: ['技术交易额（分）'],
  expectedInvestmentYuan: ['预计新增投入（元）', '预计新增投入'],
  expectedInvestmentFen: ['预计新增投入（分）'],
  expectedOutputYuan: ['预计新增产值（元）', '预计新增产值'],
  expectedOutputFen: ['预计新增产值（分）'],
} as const satisfies Record<string, Labels>;
export type RegistrationImportColumn = keyof typeof REGISTRATION_IMPORT_COLUMNS;

/** The template's header row: the first Chinese label of every column. */
export const REGISTRATION_TEMPLATE_HEADERS: readonly string[] = Object.values(REGISTRATION_IMPORT_COLUMNS).map((labels) => labels[0]);

const HEADER_INDEX = headerIndex(REGISTRATION_IMPORT_COLUMNS);

const EXPECTED_HEADERS = REGISTRATION_TEMPLATE_HEADERS.join('、');

/**
 * The file's headers → input columns. Throws import/unknown_columns for a header it does not know
 * (or a second header naming the same column), import/missing_columns without 项目名称, a contract
 * type (合同类别 or 合同子类) and 成交额. Pure.
 */
export function mapRegistrationHeaders(headers: readonly string[]): Map<string, RegistrationImportColumn> {
  const map = matchHeaders(headers, HEADER_INDEX, EXPECTED_HEADERS);
  const seen = new Set(map.values());
  const missing: string[] = [];
  if (!seen.has('projectName')) {
    missing.push('projectName/项目名称');
  }
  if (!seen.has('subtype') && !seen.has('category')) {
    missing.push('subtype/合同子类');
  }
  if (!seen.has('contractAmountYuan') && !seen.has('contractAmountFen')) {
    missing.push('contractAmountYuan/成交额（元）');
  }
  if (missing.length) {
    throw new AppError('import/missing_columns', `missing ${missing.join(', ')}`, { missing }, { missing: missing.join('、') });
  }
  return map;
}

// ── words → codes ────────────────────────────────────────────────────────────────────────────

type NamedItem = { code: string; name: string; nameEn?: string | undefined };

/**
 * The words a cell may give for each code of a platform code list: the item's Chinese name (less a
 * trailing 合同, which `codeOf` drops from a cell too), then the import's own aliases, then the
 * English name. The Chinese name comes first: it is the one named in an unknown_code message.
 */
function namesFrom<C extends string>(
  codes: readonly C[],
  items: readonly NamedItem[],
  aliases: Partial<Record<C, readonly string[]>> = {},
): Record<C, readonly string[]> {
  const byCode = new Map(items.map((i) => [i.code, i]));
  const names = {} as Record<C, readonly string[]>;
  for (const code of codes) {
    const item = byCode.get(code);
    if (!item) {
      throw new Error(`code list has no item ${code}`);
    }
    names[code] = [...new Set([item.name.replace(/合同$/, ''), ...(aliases[code] ?? []), ...(item.nameEn ? [item.nameEn] : [])])];
  }
  return names;
}

const CONTRACT_TYPE_ITEMS = STATIC_CODE_LISTS['contract-types'];
const ORGANISATION_TYPE_ITEMS = STATIC_CODE_LISTS['organisation-types'];

const SUBTYPE_NAMES = namesFrom(CONTRACT_SUBTYPES, CONTRACT_TYPE_ITEMS, {
  CON: ['technology consulting'],
  SVC: ['一般技术服务', 'technology service'],
  'TRF-PAT': ['专利转让'],
  'LIC-PAT': ['专利许可', 'patent license'],
  'LIC-SEC': ['技术秘密许可', 'technical secret license'],
});
const CATEGORY_NAMES = namesFrom(CONTRACT_CATEGORIES, CONTRACT_TYPE_ITEMS);
const LICENCE_MODE_NAMES = namesFrom(LICENCE_MODES, LICENCE_MODE_ITEMS, {
  exclusive: ['独占'],
  sole: ['排他', '排它许可'],
  non_exclusive: ['普通', 'non-exclusive'],
});
/** A legacy JJ-001 code of an organisation type (`021`; `100/200/300` for enterprises) is accepted for it. */
const legacyCodesOf = (type: OrganisationType): string[] => {
  const legacy = ORGANISATION_TYPE_ITEMS.find((i) => i.code === type)?.extra?.legacyCode;
  return typeof legacy === 'string' ? legacy.split('/') : [];
};
const ORGANISATION_TYPE_ALIASES: Record<OrganisationType, readonly string[]> = {
  enterprise: ['企业', '公司'],
  research_institute: ['科研院所', '研究机构'],
  university: ['高校', '大学'],
  medical: ['医疗机构', '医院'],
  other_public: ['事业单位', '事业法人'],
  government: ['机关', '政府机关'],
  association: ['社会团体', '社团'],
  individual: ['个人'],
};
const ORGANISATION_TYPE_NAMES = namesFrom(
  ORGANISATION_TYPES,
  ORGANISATION_TYPE_ITEMS,
  Object.fromEntries(ORGANISATION_TYPES.map((t) => [t, [...ORGANISATION_TYPE_ALIASES[t], ...legacyCodesOf(t)]])),
);
/** Legacy JJ-001 codes of enterprises carry the ownership (`100` domestic, `200` HMT, `300` foreign). */
const LEGACY_OWNERSHIP: Record<string, EnterpriseOwnership> = Object.fromEntries(ENTERPRISE_OWNERSHIP_ITEMS.map((o) => [o.legacyCode, o.code]));
const OWNERSHIP_NAMES = namesFrom(ENTERPRISE_OWNERSHIPS, ENTERPRISE_OWNERSHIP_ITEMS, {
  domestic: ['内资企业'],
  hmt: ['港澳台资', '港澳台投资', '港澳台商投资'],
  foreign: ['外商投资', '外商投资企业'],
});
const IP_TYPE_NAMES = namesFrom(CONTRACT_IP_TYPES, STATIC_CODE_LISTS['contract-ip-types'], {
  patent_invention: ['发明'],
  patent_utility: ['实用新型'],
  patent_design: ['外观设计'],
  software_copyright: ['软件著作权', '软著'],
  ic_layout: ['集成电路布图设计', '布图设计'],
  plant_variety: ['植物新品种'],
  other: ['其他'],
});
const PLAN_CATEGORY_NAMES = namesFrom(PLAN_CATEGORIES, STATIC_CODE_LISTS['plan-categories'], {
  national: ['国家级计划', '国家'],
  ministerial: ['部委计划', '部门'],
  provincial: ['省计划', '省级'],
  local: ['地市县', '市县计划'],
  none: ['无', '非计划'],
});
const OBJECTIVE_NAMES = namesFrom(SOCIO_ECONOMIC_OBJECTIVES, STATIC_CODE_LISTS['socio-economic-objectives']);
const DOMAIN_NAMES = namesFrom(TECHNOLOGY_DOMAIN_CODES, STATIC_CODE_LISTS['technology-domains'], {
  TD06: ['生物医药', '生物医药和医疗器械'],
  TD07: ['新材料'],
  TD08: ['新能源'],
  TD09: ['环境保护'],
});
const PAYMENT_METHOD_NAMES: Record<(typeof PAYMENT_METHODS)[number], readonly string[]> = {
  lump_sum: ['一次总付', '一次性支付', '一次付清', '一次性付款', '一次总算、一次总付'],
  instalments: ['分期支付', '分期付款', '一次总算、分期支付'],
  royalty: ['提成支付', '提成'],
  royalty_with_entry_fee: ['提成支付附加预付入门费', '入门费加提成', '提成加入门费'],
};
const COUNTRY_NAMES: Record<string, readonly string[]> = {
  CN: ['中国', '中华人民共和国', '中国大陆', '境内', 'china'],
  HK: ['中国香港', '香港'],
  MO: ['中国澳门', '澳门'],
  TW: ['中国台湾', '台湾'],
  US: ['美国'],
  JP: ['日本'],
  KR: ['韩国'],
  DE: ['德国'],
  FR: ['法国'],
  GB: ['英国'],
  IT: ['意大利'],
  NL: ['荷兰'],
  CH: ['瑞士'],
  SE: ['瑞典'],
  FI: ['芬兰'],
  DK: ['丹麦'],
  BE: ['比利时'],
  AT: ['奥地利'],
  ES: ['西班牙'],
  RU: ['俄罗斯'],
  SG: ['新加坡'],
  MY: ['马来西亚'],
  TH: ['泰国'],
  VN: ['越南'],
  ID: ['印度尼西亚', '印尼'],
  IN: ['印度'],
  IL: ['以色列'],
  CA: ['加拿大'],
  AU: ['澳大利亚'],
  NZ: ['新西兰'],
  BR: ['巴西'],
  SA: ['沙特阿拉伯', '沙特'],
  AE: ['阿联酋', '阿拉伯联合酋长国'],
  PK: ['巴基斯坦'],
  KZ: ['哈萨克斯坦'],
};

/** Comparable form of a code or a word: NFKC, no spaces, lower case. */
const wordKey = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

type WordList = { index: Map<string, string>; allowed: { zh: string; en: string } };
function wordList<C extends string>(names: Record<C, readonly string[]>): WordList {
  const index = new Map<string, string>();
  for (const [code, words] of Object.entries(names) as [C, readonly string[]][]) {
    for (const w of [code, ...words]) {
      index.set(wordKey(w), code);
    }
  }
  const entries = Object.entries(names) as [C, readonly string[]][];
  return {
    index,
    allowed: {
      zh: entries.map(([c, w]) => (w[0] && !/^\d+$/.test(w[0]) ? `${c}（${w[0]}）` : c)).join('、'),
      en: entries.map(([c]) => c).join(', '),
    },
  };
}
const WORDS = {
  subtype: wordList(SUBTYPE_NAMES),
  category: wordList(CATEGORY_NAMES),
  licenceMode: wordList(LICENCE_MODE_NAMES),
  partyType: wordList(ORGANISATION_TYPE_NAMES),
  ownership: wordList(OWNERSHIP_NAMES),
  ipType: wordList(IP_TYPE_NAMES),
  planCategory: wordList(PLAN_CATEGORY_NAMES),
  objective: wordList(OBJECTIVE_NAMES),
  domain: wordList(DOMAIN_NAMES),
  paymentMethod: wordList(PAYMENT_METHOD_NAMES),
  country: wordList(COUNTRY_NAMES),
} as const;
type WordListName = keyof typeof WORDS;

/** The code of a word (a code itself, a Chinese or English name; any case, full- or half-width). Pure. */
export function codeOf(list: WordListName, value: string): string | undefined {
  const key = wordKey(value);
  const hit = WORDS[list].index.get(key) ?? WORDS[list].index.get(key.replace(/合同$/, ''));
  return hit;
}

// ── values ───────────────────────────────────────────────────────────────────────────────────

/** A row problem before it is put into words. */
export type RowProblem =
  | { field: string; code: 'required' }
  | { field: string; code: 'invalid_value'; detail: { zh: string; en: string } | { issue: IssueLike } }
  | { field: string; code: 'unknown_code'; codes: string; list?: WordListName }
  | { field: string; code: 'duplicate_external_id'; externalId: string; firstRow: number }
  | { field: string; code: 'invalid_json'; detail: string }
  | { field: string; code: ErrorCode; params: Record<string, unknown> };

const text = (v: unknown): string =>
  typeof v === 'string'
    ? v.trim()
    : typeof v === 'number' || typeof v === 'boolean'
      ? String(v)
      : v instanceof Date
        ? v.toISOString()
        : JSON.stringify(v);

/** A list cell split on 、 ; , (half- or full-width) and line breaks; trimmed, blanks and repeats dropped. Pure. */
export function splitCell(v: unknown): string[] {
  const parts = Array.isArray(v) ? v.map(text) : text(v).split(/[、;；,，\r\n]+/);
  return [...new Set(parts.map((p) => p.trim()).filter((p) => p !== ''))];
}

const AMOUNT_DETAIL = {
  yuan: { zh: '应为金额（元，最多两位小数，不能为负）', en: 'expected an amount in yuan with at most 2 decimals, not negative' },
  fen: { zh: '应为金额（分，整数，不能为负）', en: 'expected a whole number of fen, not negative' },
};

/**
 * An amount in yuan (up to 2 decimals) or fen (whole) → integer fen, by decimal string arithmetic
 * (no floating point: `0.29` yuan is 29 fen). Accepts `¥`, `元`/`分`, thousands separators
 * (`1,234.50`) and full-width digits; a spreadsheet number is first rounded to 15 significant
 * digits (its own precision). Undefined for anything else (negative, a decimal comma, > 2 decimals). Pure.
 */
export function amountToFen(v: unknown, unit: 'yuan' | 'fen'): number | undefined {
  const scale = unit === 'yuan' ? 2 : 0;
  let s: string;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) {
      return undefined;
    }
    s = String(Number(v.toPrecision(15)));
  } else if (typeof v === 'string') {
    s = v
      .normalize('NFKC')
      .replace(/\s+/g, '')
      .replace(/^[¥￥]/, '')
      .replace(/(元|分|rmb|cny)$/i, '');
  } else {
    return undefined;
  }
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) {
    s = s.replace(/,/g, '');
  }
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) {
    return undefined;
  }
  let frac = m[2] ?? '';
  if (frac.length > scale) {
    if (!/^0+$/.test(frac.slice(scale))) {
      return undefined;
    }
    frac = frac.slice(0, scale);
  }
  const fen = BigInt(m[1]!) * 10n ** BigInt(scale) + BigInt(frac.padEnd(scale, '0') || '0');
  return fen > BigInt(Number.MAX_SAFE_INTEGER) ? undefined : Number(fen);
}

const DAY_MS = 86_400_000;
const pad2 = (n: string | number) => String(n).padStart(2, '0');

/**
 * A day as `YYYY-MM-DD` from `2026-10-20`, `2026/10/20`, `2026.10.20`, `2026年10月20日`, `20261020`,
 * a spreadsheet date (an ISO timestamp, rounded to the nearest day) or an Excel serial number.
 * Other text is returned as is (for the schema to refuse). Pure.
 */
export function toDay(v: unknown): unknown {
  if (typeof v === 'number') {
    // Excel's 1900 date system: serial 1 = 1900-01-01, with the 1900 leap-year bug (epoch 1899-12-30).
    if (Number.isInteger(v) && v > 20_000 && v < 80_000) {
      return new Date(Date.UTC(1899, 11, 30) + v * DAY_MS).toISOString().slice(0, 10);
    }
    return String(v);
  }
  const s = text(v).normalize('NFKC');
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (m) {
    return `${m[1]}-${pad2(m[2]!)}-${pad2(m[3]!)}`;
  }
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    return `${m[1]}-${m[2]}-${m[3]}`;
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s)) {
    const t = Date.parse(s);
    if (!Number.isNaN(t)) {
      return new Date(Math.floor((t + DAY_MS / 2) / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
    }
  }
  return s;
}

type PartyColumn = `${'seller' | 'buyer'}.${PartyKey}`;
const isPartyColumn = (col: RegistrationImportColumn): col is PartyColumn => col.startsWith('seller.') || col.startsWith('buyer.');

/** The caller's organisations a row's party may be mapped to (by id or credit code). */
export type ImportOrg = { id: string; name: string; type: OrganisationType; creditCode: string | null };

/** The coerced row (the CreateRegistration shape, unchecked) and the problems met while coercing. */
export type CoercedRow = { values: Record<string, unknown>; problems: RowProblem[] };

/**
 * One record's cells (by input column) → the CreateRegistration shape: words to codes (专利权转让 →
 * TRF-PAT, 独占 → exclusive, 高校 → university, 美国 → US …), lists split, days normalised, yuan to
 * fen exactly; a party whose 统一社会信用代码 (or 机构ID) is one of the caller's organisations is
 * linked to it (its name and type filled in when left blank). 技术交易额 defaults to 成交额 −
 * 非技术性费用. Unconvertible values become problems, or are passed on for the schema. Pure.
 */
export function coerceRegistrationRow(cells: ReadonlyMap<RegistrationImportColumn, unknown>, orgs: readonly ImportOrg[]): CoercedRow {
  const out: Record<string, unknown> = {};
  const problems: RowProblem[] = [];
  const parties: Record<'seller' | 'buyer', Record<string, unknown>> = { seller: {}, buyer: {} };
  const amounts = new Map<string, { fen?: number; source: string }>();

  const word = (field: string, list: WordListName, v: unknown): string | undefined => {
    const s = text(v);
    const code = codeOf(list, s);
    if (!code) {
      problems.push({ field, code: 'unknown_code', codes: s, list });
    }
    return code;
  };
  const amount = (field: string, v: unknown, unit: 'yuan' | 'fen') => {
    const fen = amountToFen(v, unit);
    if (fen === undefined) {
      problems.push({ field, code: 'invalid_value', detail: AMOUNT_DETAIL[unit] });
      amounts.set(field, { source: unit });
      return;
    }
    const before = amounts.get(field);
    if (before?.fen !== undefined && before.fen !== fen) {
      problems.push({
        field,
        code: 'invalid_value',
        detail: {
          zh: `元和分两列的金额不一致（${before.fen} ≠ ${fen} 分）`,
          en: `the yuan and fen columns disagree (${before.fen} ≠ ${fen} fen)`,
        },
      });
    }
    amounts.set(field, { fen, source: unit });
  };

  let categoryCode: string | undefined;
  let categorySubtype: string | undefined;
  for (const [col, v] of cells) {
    if (isPartyColumn(col)) {
      const dot = col.indexOf('.');
      const side = col.slice(0, dot) as 'seller' | 'buyer';
      const key = col.slice(dot + 1);
      const p = parties[side];
      switch (key) {
        case 'type': {
          const s = text(v);
          const type = word(col, 'partyType', s);
          if (type) {
            p.type = type;
            const ownership = LEGACY_OWNERSHIP[s];
            if (ownership && p.enterpriseOwnership === undefined) {
              p.enterpriseOwnership = ownership;
            }
          }
          break;
        }
        case 'enterpriseOwnership': {
          const o = word(col, 'ownership', v);
          if (o) {
            p.enterpriseOwnership = o;
          }
          break;
        }
        case 'countryCode': {
          const s = text(v);
          p.countryCode = codeOf('country', s) ?? s.toUpperCase();
          break;
        }
        case 'creditCode':
          p.creditCode = text(v).normalize('NFKC').toUpperCase();
          break;
        default:
          p[key] = text(v);
      }
      continue;
    }
    switch (col) {
      case 'subtype': {
        const s = text(v);
        const code = codeOf('subtype', s);
        if (code) {
          out.subtype = code;
        } else {
          problems.push({ field: 'subtype', code: 'unknown_code', codes: s, list: 'subtype' });
        }
        break;
      }
      case 'category': {
        // A category column: a registrable category (技术咨询, 技术服务) or a sub-type written there.
        const s = text(v);
        categorySubtype = codeOf('subtype', s);
        categoryCode = codeOf('category', s) ?? categorySubtype?.slice(0, 3);
        if (!categoryCode) {
          problems.push({ field: 'category', code: 'unknown_code', codes: s, list: 'category' });
        }
        break;
      }
      case 'licenceMode': {
        const m = word('licenceMode', 'licenceMode', v);
        if (m) {
          out.licenceMode = m;
        }
        break;
      }
      case 'technologyDomain': {
        const d = word('technologyDomain', 'domain', v);
        if (d) {
          out.technologyDomain = d;
        }
        break;
      }
      case 'industryCode': {
        // A spreadsheet turns the division 05 into the number 5.
        out.industryCode = typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 9 ? pad2(v) : text(v).toUpperCase();
        break;
      }
      case 'ipTypes': {
        const codes: string[] = [];
        for (const part of splitCell(v)) {
          const c = codeOf('ipType', part);
          if (c) {
            codes.push(c);
          } else {
            problems.push({ field: 'ipTypes', code: 'unknown_code', codes: part, list: 'ipType' });
          }
        }
        out.ipTypes = [...new Set(codes)];
        break;
      }
      case 'ipNumbers':
        out.ipNumbers = splitCell(v);
        break;
      case 'planCategory': {
        const c = word('planCategory', 'planCategory', v);
        if (c) {
          out.planCategory = c;
        }
        break;
      }
      case 'socioEconomicObjective': {
        const c = word('socioEconomicObjective', 'objective', v);
        if (c) {
          out.socioEconomicObjective = c;
        }
        break;
      }
      case 'paymentMethod': {
        const c = word('paymentMethod', 'paymentMethod', v);
        if (c) {
          out.paymentMethod = c;
        }
        break;
      }
      case 'signedOn':
      case 'validFrom':
      case 'validTo':
        out[col] = toDay(v);
        break;
      case 'paymentScheduleYuan': {
        // `2026-11-30 600000; 2027-06-30 600000` (day and yuan, separated by a space, colon or ＝).
        const schedule: { dueOn: unknown; amountFen: number }[] = [];
        for (const entry of text(v)
          .split(/[;；\r\n]+/)
          .map((e) => e.trim())
          .filter(Boolean)) {
          const m = /^(\S+?)\s*[:：=＝\s]\s*(\S+)$/.exec(entry.normalize('NFKC'));
          const fen = m ? amountToFen(m[2], 'yuan') : undefined;
          if (!m || fen === undefined) {
            problems.push({
              field: 'paymentSchedule',
              code: 'invalid_value',
              detail: {
                zh: `无法识别“${entry}”，应为“日期 金额（元）”，多笔以分号分隔`,
                en: `cannot read “${entry}”: expected “day amount-in-yuan”, entries separated by semicolons`,
              },
            });
            continue;
          }
          schedule.push({ dueOn: toDay(m[1]), amountFen: fen });
        }
        out.paymentSchedule = schedule;
        break;
      }
      case 'contractAmountYuan':
      case 'contractAmountFen':
        amount('contractAmountFen', v, col === 'contractAmountYuan' ? 'yuan' : 'fen');
        break;
      case 'nonTechnicalCostsYuan':
      case 'nonTechnicalCostsFen':
        amount('nonTechnicalCosts', v, col === 'nonTechnicalCostsYuan' ? 'yuan' : 'fen');
        break;
      case 'techAmountYuan':
      case 'techAmountFen':
        amount('techAmountFen', v, col === 'techAmountYuan' ? 'yuan' : 'fen');
        break;
      case 'expectedInvestmentYuan':
      case 'expectedInvestmentFen':
        amount('expectedInvestmentFen', v, col === 'expectedInvestmentYuan' ? 'yuan' : 'fen');
        break;
      case 'expectedOutputYuan':
      case 'expectedOutputFen':
        amount('expectedOutputFen', v, col === 'expectedOutputYuan' ? 'yuan' : 'fen');
        break;
      case 'externalId':
      case 'contractNo':
      case 'projectName':
      case 'summary':
      case 'planProjectNo':
        out[col] = text(v);
        break;
    }
  }

  // 合同类别 alone: a sub-type written there, or a registrable category (技术咨询, 技术服务: sub-types themselves).
  if (
    out.subtype === undefined &&
    !cells.has('subtype') &&
    categorySubtype &&
    (CONTRACT_SUBTYPES as readonly string[]).includes(categorySubtype)
  ) {
    out.subtype = categorySubtype;
  } else if (out.subtype === undefined && categoryCode && !problems.some((p) => p.field === 'subtype' || p.field === 'category')) {
    problems.push({ field: 'subtype', code: 'required' });
  } else if (typeof out.subtype === 'string' && categoryCode && out.subtype.slice(0, 3) !== categoryCode) {
    problems.push({
      field: 'subtype',
      code: 'invalid_value',
      detail: {
        zh: `合同子类 ${out.subtype} 不属于合同类别 ${categoryCode}`,
        en: `sub-type ${out.subtype} is not of category ${categoryCode}`,
      },
    });
  }

  for (const [field, a] of amounts) {
    if (a.fen === undefined) {
      continue;
    }
    if (field === 'nonTechnicalCosts') {
      out.nonTechnicalCosts = a.fen > 0 ? [{ item: '非技术性费用', amountFen: a.fen }] : [];
    } else {
      out[field] = a.fen;
    }
  }
  const contract = amounts.get('contractAmountFen');
  if (!amounts.has('techAmountFen') && contract) {
    const costs = amounts.get('nonTechnicalCosts');
    // Derived; when 成交额 or the costs could not be read, that problem is the one reported.
    out.techAmountFen =
      contract.fen !== undefined && costs?.fen !== undefined
        ? contract.fen - costs.fen
        : contract.fen !== undefined && !costs
          ? contract.fen
          : 0;
  }

  for (const side of ['seller', 'buyer'] as const) {
    const p = parties[side];
    const byId = typeof p.organisationId === 'string' ? orgs.find((o) => o.id === p.organisationId) : undefined;
    const byCode =
      typeof p.creditCode === 'string' && p.organisationId === undefined
        ? orgs.find((o) => o.creditCode !== null && o.creditCode.toUpperCase() === p.creditCode)
        : undefined;
    const org = byId ?? byCode;
    if (org) {
      p.organisationId = org.id;
      p.name ??= org.name;
      p.type ??= org.type;
    }
    if (Object.keys(p).length) {
      out[side] = p;
    }
  }
  return { values: out, problems };
}

/** The contract's own consistency, checked on every row before anything is written (the service checks again). Pure. */
export function consistencyProblems(input: CreateRegistration): RowProblem[] {
  const problems: RowProblem[] = [];
  const costs = input.nonTechnicalCosts.reduce((s, c) => s + c.amountFen, 0);
  if (input.techAmountFen > input.contractAmountFen) {
    problems.push({ field: 'techAmountFen', code: 'registration/amounts_inconsistent', params: { reason: '技术交易额不能大于成交额' } });
  } else if (input.contractAmountFen - costs !== input.techAmountFen) {
    problems.push({
      field: 'techAmountFen',
      code: 'registration/amounts_inconsistent',
      params: {
        reason: `技术交易额须等于成交额减非技术性费用（${input.contractAmountFen} − ${costs} = ${input.contractAmountFen - costs} 分）`,
      },
    });
  }
  if (input.validFrom > input.validTo) {
    problems.push({ field: 'validTo', code: 'registration/dates_out_of_order', params: { reason: '有效期止不能早于有效期起' } });
  }
  if (input.signedOn > input.validTo) {
    problems.push({ field: 'signedOn', code: 'registration/dates_out_of_order', params: { reason: '签订日期不能晚于有效期止' } });
  }
  if (LICENSABLE_SUBTYPES.includes(input.subtype) && !input.licenceMode) {
    problems.push({
      field: 'licenceMode',
      code: 'registration/party_incomplete',
      params: { party: '合同', reason: '专利、技术秘密许可须写明许可方式（独占/排他/普通）' },
    });
  }
  for (const [side, name] of [
    ['seller', '卖方'],
    ['buyer', '买方'],
  ] as const) {
    const p = input[side];
    if (p.organisationId) {
      continue; // the platform organisation's own data is used
    }
    if (p.countryCode === 'CN') {
      if (!p.regionCode) {
        problems.push({
          field: `${side}.regionCode`,
          code: 'registration/party_incomplete',
          params: { party: name, reason: '境内当事人须填写行政区划代码' },
        });
      }
      if (p.type !== 'individual' && !p.creditCode) {
        problems.push({
          field: `${side}.creditCode`,
          code: 'registration/party_incomplete',
          params: { party: name, reason: '境内法人须填写统一社会信用代码' },
        });
      }
    } else if (p.regionCode) {
      problems.push({
        field: `${side}.regionCode`,
        code: 'registration/party_incomplete',
        params: { party: name, reason: '境外当事人不填行政区划代码' },
      });
    }
  }
  const sellerCn = input.seller.organisationId ? true : input.seller.countryCode === 'CN';
  const buyerCn = input.buyer.organisationId ? true : input.buyer.countryCode === 'CN';
  if (!sellerCn && !buyerCn) {
    problems.push({
      field: 'seller.countryCode',
      code: 'registration/party_incomplete',
      params: { party: '卖方', reason: '至少一方须在境内' },
    });
  }
  return problems;
}

const valueAt = (v: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Record<PropertyKey, unknown>)[k] : undefined), v);

/** Coerced values → the CreateRegistration, or the problems (one per field; coercion problems first). Pure. */
export function validateRegistrationRow(row: CoercedRow): { ok: true; input: CreateRegistration } | { ok: false; problems: RowProblem[] } {
  const problems: RowProblem[] = [...row.problems];
  const seen = new Set(problems.map((p) => p.field));
  const r = CreateRegistrationSchema.safeParse(row.values);
  if (!r.success) {
    for (const issue of r.error.issues) {
      const field = issue.path.map(String).join('.') || '(row)';
      // A field already reported (an unknown code left out, say) is not reported again as missing.
      if (seen.has(field) || [...seen].some((f) => field.startsWith(`${f}.`) || f.startsWith(`${field}.`))) {
        continue;
      }
      seen.add(field);
      const missing = (issue.code === 'invalid_type' || issue.code === 'invalid_value') && valueAt(row.values, issue.path) === undefined;
      problems.push(missing ? { field, code: 'required' } : { field, code: 'invalid_value', detail: { issue } });
    }
  }
  if (problems.length) {
    return { ok: false, problems };
  }
  const input = r.data!;
  const more = consistencyProblems(input);
  return more.length ? { ok: false, problems: more } : { ok: true, input };
}

// ── report text ──────────────────────────────────────────────────────────────────────────────

const ROW_MESSAGES = {
  required: importRowMessages.required,
  invalid_value: importRowMessages.invalid_value,
  unknown_code: { zh: '未知代码：{codes}（可填：{allowed}）', en: 'Unknown code: {codes} (allowed: {allowed})' },
  duplicate_external_id: importRowMessages.duplicate_external_id,
  invalid_json: importRowMessages.invalid_json,
  skipped: { zh: '外部编号 {externalId} 已导入过，本行跳过', en: 'External id {externalId} was imported before; row skipped' },
} as const;

/** Chinese label of a field for messages (`seller.creditCode` → 卖方统一社会信用代码). */
function fieldLabel(field: string, lang: Lang): string {
  if (lang === 'en') {
    return field;
  }
  if (field === 'seller' || field === 'buyer') {
    return field === 'seller' ? '卖方' : '买方';
  }
  const base = field
    .replace(/\.\d+.*$/, '')
    .replace(/^paymentSchedule.*/, 'paymentScheduleYuan')
    .replace(/^nonTechnicalCosts.*/, 'nonTechnicalCostsYuan');
  const key = HEADER_INDEX.get(normaliseHeader(base.replace(/Fen$/, 'Yuan'))) ?? HEADER_INDEX.get(normaliseHeader(base));
  return key ? REGISTRATION_IMPORT_COLUMNS[key][0] : field;
}

/** One problem in the reader's language, prefixed with the column it is about. Pure. */
export function renderProblem(row: number, p: RowProblem, lang: Lang): RegistrationImportRow {
  let message: string;
  if ('params' in p) {
    message = errorMessage(p.code, lang, p.params);
  } else if (p.code === 'required') {
    message = ROW_MESSAGES.required[lang];
  } else if (p.code === 'invalid_value') {
    message = formatMessage(ROW_MESSAGES.invalid_value[lang], {
      detail: 'issue' in p.detail ? validationMessage(p.detail.issue, lang) : p.detail[lang],
    });
  } else if (p.code === 'unknown_code') {
    message = formatMessage(ROW_MESSAGES.unknown_code[lang], { codes: p.codes, allowed: p.list ? WORDS[p.list].allowed[lang] : '—' });
  } else if (p.code === 'duplicate_external_id') {
    message = formatMessage(ROW_MESSAGES.duplicate_external_id[lang], { externalId: p.externalId, firstRow: p.firstRow });
  } else {
    message = formatMessage(ROW_MESSAGES.invalid_json[lang], { detail: p.detail });
  }
  const label = p.field === '(row)' ? null : fieldLabel(p.field, lang);
  return { row, field: p.field, code: p.code, message: label ? `${label}${lang === 'zh' ? '：' : ': '}${message}` : message };
}

// ── the import ───────────────────────────────────────────────────────────────────────────────

/**
 * Optional service capability: every refusal of the given inputs (checked like `createMany`, nothing
 * written), so an all-or-nothing import reports them all rather than the first.
 */
export type CheckMany = (actor: Actor, inputs: readonly CreateRegistration[]) => Promise<{ index: number; error: AppError }[]>;

export type RegistrationImportDeps = {
  service: Pick<RegistrationsService, 'createMany'> & { checkMany?: CheckMany };
  /** Reads an organisation the caller acts for (its credit code links a row's party to it). */
  organisations: { get(actor: Actor, id: string): Promise<ImportOrg> };
};

export type RegistrationImportOptions = {
  mode: RegistrationImportMode;
  format?: ImportFormat | undefined;
  encoding?: ImportEncoding | undefined;
  filename?: string | undefined;
  contentType?: string | undefined;
  lang: Lang;
};

/** A checked row ready to write. */
type Ready = { row: number; input: CreateRegistration };

/** The service's refusal of one row: its field (from `details.issues`) and code. */
function refusal(error: AppError): RowProblem {
  const issues = error.details?.issues;
  const path =
    Array.isArray(issues) && issues[0] && typeof (issues[0] as { path?: unknown }).path === 'string'
      ? (issues[0] as { path: string }).path
      : '';
  return { field: path.replace(/^body\./, '') || '(row)', code: error.code, params: error.params ?? {} };
}

const rowIndexOf = (error: unknown): number | undefined =>
  error instanceof AppError && typeof error.details?.row === 'number' ? error.details.row : undefined;

async function callerOrgs(deps: RegistrationImportDeps, actor: Actor): Promise<ImportOrg[]> {
  const out: ImportOrg[] = [];
  for (const id of applicantOrgIdsOf(actor)) {
    try {
      const o = await deps.organisations.get(actor, id);
      out.push({ id: o.id, name: o.name, type: o.type, creditCode: o.creditCode });
    } catch (e) {
      if (!(e instanceof AppError)) {
        throw e;
      }
      // An organisation the caller cannot read is not linked; the service refuses its rows.
    }
  }
  return out;
}

/**
 * Imports contracts as draft registration applications. The file is read (CSV UTF-8/GBK/UTF-16 or
 * XLSX; request-level problems — encoding, unknown columns, an empty file — throw 4xx AppErrors
 * before anything is written), every row coerced and checked; then
 * - `all`: any problem and nothing is written; otherwise all rows are created in one transaction
 *   (`createMany`), so a refusal by the service on any row rolls back the others;
 * - `valid`: rows with problems are reported, the others created in transactions of up to 200 rows
 *   (a row the service refuses is reported and the rest of its batch retried without it).
 * A row whose 外部编号 the applicant already has is skipped (re-import is idempotent).
 */
export async function importRegistrations(
  deps: RegistrationImportDeps,
  actor: Actor,
  bytes: Uint8Array,
  opts: RegistrationImportOptions,
): Promise<RegistrationImportReport> {
  requireUser(actor);
  const table = await readTable(bytes, {
    format: opts.format,
    encoding: opts.encoding ?? 'auto',
    contentType: opts.contentType,
    filename: opts.filename,
  });
  if (table.records.length === 0) {
    throw new AppError('import/empty_file', 'no data rows');
  }
  if (table.records.length > REGISTRATION_IMPORT_MAX_ROWS) {
    throw new AppError(
      'import/too_many_rows',
      `${table.records.length} rows`,
      { limit: REGISTRATION_IMPORT_MAX_ROWS },
      { limit: REGISTRATION_IMPORT_MAX_ROWS },
    );
  }
  const headerMap = table.format === 'jsonl' ? null : mapRegistrationHeaders(table.headers);
  const orgs = await callerOrgs(deps, actor);

  const problems: { row: number; problem: RowProblem }[] = [];
  const ready: Ready[] = [];
  const firstRow = new Map<string, number>();
  for (const rec of table.records) {
    const checked = checkRecord(rec, headerMap, orgs);
    if (!checked.ok) {
      problems.push(...checked.problems.map((problem) => ({ row: rec.row, problem })));
      continue;
    }
    const ext = checked.input.externalId;
    const first = ext === undefined ? undefined : firstRow.get(ext);
    if (ext !== undefined && first !== undefined) {
      problems.push({ row: rec.row, problem: { field: 'externalId', code: 'duplicate_external_id', externalId: ext, firstRow: first } });
      continue;
    }
    if (ext !== undefined) {
      firstRow.set(ext, rec.row);
    }
    ready.push({ row: rec.row, input: checked.input });
  }

  const ids: string[] = [];
  const skippedRows: Ready[] = [];
  const report = () => finish(opts, table, problems, skippedRows, ids);

  if (opts.mode === 'all') {
    if (problems.length) {
      return report();
    }
    if (deps.service.checkMany) {
      const refused = await deps.service.checkMany(
        actor,
        ready.map((r) => r.input),
      );
      if (refused.length) {
        problems.push(...refused.map(({ index, error }) => ({ row: ready[index]!.row, problem: refusal(error) })));
        return report();
      }
    }
    try {
      const res = await deps.service.createMany(
        actor,
        ready.map((r) => r.input),
      );
      collect(ready, res, ids, skippedRows);
    } catch (e) {
      const k = rowIndexOf(e);
      if (k === undefined || !ready[k]) {
        throw e;
      }
      problems.push({ row: ready[k].row, problem: refusal(e as AppError) });
    }
    return report();
  }

  let pending = ready;
  if (deps.service.checkMany && pending.length) {
    const refused = await deps.service.checkMany(
      actor,
      pending.map((r) => r.input),
    );
    const bad = new Set(refused.map((r) => r.index));
    problems.push(...refused.map(({ index, error }) => ({ row: pending[index]!.row, problem: refusal(error) })));
    pending = pending.filter((_, i) => !bad.has(i));
  }
  for (let start = 0; start < pending.length; start += VALID_MODE_CHUNK) {
    await writeValid(deps, actor, pending.slice(start, start + VALID_MODE_CHUNK), problems, ids, skippedRows);
  }
  return report();
}

function checkRecord(
  rec: RawRecord,
  headerMap: Map<string, RegistrationImportColumn> | null,
  orgs: readonly ImportOrg[],
): { ok: true; input: CreateRegistration } | { ok: false; problems: RowProblem[] } {
  if ('invalidJson' in rec) {
    return { ok: false, problems: [{ field: '(row)', code: 'invalid_json', detail: rec.invalidJson }] };
  }
  const cells = new Map<RegistrationImportColumn, unknown>();
  const unknown: string[] = [];
  for (const [header, value] of Object.entries(rec.values)) {
    const col = headerMap ? headerMap.get(header) : HEADER_INDEX.get(normaliseHeader(header));
    if (col) {
      cells.set(col, value);
    } else {
      unknown.push(header);
    }
  }
  const coerced = coerceRegistrationRow(cells, orgs);
  if (unknown.length) {
    coerced.problems.push({
      field: '(row)',
      code: 'invalid_value',
      detail: { zh: `未知字段：${unknown.join('、')}`, en: `unknown fields: ${unknown.join(', ')}` },
    });
  }
  return validateRegistrationRow(coerced);
}

function collect(batch: readonly Ready[], res: { ids: (string | null)[]; skipped: number[] }, ids: string[], skippedRows: Ready[]) {
  res.ids.forEach((id) => {
    if (id !== null) {
      ids.push(id);
    }
  });
  for (const i of res.skipped) {
    if (batch[i]) {
      skippedRows.push(batch[i]);
    }
  }
}

/**
 * One batch of `valid` mode in one transaction. When the service refuses row k, rows before k were
 * checked and are written again without it (one retry), and the rest go on as the next batch.
 */
async function writeValid(
  deps: RegistrationImportDeps,
  actor: Actor,
  batch: readonly Ready[],
  problems: { row: number; problem: RowProblem }[],
  ids: string[],
  skippedRows: Ready[],
): Promise<void> {
  let rest = batch;
  while (rest.length) {
    try {
      collect(
        rest,
        await deps.service.createMany(
          actor,
          rest.map((r) => r.input),
        ),
        ids,
        skippedRows,
      );
      return;
    } catch (e) {
      const k = rowIndexOf(e);
      if (k === undefined || !rest[k]) {
        throw e;
      }
      problems.push({ row: rest[k].row, problem: refusal(e as AppError) });
      if (k > 0) {
        await writeValid(deps, actor, rest.slice(0, k), problems, ids, skippedRows);
      }
      rest = rest.slice(k + 1);
    }
  }
}

function finish(
  opts: RegistrationImportOptions,
  table: { format: ImportFormat; encoding: string; records: readonly RawRecord[] },
  problems: readonly { row: number; problem: RowProblem }[],
  skippedRows: readonly Ready[],
  ids: readonly string[],
): RegistrationImportReport {
  const entries = [
    ...problems.map(({ row, problem }) => renderProblem(row, problem, opts.lang)),
    ...skippedRows.map((r) => ({
      row: r.row,
      field: 'externalId',
      code: 'skipped',
      message: formatMessage(ROW_MESSAGES.skipped[opts.lang], { externalId: r.input.externalId ?? '' }),
    })),
  ].sort((a, b) => a.row - b.row);
  return {
    mode: opts.mode,
    format: table.format,
    encoding: table.encoding,
    total: table.records.length,
    created: ids.length,
    skipped: skippedRows.length,
    failed: new Set(problems.map((p) => p.row)).size,
    rows: entries.slice(0, REGISTRATION_IMPORT_MAX_REPORTED),
    rowsTruncated: entries.length > REGISTRATION_IMPORT_MAX_REPORTED,
    ids: [...ids],
  };
}
