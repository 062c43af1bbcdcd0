import { describe, expect, it } from 'vitest';
import { makeActor } from '#server/test-factories';
import type { AchievementRow } from '../achievements.repo';
import { canImportFor, canPublishImport, changedFields, type ImportListing } from './bulk';

const UNI = '22222222-2222-4222-8222-222222222222';
const uni = { id: UNI, name: '大学', regionCode: '110108', isTechTransferOrg: true, status: 'verified' };
const company = { ...uni, isTechTransferOrg: false };

describe('bulk import policy', () => {
  it('owners, admins and TTO officers of the organisation and region admins import; plain members and others do not', () => {
    expect(canImportFor(makeActor([], [{ organisationId: UNI, role: 'owner' }]), uni)).toBe(true);
    expect(canImportFor(makeActor([], [{ organisationId: UNI, role: 'admin' }]), uni)).toBe(true);
    expect(canImportFor(makeActor([{ role: 'tto_officer', organisationId: UNI }]), uni)).toBe(true);
    expect(canImportFor(makeActor([{ role: 'regional_admin', regionCode: '110000' }]), uni)).toBe(true);
    expect(canImportFor(makeActor([{ role: 'platform_admin' }]), uni)).toBe(true);
    expect(canImportFor(makeActor([], [{ organisationId: UNI, role: 'member' }]), uni)).toBe(false);
    expect(canImportFor(makeActor([{ role: 'regional_admin', regionCode: '440000' }]), uni)).toBe(false);
    expect(canImportFor(makeActor([{ role: 'tto_officer', organisationId: '33333333-3333-4333-8333-333333333333' }]), uni)).toBe(false);
    expect(canImportFor({ kind: 'anonymous', ip: '1', requestId: 'r' }, uni)).toBe(false);
  });

  it('publishing needs a reviewer (TTO officer; owner of an organisation without TTO) or an admin of the listing region', () => {
    const owner = makeActor([], [{ organisationId: UNI, role: 'owner' }]);
    expect(canPublishImport(owner, uni, '110108')).toBe(false);
    expect(canPublishImport(owner, company, '110108')).toBe(true);
    expect(canPublishImport(makeActor([{ role: 'tto_officer', organisationId: UNI }]), uni, '440305')).toBe(true);
    const bj = makeActor([{ role: 'regional_admin', regionCode: '110000' }]);
    expect(canPublishImport(bj, uni, '110108')).toBe(true);
    expect(canPublishImport(bj, uni, '440305')).toBe(false);
  });
});

describe('changedFields', () => {
  const row = { title: '标题', abstract: '摘要', keywords: ['a', 'b'], trl: 5, detail: null, funding: null } as unknown as AchievementRow;
  const input = (over: Partial<ImportListing>): ImportListing => ({ externalId: 'x', title: '标题', abstract: '摘要', ...over });

  it('returns only present keys whose value differs (absent keys are left alone)', () => {
    expect(changedFields(row, input({}))).toEqual({});
    expect(changedFields(row, input({ keywords: ['a', 'b'], trl: 5 }))).toEqual({});
    expect(changedFields(row, input({ keywords: ['b', 'a'], trl: 6, detail: '新' }))).toEqual({
      keywords: ['b', 'a'],
      trl: 6,
      detail: '新',
    });
  });
});
