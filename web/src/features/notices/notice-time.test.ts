import { describe, expect, it } from 'vitest';
import { chinaToday } from '#shared/format/china-time';
import { daysRemaining } from './notice-time';

describe('daysRemaining', () => {
  it('counts today and the last day', () => {
    expect(daysRemaining('2026-11-25', new Date('2026-11-25T02:00:00Z'))).toBe(1);
    expect(daysRemaining('2026-11-27', new Date('2026-11-25T02:00:00Z'))).toBe(3);
  });
  it('uses the China date: 23:30 UTC is already the next day in Beijing', () => {
    expect(chinaToday(new Date('2026-11-24T23:30:00Z'))).toBe('2026-11-25');
    expect(daysRemaining('2026-11-24', new Date('2026-11-24T23:30:00Z'))).toBe(0);
  });
  it('is 0 after the end', () => {
    expect(daysRemaining('2026-11-01', new Date('2026-11-25T02:00:00Z'))).toBe(0);
  });
});
