import { CONTRACT_SUBTYPES, REGISTRATION_ACTIONS } from '#shared/contracts/registrations.contract';
import { describe, expect, it } from 'vitest';
import { registrationMessages } from './messages';
import { codeNamer, fieldLabel, subtypeGroups } from './registration-labels';

const zh = registrationMessages.zh;
const en = registrationMessages.en;

describe('subtypeGroups', () => {
  it('groups every registrable sub-type under its category, with the feature names before the code list loads', () => {
    const groups = subtypeGroups(undefined, 'zh', zh);
    expect(groups.map((g) => g.label)).toEqual(['技术开发', '技术转让', '技术许可', '技术咨询', '技术服务']);
    expect(groups.flatMap((g) => g.options.map((o) => o.value))).toEqual([...CONTRACT_SUBTYPES]);
    expect(groups[2]?.options.map((o) => o.label)).toEqual(['专利实施许可', '技术秘密使用许可', '其他知识产权许可']);
  });

  it('takes names and notes from the code list, keeping 技术咨询 and 一般技术服务 for the category codes', () => {
    const items = [
      { code: 'SVC', name: '技术服务合同', nameEn: 'Technology service contract', parentCode: null, level: 0 },
      {
        code: 'SVC-TRN',
        name: '技术培训（代码表）',
        nameEn: 'Technical training (list)',
        parentCode: 'SVC',
        level: 1,
        description: '作为技术培训合同单独登记',
      },
    ];
    const svc = subtypeGroups(items, 'en', en).find((g) => g.options.some((o) => o.value === 'SVC'));
    expect(svc?.label).toBe('Technology service contract');
    expect(svc?.options).toEqual([
      { value: 'SVC', label: 'Technology service' },
      { value: 'SVC-TRN', label: 'Technical training (list)', title: '作为技术培训合同单独登记' },
      { value: 'SVC-BRK', label: 'Technology brokerage' },
    ]);
  });
});

describe('codeNamer and fieldLabel', () => {
  it('names coded values by field and leaves unknown ones alone', () => {
    const name = codeNamer(zh);
    expect(name('subtype', 'LIC-PAT')).toBe('专利实施许可');
    expect(name('recognisedSubtype', 'SVC')).toBe('一般技术服务');
    expect(name('ipTypes', 'software_copyright')).toBe('计算机软件著作权');
    expect(name('technologyDomain', 'TD07')).toBe('新材料及其应用');
    expect(name('socioEconomicObjective', 'SE14')).toBe('国防');
    expect(name('subtype', 'toString')).toBeUndefined();
    expect(name('projectName', 'LIC-PAT')).toBeUndefined();
  });

  it('labels contract fields with the form labels', () => {
    expect(fieldLabel(zh, 'contractAmountFen')).toBe('成交额');
    expect(fieldLabel(en, 'industryCode')).toBe('Industry');
    expect(fieldLabel(zh, 'somethingElse')).toBe('somethingElse');
  });

  it('has a history name for every registration action', () => {
    for (const action of REGISTRATION_ACTIONS) {
      expect(zh.actions[action], action).toBeTruthy();
      expect(en.actions[action], action).toBeTruthy();
    }
  });
});
