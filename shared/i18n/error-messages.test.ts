import { describe, expect, it } from 'vitest';
import { errorStatus } from '../errors';
import { errorMessage, errorMessages, formatMessage, pickLang } from './error-messages';

describe('pickLang', () => {
  it('defaults to Chinese', () => {
    expect(pickLang(undefined)).toBe('zh');
    expect(pickLang('fr-FR')).toBe('zh');
  });
  it('honours English and quality values', () => {
    expect(pickLang('en')).toBe('en');
    expect(pickLang('en-US,en;q=0.9')).toBe('en');
    expect(pickLang('zh-CN;q=0.5, en;q=0.9')).toBe('en');
    expect(pickLang('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
  });
});

describe('error messages', () => {
  it('has Chinese and English text for every code', () => {
    for (const code of Object.keys(errorStatus) as (keyof typeof errorStatus)[]) {
      expect(errorMessages[code].zh.length, code).toBeGreaterThan(0);
      expect(errorMessages[code].en.length, code).toBeGreaterThan(0);
      expect(/[\u4e00-\u9fff]/.test(errorMessages[code].zh), `${code} zh has Chinese`).toBe(true);
    }
  });
  it('fills placeholders and leaves unknown ones', () => {
    expect(formatMessage('a {x} b {y}', { x: 1 })).toBe('a 1 b {y}');
    expect(errorMessage('region/not_found', 'en', { code: '999999' })).toBe('Region not found: 999999');
  });
});
