import type { output, ZodType } from 'zod';
import type { ErrorCode } from '#shared/errors';
import type { Lang } from '#shared/i18n/error-messages';
import { validationMessage, type IssueLike } from '#shared/i18n/validation-messages';
import { describeError, isApiError } from '../api/api-error';

export type FieldPath = (string | number)[];
export type FieldError = { name: FieldPath; errors: string[] };

/** A validation issue from Zod (array path) or from the API (dotted 'body.email' path). */
export type AnyIssue = { path: string | readonly PropertyKey[]; message: string };

// The contracts write custom regex hints in English; these are their Chinese equivalents.
// (Wish for shared/: move these next to validationMessage.)
const REGEX_HINTS_ZH: Record<string, string> = {
  'needs a letter': '需包含字母',
  'needs a digit': '需包含数字',
  'mainland mobile number, 11 digits': '应为 11 位中国大陆手机号码',
  'region code is 6 digits': '行政区划代码应为 6 位数字',
  'unified social credit code: 18 characters': '统一社会信用代码应为 18 位',
};

const REQUIRED_TEXT: Record<Lang, string> = { zh: '必填', en: 'Required' };

/** The text for a Zod issue raised in the browser, in `lang`. */
export function localiseIssue(issue: IssueLike, lang: Lang): string {
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1) {
    return REQUIRED_TEXT[lang];
  }
  if (lang === 'zh' && issue.code === 'invalid_format' && issue.message && REGEX_HINTS_ZH[issue.message]) {
    return REGEX_HINTS_ZH[issue.message] ?? issue.message;
  }
  return validationMessage(issue, lang);
}

/** ['email'] from 'body.email', ['scopes', 0] from 'body.scopes.0'; Zod paths pass through. */
export function toFieldPath(path: string | readonly PropertyKey[]): FieldPath {
  const parts: (string | number)[] =
    typeof path === 'string'
      ? path
          .split('.')
          .filter((p) => p.length > 0)
          .map((p) => (/^\d+$/.test(p) ? Number(p) : p))
      : path.flatMap((p) => (typeof p === 'symbol' ? [] : [p]));
  if (typeof path === 'string' && (parts[0] === 'body' || parts[0] === 'query' || parts[0] === 'params')) {
    parts.shift();
  }
  return parts;
}

function samePrefix(prefix: FieldPath, path: FieldPath): boolean {
  return prefix.length <= path.length && prefix.every((p, i) => String(p) === String(path[i]));
}

/**
 * Groups issues by the form field they belong to. An issue goes to the longest registered field
 * name that prefixes its path ('scopes.0' → 'scopes'); issues with no such field are `general`.
 */
export function groupIssues(issues: readonly AnyIssue[], registered: readonly FieldPath[]): { fields: FieldError[]; general: string[] } {
  const byField = new Map<string, FieldError>();
  const general: string[] = [];
  for (const issue of issues) {
    const path = toFieldPath(issue.path);
    let best: FieldPath | undefined;
    for (const name of registered) {
      if (name.length > 0 && samePrefix(name, path) && (!best || name.length > best.length)) {
        best = name;
      }
    }
    if (!best) {
      general.push(path.length > 0 ? `${path.join('.')}: ${issue.message}` : issue.message);
      continue;
    }
    const key = JSON.stringify(best);
    const entry = byField.get(key) ?? { name: best, errors: [] };
    if (!entry.errors.includes(issue.message)) {
      entry.errors.push(issue.message);
    }
    byField.set(key, entry);
  }
  return { fields: [...byField.values()], general };
}

/** The part of AntD's FormInstance these helpers use (keeps them testable without React). */
export type FormLike = {
  getFieldsError: () => { name: FieldPath; errors: string[] }[];
  setFields: (fields: FieldError[]) => void;
};

function registeredFields(form: FormLike): FieldPath[] {
  return form.getFieldsError().map((f) => f.name);
}

/** Clears every error currently shown on the form. */
export function clearFormErrors(form: FormLike): void {
  const withErrors = form.getFieldsError().filter((f) => f.errors.length > 0);
  if (withErrors.length > 0) {
    form.setFields(withErrors.map((f) => ({ name: f.name, errors: [] })));
  }
}

/**
 * Validates `values` with a contract schema. On success returns the parsed data; otherwise puts
 * each issue on its field and returns null. Issues without a field are returned as `general`.
 */
export function validateForm<S extends ZodType>(
  form: FormLike,
  schema: S,
  values: unknown,
  lang: Lang,
): { data: output<S>; general: [] } | { data: null; general: string[] } {
  clearFormErrors(form);
  const result = schema.safeParse(values);
  if (result.success) {
    return { data: result.data, general: [] };
  }
  const issues = result.error.issues.map((issue) => ({ path: issue.path, message: localiseIssue(issue, lang) }));
  const { fields, general } = groupIssues(issues, registeredFields(form));
  form.setFields(fields);
  return { data: null, general };
}

/**
 * Puts what it can of an API failure on the form: validation issues on their fields, and error
 * codes listed in `codeFields` on the named field. Returns true when every part of the error
 * landed on a field; otherwise the caller shows the error above the form.
 */
export function applyApiError(form: FormLike, error: unknown, lang: Lang, codeFields: Partial<Record<ErrorCode, FieldPath>> = {}): boolean {
  if (!isApiError(error)) {
    return false;
  }
  const field = codeFields[error.code as ErrorCode];
  if (field) {
    form.setFields([{ name: field, errors: [describeError(error, lang)] }]);
    return true;
  }
  if (error.code === 'common/validation_failed' && error.issues.length > 0) {
    const { fields, general } = groupIssues(error.issues, registeredFields(form));
    form.setFields(fields);
    return general.length === 0;
  }
  return false;
}

/** Replaces '' and whitespace-only strings by undefined, so optional fields are simply absent. */
export function blankToUndefined<T extends Record<string, unknown>>(values: T): { [K in keyof T]: T[K] | undefined } {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    out[key] = typeof value === 'string' && value.trim() === '' ? undefined : value;
  }
  return out as { [K in keyof T]: T[K] | undefined };
}
