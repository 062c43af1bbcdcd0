import { PARAMETER_KEYS, type Parameter } from '#shared/contracts/registrations.contract';
import { describe, expect, it } from 'vitest';
import { groupParameters, parseParameterValue } from './registration-settings';

const p = (key: Parameter['key'], effectiveFrom: string, value: Record<string, unknown> = {}): Parameter => ({
  key,
  effectiveFrom,
  value,
  source: 'test',
  updatedAt: '2026-01-01T00:00:00Z',
});

describe('groupParameters', () => {
  it('groups by key in contract order, newest first, marking the version in force today', () => {
    const groups = groupParameters(
      [
        p('review_period', '2000-01-01', { days: 30 }),
        p('review_period', '2026-01-23', { workingDays: 15 }),
        p('review_period', '2027-01-01'),
        p('tax_vat', '2016-05-01'),
      ],
      '2026-06-01',
    );
    expect(groups.map((g) => g.key)).toEqual([...PARAMETER_KEYS]);
    const review = groups.find((g) => g.key === 'review_period');
    expect(review?.versions.map((v) => [v.effectiveFrom, v.inForce, v.future])).toEqual([
      ['2027-01-01', false, true],
      ['2026-01-23', true, false],
      ['2000-01-01', false, false],
    ]);
    expect(groups.find((g) => g.key === 'deadline')?.versions).toEqual([]);
  });

  it('counts a version taking effect today as in force', () => {
    const [v] = groupParameters([p('deadline', '2026-06-01')], '2026-06-01').find((g) => g.key === 'deadline')?.versions ?? [];
    expect(v).toMatchObject({ inForce: true, future: false });
  });
});

describe('parseParameterValue', () => {
  it('accepts JSON objects only', () => {
    expect(parseParameterValue('{"workingDays": 15, "largeAmountFen": 500000000}')).toEqual({
      ok: true,
      value: { workingDays: 15, largeAmountFen: 500000000 },
    });
    expect(parseParameterValue('{ "a": ')).toMatchObject({ ok: false, reason: 'syntax' });
    expect(parseParameterValue('[1, 2]')).toEqual({ ok: false, reason: 'not_object' });
    expect(parseParameterValue('null')).toEqual({ ok: false, reason: 'not_object' });
    expect(parseParameterValue('15')).toEqual({ ok: false, reason: 'not_object' });
  });
});
