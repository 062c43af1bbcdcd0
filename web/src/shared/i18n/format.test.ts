import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatDateTime } from './format';
import { acceptLanguageOf, parseLang } from './lang-store';

describe('formatDateTime', () => {
  it('shows Beijing time whatever the runtime time zone', () => {
    // 16:30 UTC is 00:30 the next day in Beijing.
    expect(formatDateTime('2026-03-01T16:30:00Z', 'zh')).toBe('2026/03/02 00:30');
    expect(formatDate('2026-03-01T16:30:00Z', 'zh')).toBe('2026/03/02');
  });

  it('prints a dash for missing or broken timestamps', () => {
    expect(formatDateTime(null, 'en')).toBe('—');
    expect(formatDate('not a date', 'zh')).toBe('—');
  });
});

describe('formatCount', () => {
  it('groups digits', () => {
    expect(formatCount(1234567, 'zh')).toBe('1,234,567');
  });
});

describe('language helpers', () => {
  it('accepts only zh and en and maps them to Accept-Language', () => {
    expect(parseLang('en')).toBe('en');
    expect(parseLang('fr')).toBeNull();
    expect(parseLang(null)).toBeNull();
    expect(acceptLanguageOf('zh')).toBe('zh-CN');
    expect(acceptLanguageOf('en')).toBe('en');
  });
});
