import { describe, expect, it } from 'vitest';
import { anonymous, makeActor } from '#server/test-factories';
import { canCreateDemandFor, canEditDemand, canViewDemand, demandOrgIds, demandRolesOf } from './demands.policy';

const ORG = '22222222-2222-4222-8222-222222222222';
const demand = (status: 'draft' | 'published' | 'closed' | 'withdrawn' = 'draft') => ({ ownerOrgId: ORG, regionCode: '440305', status });

describe('demandRolesOf', () => {
  it('makes members editors and region administrators admins', () => {
    expect(demandRolesOf(makeActor([], [{ organisationId: ORG, role: 'member' }]), demand())).toEqual(['editor']);
    expect(demandRolesOf(makeActor([{ role: 'regional_admin', regionCode: '440000' }]), demand())).toEqual(['admin']);
    expect(demandRolesOf(makeActor([{ role: 'regional_admin', regionCode: '110000' }]), demand())).toEqual([]);
    expect(demandRolesOf(makeActor([{ role: 'enterprise_member' }]), demand())).toEqual([]);
    expect(demandRolesOf(anonymous, demand())).toEqual([]);
  });
});

describe('demand permissions', () => {
  it('shows published and closed demands to everyone, drafts and withdrawn ones to role holders', () => {
    expect(canViewDemand(demand('published'), [])).toBe(true);
    expect(canViewDemand(demand('closed'), [])).toBe(true);
    expect(canViewDemand(demand('draft'), [])).toBe(false);
    expect(canViewDemand(demand('withdrawn'), ['admin'])).toBe(true);
  });
  it('lets members create and edit, not administrators', () => {
    expect(canCreateDemandFor(makeActor([], [{ organisationId: ORG, role: 'member' }]), ORG)).toBe(true);
    expect(canCreateDemandFor(makeActor([{ role: 'platform_admin' }]), ORG)).toBe(false);
    expect(canEditDemand(['editor'])).toBe(true);
    expect(canEditDemand(['admin'])).toBe(false);
    expect(demandOrgIds(makeActor([], [{ organisationId: ORG, role: 'owner' }]))).toEqual([ORG]);
    expect(demandOrgIds(anonymous)).toEqual([]);
  });
});
