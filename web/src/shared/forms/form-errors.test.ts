import { LoginSchema, RegisterSchema } from '#shared/contracts/auth.contract';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import {
  applyApiError,
  blankToUndefined,
  groupIssues,
  localiseIssue,
  toFieldPath,
  validateForm,
  type FieldError,
  type FieldPath,
  type FormLike,
} from './form-errors';

/** A stand-in for AntD's FormInstance that records setFields calls. */
function fakeForm(names: FieldPath[]): FormLike & { errors: Map<string, string[]> } {
  const errors = new Map<string, string[]>(names.map((n) => [JSON.stringify(n), []]));
  return {
    errors,
    getFieldsError: () => names.map((name) => ({ name, errors: errors.get(JSON.stringify(name)) ?? [] })),
    setFields: (fields: FieldError[]) => {
      for (const f of fields) {
        errors.set(JSON.stringify(f.name), f.errors);
      }
    },
  };
}

const validation = (issues: { path: string; code: string; message: string }[]) =>
  new ApiError(400, 'common/validation_failed', '提交的数据有误，请检查标出的字段', 'zh', { issues });

describe('toFieldPath', () => {
  it('strips the body./query./params. prefix of API paths and keeps array indexes numeric', () => {
    expect(toFieldPath('body.email')).toEqual(['email']);
    expect(toFieldPath('body.flags.isInvestor')).toEqual(['flags', 'isInvestor']);
    expect(toFieldPath('body.scopes.0')).toEqual(['scopes', 0]);
    expect(toFieldPath('query.regionCode')).toEqual(['regionCode']);
    expect(toFieldPath('')).toEqual([]);
  });

  it('passes Zod paths through unchanged (a field really named "body" stays)', () => {
    expect(toFieldPath(['body', 'x'])).toEqual(['body', 'x']);
    expect(toFieldPath(['scopes', 1])).toEqual(['scopes', 1]);
  });
});

describe('groupIssues', () => {
  it('puts each issue on the longest registered field that prefixes its path', () => {
    const { fields, general } = groupIssues(
      [
        { path: 'body.email', message: 'bad email' },
        { path: 'body.scopes.0', message: 'bad scope' },
        { path: 'body.flags.isInvestor', message: 'bad flag' },
      ],
      [['email'], ['scopes'], ['flags'], ['flags', 'isInvestor']],
    );
    expect(fields).toEqual([
      { name: ['email'], errors: ['bad email'] },
      { name: ['scopes'], errors: ['bad scope'] },
      { name: ['flags', 'isInvestor'], errors: ['bad flag'] },
    ]);
    expect(general).toEqual([]);
  });

  it('collects several messages per field without duplicates', () => {
    const { fields } = groupIssues(
      [
        { path: ['password'], message: 'a' },
        { path: ['password'], message: 'b' },
        { path: ['password'], message: 'a' },
      ],
      [['password']],
    );
    expect(fields).toEqual([{ name: ['password'], errors: ['a', 'b'] }]);
  });

  it('returns issues without a matching field as general text, prefixed with their path', () => {
    const { fields, general } = groupIssues(
      [
        { path: 'body.unknown', message: 'not allowed' },
        { path: '', message: 'whole body wrong' },
      ],
      [['email']],
    );
    expect(fields).toEqual([]);
    expect(general).toEqual(['unknown: not allowed', 'whole body wrong']);
  });
});

describe('localiseIssue', () => {
  it('says 必填 / Required for an empty required string', () => {
    const issue = { code: 'too_small', origin: 'string', minimum: 1, message: '' };
    expect(localiseIssue(issue, 'zh')).toBe('必填');
    expect(localiseIssue(issue, 'en')).toBe('Required');
  });

  it('translates the contracts’ English regex hints into Chinese', () => {
    const issue = { code: 'invalid_format', format: 'regex', message: 'needs a digit' };
    expect(localiseIssue(issue, 'zh')).toBe('需包含数字');
    expect(localiseIssue(issue, 'en')).toBe('Invalid format (needs a digit)');
  });
});

describe('validateForm', () => {
  it('returns the parsed data and clears earlier errors when the values are valid', () => {
    const form = fakeForm([['email'], ['password']]);
    form.errors.set(JSON.stringify(['email']), ['old']);
    const result = validateForm(form, LoginSchema, { email: 'A@Example.cn', password: 'x' }, 'zh');
    expect(result.data).toEqual({ email: 'a@example.cn', password: 'x' });
    expect(form.errors.get(JSON.stringify(['email']))).toEqual([]);
  });

  it('puts localised messages on the failing fields', () => {
    const form = fakeForm([['email'], ['password'], ['displayName'], ['phone'], ['regionCode'], ['role']]);
    const result = validateForm(form, RegisterSchema, { email: 'not-an-email', password: 'short', displayName: '', phone: '123' }, 'zh');
    expect(result.data).toBeNull();
    expect(form.errors.get(JSON.stringify(['email']))).toEqual(['邮箱格式不正确']);
    expect(form.errors.get(JSON.stringify(['password']))).toEqual(['至少 10 个字符', '需包含数字']);
    expect(form.errors.get(JSON.stringify(['displayName']))).toEqual(['必填']);
    expect(form.errors.get(JSON.stringify(['phone']))).toEqual(['应为 11 位中国大陆手机号码']);
  });

  it('reports keys the strict schema rejects as general text', () => {
    const form = fakeForm([['email'], ['password']]);
    const result = validateForm(form, LoginSchema, { email: 'a@b.cn', password: 'x', extra: 1 }, 'en');
    expect(result.data).toBeNull();
    expect(result.general).toEqual(['Unknown field(s): extra']);
  });
});

describe('applyApiError', () => {
  it('maps server validation issues onto fields and reports full handling', () => {
    const form = fakeForm([['email']]);
    const handled = applyApiError(form, validation([{ path: 'body.email', code: 'invalid_format', message: '邮箱格式不正确' }]), 'zh');
    expect(handled).toBe(true);
    expect(form.errors.get(JSON.stringify(['email']))).toEqual(['邮箱格式不正确']);
  });

  it('reports partial handling when an issue has no field', () => {
    const form = fakeForm([['email']]);
    const handled = applyApiError(
      form,
      validation([
        { path: 'body.email', code: 'invalid_format', message: 'bad' },
        { path: 'body.other', code: 'custom', message: 'other' },
      ]),
      'zh',
    );
    expect(handled).toBe(false);
    expect(form.errors.get(JSON.stringify(['email']))).toEqual(['bad']);
  });

  it('puts a domain error code on the field named in codeFields', () => {
    const form = fakeForm([['email']]);
    const error = new ApiError(409, 'auth/email_taken', '该邮箱已注册', 'zh');
    expect(applyApiError(form, error, 'zh', { 'auth/email_taken': ['email'] })).toBe(true);
    expect(form.errors.get(JSON.stringify(['email']))).toEqual(['该邮箱已注册']);
  });

  it('leaves other errors to the caller', () => {
    const form = fakeForm([['email']]);
    expect(applyApiError(form, new ApiError(401, 'auth/invalid_credentials', 'x', 'zh'), 'zh')).toBe(false);
    expect(applyApiError(form, new Error('boom'), 'zh')).toBe(false);
  });
});

describe('blankToUndefined', () => {
  it('turns empty and whitespace-only strings into undefined and keeps everything else', () => {
    expect(blankToUndefined({ a: '', b: '  ', c: 'x', d: 0, e: null, f: false })).toEqual({
      a: undefined,
      b: undefined,
      c: 'x',
      d: 0,
      e: null,
      f: false,
    });
  });
});
