import type { Organisation } from '#shared/contracts/organisations.contract';
import { CreateOrganisationSchema } from '#shared/contracts/organisations.contract';
import { withCreditCodeCheckChar } from '#shared/format/credit-code';
import { describe, expect, it } from 'vitest';
import { hasBadCreditCodeChecksum, toOrganisationBody, toOrganisationFormValues } from './organisation-form';

const VALID_CODE = withCreditCodeCheckChar('91110108MA01ABCDE');

describe('toOrganisationBody', () => {
  it('turns the flag checkboxes into the flags object and drops blank fields', () => {
    const body = toOrganisationBody({
      name: '测试机构',
      type: 'university',
      enterpriseOwnership: 'domestic',
      regionCode: '110108',
      address: '  ',
      flags: ['isTechTransferOrg'],
    });
    expect(body).toEqual({
      name: '测试机构',
      type: 'university',
      enterpriseOwnership: undefined,
      regionCode: '110108',
      address: undefined,
      flags: { isTechTransferOrg: true, isInvestor: false, isServiceProvider: false },
    });
    expect(CreateOrganisationSchema.safeParse(body).success).toBe(true);
  });

  it('keeps the ownership of an enterprise', () => {
    expect(toOrganisationBody({ type: 'enterprise', enterpriseOwnership: 'foreign' })['enterpriseOwnership']).toBe('foreign');
  });
});

describe('toOrganisationFormValues', () => {
  it('is the inverse of toOrganisationBody for the editable fields', () => {
    const org: Organisation = {
      id: '00000000-0000-4000-8000-000000000001',
      name: '京华理工大学',
      type: 'university',
      enterpriseOwnership: null,
      creditCode: VALID_CODE,
      regionCode: '110108',
      regionName: '海淀区',
      address: null,
      website: 'https://example.edu.cn',
      description: null,
      status: 'verified',
      flags: { isTechTransferOrg: true, isInvestor: false, isServiceProvider: true },
      memberCount: 3,
      createdAt: '2026-01-01T00:00:00Z',
    };
    const values = toOrganisationFormValues(org);
    expect(values.flags).toEqual(['isTechTransferOrg', 'isServiceProvider']);
    expect(toOrganisationBody(values)).toMatchObject({ name: org.name, creditCode: VALID_CODE, flags: org.flags });
  });
});

describe('hasBadCreditCodeChecksum', () => {
  it('flags a code whose check character is wrong, and passes absent or valid codes', () => {
    const wrong = VALID_CODE.slice(0, 17) + (VALID_CODE.endsWith('0') ? '1' : '0');
    expect(hasBadCreditCodeChecksum(wrong)).toBe(true);
    expect(hasBadCreditCodeChecksum(VALID_CODE)).toBe(false);
    expect(hasBadCreditCodeChecksum(undefined)).toBe(false);
  });
});
