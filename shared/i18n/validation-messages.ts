import type { Lang } from './error-messages';

/** The parts of a Zod issue a message needs (works for Zod issues and the Fastify wrapping of them). */
export type IssueLike = {
  code: string;
  message?: string;
  expected?: unknown;
  received?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  origin?: unknown;
  format?: unknown;
  keys?: unknown;
  values?: unknown;
  input?: unknown;
};

const TYPE_ZH: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  date: '日期',
};

const FORMAT_ZH: Record<string, string> = {
  email: '邮箱格式不正确',
  url: '网址格式不正确',
  uuid: 'ID 格式不正确（应为 UUID）',
  regex: '格式不正确',
  datetime: '日期时间格式不正确',
};

function str(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v);
}

function list(v: unknown): string {
  return Array.isArray(v) ? v.map(str).join(', ') : str(v);
}

/** A user-facing message for one validation issue, in Chinese or English. */
export function validationMessage(issue: IssueLike, lang: Lang): string {
  const zh = lang === 'zh';
  const origin = str(issue.origin);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = str(issue.expected);
      if (issue.input === undefined && /required|undefined/i.test(issue.message ?? '')) {
        return zh ? '必填' : 'Required';
      }
      return zh ? `应为${TYPE_ZH[expected] ?? expected}` : `Expected ${expected}`;
    }
    case 'too_small':
      if (origin === 'string') {
        return zh ? `至少 ${str(issue.minimum)} 个字符` : `At least ${str(issue.minimum)} characters`;
      }
      if (origin === 'array' || origin === 'set') {
        return zh ? `至少 ${str(issue.minimum)} 项` : `At least ${str(issue.minimum)} items`;
      }
      return zh ? `不能小于 ${str(issue.minimum)}` : `Must be at least ${str(issue.minimum)}`;
    case 'too_big':
      if (origin === 'string') {
        return zh ? `最多 ${str(issue.maximum)} 个字符` : `At most ${str(issue.maximum)} characters`;
      }
      if (origin === 'array' || origin === 'set') {
        return zh ? `最多 ${str(issue.maximum)} 项` : `At most ${str(issue.maximum)} items`;
      }
      return zh ? `不能大于 ${str(issue.maximum)}` : `Must be at most ${str(issue.maximum)}`;
    case 'invalid_format': {
      const format = str(issue.format) || 'regex';
      if (zh) {
        const base = FORMAT_ZH[format] ?? '格式不正确';
        // Custom regex messages are written in English in the contracts; keep them as a hint.
        return format === 'regex' && issue.message && !issue.message.startsWith('Invalid') ? `${base}（${issue.message}）` : base;
      }
      return issue.message && !issue.message.startsWith('Invalid') ? `Invalid format (${issue.message})` : `Invalid ${format}`;
    }
    case 'unrecognized_keys':
      return zh ? `不允许的字段：${list(issue.keys)}` : `Unknown field(s): ${list(issue.keys)}`;
    case 'invalid_value':
      return zh ? `取值必须是以下之一：${list(issue.values)}` : `Must be one of: ${list(issue.values)}`;
    case 'not_multiple_of':
      return zh ? '数值不符合步长要求' : 'Not a valid multiple';
    case 'invalid_union':
      return zh ? '取值不符合任何允许的形式' : 'Does not match any allowed shape';
    default:
      return issue.message ?? (zh ? '取值无效' : 'Invalid value');
  }
}
