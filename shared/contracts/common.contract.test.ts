import { describe, expect, it } from 'vitest';
import { InstantSchema } from './common.contract';

describe('InstantSchema', () => {
  it('takes ISO instants with an offset in years 1–9999 UTC', () => {
    expect(InstantSchema.safeParse('2026-11-25T09:30:00+08:00').success).toBe(true);
    expect(InstantSchema.safeParse('9999-12-31T23:59:59Z').success).toBe(true);
  });
  it('refuses what PostgreSQL would refuse, as a datetime format issue', () => {
    const late = InstantSchema.safeParse('9999-12-31T23:59:59-14:00'); // year 10000 in UTC
    expect(late.success).toBe(false);
    expect(late.error?.issues[0]).toMatchObject({ code: 'invalid_format', format: 'datetime' });
    expect(InstantSchema.safeParse('0000-01-01T00:00:00Z').success).toBe(false);
    expect(InstantSchema.safeParse('2026-11-25 09:30').success).toBe(false);
  });
});
