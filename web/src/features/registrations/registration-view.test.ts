import { REGISTRATION_STATUSES, type Finding, type RegistrationAction } from '#shared/contracts/registrations.contract';
import { describe, expect, it } from 'vitest';
import {
  changeDecisionChoices,
  changeKinds,
  decisionChoices,
  detailActions,
  formatChangeValue,
  formatFenText,
  normaliseRegistrationNo,
  registrationSteps,
  sortFindings,
  statusColor,
  yearOptions,
} from './registration-view';

describe('statusColor', () => {
  it('gives every status a tag colour, success for registered and error for refused', () => {
    for (const s of REGISTRATION_STATUSES) {
      expect(statusColor(s)).toMatch(/^[a-z]+$/);
    }
    expect(statusColor('registered')).toBe('success');
    expect(statusColor('rejected')).toBe('error');
    expect(statusColor('submitted')).toBe('processing');
    expect(statusColor('returned')).toBe('warning');
  });
});

describe('detailActions', () => {
  const of = (
    status: Parameters<typeof detailActions>[0]['status'],
    allowedActions: RegistrationAction[],
    registrationNo: string | null = null,
  ) => detailActions({ status, allowedActions, registrationNo });

  it('lets the applicant edit, submit and withdraw a draft or returned application', () => {
    expect(of('draft', ['submit', 'withdraw'])).toEqual(['edit', 'submit', 'withdraw']);
    expect(of('returned', ['submit', 'withdraw'])).toEqual(['edit', 'submit', 'withdraw']);
    // Someone who may not submit (a registrar looking at a draft) may not edit it either.
    expect(of('draft', [])).toEqual([]);
    expect(of('submitted', ['withdraw'])).toEqual(['withdraw']);
  });

  it('gives the registrar one decision button for register, return and reject', () => {
    expect(of('submitted', ['register', 'reject', 'return'])).toEqual(['decide']);
    expect(of('submitted', ['return'])).toEqual(['decide']);
  });

  it('offers change requests, change decisions and the certificate of a registered contract', () => {
    expect(of('registered', ['request_change'], '2026110108000001')).toEqual(['change_request', 'certificate']);
    expect(of('registered', ['amend', 'cancel'], '2026110108000001')).toEqual(['change_request', 'certificate']);
    expect(of('change_requested', ['approve_amendment', 'decline_change'], '2026110108000001')).toEqual(['change_decision', 'certificate']);
    // No certificate without a number, nor once cancelled.
    expect(of('registered', [], null)).toEqual([]);
    expect(of('cancelled', [], '2026110108000001')).toEqual([]);
  });
});

describe('decision and change choices', () => {
  it('keeps the display order and only what is allowed', () => {
    expect(decisionChoices(['reject', 'register', 'return'])).toEqual(['register', 'return', 'reject']);
    expect(decisionChoices(['submit'])).toEqual([]);
    expect(changeKinds(['request_change'])).toEqual(['amend', 'cancel']);
    expect(changeKinds(['cancel'])).toEqual(['cancel']);
    expect(changeKinds(['submit'])).toEqual([]);
  });

  it('approves a pending change only with the action of its kind', () => {
    expect(changeDecisionChoices(['approve_amendment', 'decline_change'], 'amend')).toEqual({ approve: true, decline: true });
    expect(changeDecisionChoices(['approve_amendment', 'decline_change'], 'cancel')).toEqual({ approve: false, decline: true });
    expect(changeDecisionChoices(['approve_cancellation'], 'cancel')).toEqual({ approve: true, decline: false });
    expect(changeDecisionChoices(['approve_cancellation'], null)).toEqual({ approve: false, decline: false });
  });
});

describe('sortFindings', () => {
  it('puts errors first, then warnings, then information, keeping the order within each', () => {
    const f = (ruleId: string, severity: Finding['severity']): Finding => ({
      ruleId,
      severity,
      field: null,
      message: ruleId,
      messageEn: ruleId,
    });
    expect(sortFindings([f('a', 'info'), f('b', 'error'), f('c', 'warning'), f('d', 'error')]).map((x) => x.ruleId)).toEqual([
      'b',
      'd',
      'c',
      'a',
    ]);
  });
});

describe('formatFenText', () => {
  it('formats decimal strings of fen exactly, even beyond the safe integer range', () => {
    expect(formatFenText('500000000', 'zh')).toBe('¥500 万');
    expect(formatFenText('123456', 'en')).toBe('¥1,234.56');
    expect(formatFenText('0', 'en')).toBe('¥0');
    expect(formatFenText('123456789012345678901', 'en')).toBe('¥1,234,567,890,123,456,789.01');
    expect(formatFenText(null, 'zh')).toBe('—');
    expect(formatFenText('12.5', 'zh')).toBe('—');
  });
});

describe('formatChangeValue', () => {
  const names = (field: string, code: string) => (field === 'subtype' && code === 'SVC' ? '一般技术服务' : undefined);
  it('shows money, coded values, lists, parties and cost lines readably', () => {
    expect(formatChangeValue('contractAmountFen', 100_000_000, 'zh')).toBe('¥100 万');
    expect(formatChangeValue('subtype', 'SVC', 'zh', names)).toBe('一般技术服务');
    expect(formatChangeValue('subtype', 'CON', 'zh', names)).toBe('CON');
    expect(formatChangeValue('ipNumbers', ['ZL1', 'ZL2'], 'zh')).toBe('ZL1、ZL2');
    expect(formatChangeValue('ipNumbers', [], 'en')).toBe('—');
    expect(formatChangeValue('buyer', { name: '鹏城智能', type: 'enterprise' }, 'zh')).toBe('鹏城智能');
    expect(formatChangeValue('nonTechnicalCosts', [{ item: '设备', amountFen: 1234 }], 'en')).toBe('设备 ¥12.34');
    expect(formatChangeValue('contractNo', null, 'zh')).toBe('—');
  });
});

describe('registrationSteps', () => {
  it('follows 申请 → 审核 → 登记 and adds the change step when asked', () => {
    expect(registrationSteps('draft')).toEqual({ keys: ['apply', 'review', 'register'], current: 0, status: 'process' });
    expect(registrationSteps('returned')).toMatchObject({ current: 1, status: 'error' });
    expect(registrationSteps('registered')).toMatchObject({ current: 2, status: 'finish' });
    expect(registrationSteps('rejected')).toMatchObject({ current: 2, status: 'error' });
    expect(registrationSteps('change_requested')).toEqual({
      keys: ['apply', 'review', 'register', 'change'],
      current: 3,
      status: 'process',
    });
  });
});

describe('yearOptions and normaliseRegistrationNo', () => {
  it('lists ten China years, newest first', () => {
    // 2026-12-31 20:00 UTC is already 2027 in China.
    expect(yearOptions(new Date('2026-12-31T20:00:00Z'))).toEqual([2027, 2026, 2025, 2024, 2023, 2022, 2021, 2020, 2019, 2018]);
  });
  it('accepts 16 digits with spaces or dashes only', () => {
    expect(normaliseRegistrationNo(' 2026 1101 0800 0001 ')).toBe('2026110108000001');
    expect(normaliseRegistrationNo('2026-1101-0800-0001')).toBe('2026110108000001');
    expect(normaliseRegistrationNo('202611010800000')).toBeNull();
    expect(normaliseRegistrationNo('20261101080000012')).toBeNull();
    expect(normaliseRegistrationNo('2026110108O00001')).toBeNull();
    expect(normaliseRegistrationNo(null)).toBeNull();
  });
});
