import { describe, expect, it } from 'vitest';
import { addMonths, DEFAULT_PARAMETERS, eitEligible, eitSplit, matchesSubtype, PARAMETER_VALUE_SCHEMAS, parameterAt, registrationDeadline, reviewDays, runChecks, scheduleMismatch, termYears, type CheckedContract } from './registration.rules';

const rows = DEFAULT_PARAMETERS.map((p) => ({ key: p.key, effectiveFrom: p.effectiveFrom, value: p.value }));
const contract: CheckedContract = {
  subtype: 'TRF-PAT',
  summary: '转让发明专利一项',
  projectName: '专利权转让',
  ipTypes: ['patent_invention'],
  ipNumbers: ['ZL202310123456.7'],
  expectedInvestmentFen: 1,
  expectedOutputFen: 1,
  contractNo: null,
  planCategory: 'none',
  planProjectNo: null,
  techAmountFen: 100,
};

describe('dated parameters', () => {
  it('every shipped value satisfies its key’s schema', () => {
    for (const p of DEFAULT_PARAMETERS) {
      expect(PARAMETER_VALUE_SCHEMAS[p.key].safeParse(p.value).success, `${p.key}@${p.effectiveFrom}`).toBe(true);
    }
  });

  it('the version in force is the latest that started on or before the day', () => {
    expect(parameterAt(rows, 'deadline', '2025-12-31')).toEqual({ kind: 'none' });
    expect(parameterAt(rows, 'deadline', '2026-01-23')).toEqual({ kind: 'within_validity' });
    expect(parameterAt(rows, 'review_period', '2020-06-01')).toEqual({ days: 30, unit: 'calendar' });
    expect(parameterAt(rows, 'deadline', '1999-01-01')).toBeNull();
  });
});

describe('recognition checks', () => {
  const checks = parameterAt(rows, 'recognition_checks', '2026-11-02')!.checks;
  it('pass a complete patent transfer', () => {
    expect(runChecks(checks, contract).filter((f) => f.severity === 'error')).toEqual([]);
  });
  it.each([
    ['a patent transfer without patent numbers', { ipNumbers: [] }, 'trf.patent_numbers', 'error'],
    ['a patent transfer naming no patent', { ipTypes: ['technical_secret'] }, 'trf.patent', 'error'],
    ['a development contract without a concrete objective', { subtype: 'DEV-COOP', summary: '合作开发' }, 'dev.objective', 'error'],
    ['a programme contract without its project number', { planCategory: 'national' }, 'plan.project_no', 'error'],
    ['a transfer without expected investment', { expectedInvestmentFen: null }, 'trf.expected', 'warning'],
    ['a service contract that lists IP', { subtype: 'SVC', ipNumbers: [] }, 'svc.no_ip_transfer', 'warning'],
    ['a large contract', { techAmountFen: 500_000_000 }, 'large.expert_review', 'info'],
  ] as const)('flag %s', (_name, patch, ruleId, severity) => {
    const f = runChecks(checks, { ...contract, ...patch });
    expect(f).toContainEqual(expect.objectContaining({ ruleId, severity }));
  });
  it('match sub-type patterns', () => {
    expect(matchesSubtype('*', 'CON')).toBe(true);
    expect(matchesSubtype('TRF-*', 'TRF-SEC')).toBe(true);
    expect(matchesSubtype('TRF-*', 'LIC-SEC')).toBe(false);
    expect(matchesSubtype('SVC', 'SVC-TRN')).toBe(false);
  });
});

describe('deadlines and review periods', () => {
  it('none, within validity, or N days after signing', () => {
    expect(registrationDeadline({ kind: 'none' }, { signedOn: '2026-01-01', validTo: '2027-01-01' })).toBeNull();
    expect(registrationDeadline({ kind: 'within_validity' }, { signedOn: '2026-01-01', validTo: '2027-01-01' })).toBe('2027-01-01');
    expect(registrationDeadline({ kind: 'days_after_signing', days: 30 }, { signedOn: '2026-01-31', validTo: '2027-01-01' })).toBe('2026-03-02');
  });
  it('large contracts get the longer review period', () => {
    const rule = parameterAt(rows, 'review_period', '2026-11-02');
    expect(reviewDays(rule, 499_999_999)).toEqual({ days: 15, unit: 'working' });
    expect(reviewDays(rule, 500_000_000)).toEqual({ days: 30, unit: 'working' });
  });
});

describe('tax rules', () => {
  const eit2026 = parameterAt(rows, 'tax_eit', '2026-11-02');
  const eit2014 = parameterAt(rows, 'tax_eit', '2014-06-01');
  const lic = { subtype: 'LIC-PAT' as const, licenceMode: 'non_exclusive' as const, sellerType: 'enterprise', crossBorder: 'domestic' as const, validFrom: '2026-01-01', validTo: '2031-01-01', registeredOn: '2026-02-01' };
  it('a five-year non-exclusive licence qualifies since 2015-10-01, not before', () => {
    expect(eitEligible(eit2026, lic).eligible).toBe(true);
    expect(eitEligible(eit2014, lic).eligible).toBe(false);
    expect(eitEligible(eit2026, { ...lic, validTo: '2030-12-31' }).eligible).toBe(false);
    expect(eitEligible(eit2026, { ...lic, sellerType: 'university' }).eligible).toBe(false);
    expect(eitEligible(eit2026, { ...lic, subtype: 'SVC' }).eligible).toBe(false);
  });
  it('the first ¥5M of a seller’s yearly transfer income is exempt, the rest halved', () => {
    expect(eitSplit(400_000_000n, 500_000_000)).toEqual({ exemptFen: 400_000_000n, halvedFen: 0n });
    expect(eitSplit(800_000_000n, 500_000_000)).toEqual({ exemptFen: 500_000_000n, halvedFen: 300_000_000n });
  });
  it('term years and month arithmetic', () => {
    expect(termYears('2026-03-01', '2031-02-28')).toBe(4);
    expect(termYears('2026-03-01', '2031-03-01')).toBe(5);
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-02', 36)).toBe('2029-11-02');
  });
});

describe('payment schedule', () => {
  it('lump sums and instalments must add up to 成交额; royalties need not', () => {
    expect(scheduleMismatch('instalments', [{ amountFen: 60 }, { amountFen: 40 }], 100)).toBeNull();
    expect(scheduleMismatch('instalments', [{ amountFen: 60 }], 100)).toBe(60);
    expect(scheduleMismatch('royalty', [{ amountFen: 1 }], 100)).toBeNull();
    expect(scheduleMismatch('lump_sum', [], 100)).toBeNull();
  });
});
