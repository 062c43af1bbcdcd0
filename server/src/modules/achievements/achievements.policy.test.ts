import { describe, expect, it } from 'vitest';
import { anonymous, makeActor } from '#server/test-factories';
import {
  canApproachOwner,
  canCreateFor,
  canEditListing,
  canManageListing,
  canSeeDetail,
  canViewListing,
  isOwnerSide,
  isTtoOfficerOf,
  workflowRolesOf,
  workingOrgIds,
} from './achievements.policy';

const ORG = '22222222-2222-4222-8222-222222222222';
const OTHER = '33333333-3333-4333-8333-333333333333';
const university = { id: ORG, isTechTransferOrg: true };
const company = { id: ORG, isTechTransferOrg: false };
const listing = (status = 'draft') => ({ ownerOrgId: ORG, regionCode: '110108', status });

describe('workflowRolesOf', () => {
  it('makes every member an editor', () => {
    for (const role of ['owner', 'admin', 'member'] as const) {
      expect(workflowRolesOf(makeActor([], [{ organisationId: ORG, role }]), listing(), university)).toEqual(['editor']);
    }
  });
  it('makes the TTO officer of the organisation a reviewer, not one of another organisation', () => {
    expect(workflowRolesOf(makeActor([{ role: 'tto_officer', organisationId: ORG }]), listing(), university)).toEqual(['reviewer']);
    expect(workflowRolesOf(makeActor([{ role: 'tto_officer', organisationId: OTHER }]), listing(), university)).toEqual([]);
    expect(workflowRolesOf(makeActor([{ role: 'tto_officer' }]), listing(), university)).toEqual([]);
  });
  it('lets owners and admins review when the organisation is not a technology-transfer organisation', () => {
    expect(workflowRolesOf(makeActor([], [{ organisationId: ORG, role: 'owner' }]), listing(), company)).toEqual(['editor', 'reviewer']);
    expect(workflowRolesOf(makeActor([], [{ organisationId: ORG, role: 'admin' }]), listing(), company)).toEqual(['editor', 'reviewer']);
    expect(workflowRolesOf(makeActor([], [{ organisationId: ORG, role: 'member' }]), listing(), company)).toEqual(['editor']);
  });
  it('makes administrators of the listing region admins, not those of another province', () => {
    expect(workflowRolesOf(makeActor([{ role: 'regional_admin', regionCode: '110000' }]), listing(), university)).toEqual(['admin']);
    expect(workflowRolesOf(makeActor([{ role: 'regional_admin', regionCode: '440000' }]), listing(), university)).toEqual([]);
    expect(workflowRolesOf(makeActor([{ role: 'platform_admin' }]), listing(), university)).toEqual(['admin']);
  });
  it('gives anonymous visitors and outsiders no role', () => {
    expect(workflowRolesOf(anonymous, listing(), university)).toEqual([]);
    expect(workflowRolesOf(makeActor([{ role: 'researcher' }], [{ organisationId: OTHER, role: 'owner' }]), listing(), university)).toEqual([]);
  });
});

describe('visibility and permissions', () => {
  it('shows published listings to everyone and others only to someone with a role', () => {
    expect(canViewListing(listing('published'), [])).toBe(true);
    for (const status of ['draft', 'submitted', 'withdrawn', 'archived']) {
      expect(canViewListing(listing(status), [])).toBe(false);
      expect(canViewListing(listing(status), ['admin'])).toBe(true);
    }
  });
  it('keeps editing, quality and access management on the owner side', () => {
    expect(canEditListing(['editor'])).toBe(true);
    expect(canEditListing(['reviewer'])).toBe(true);
    expect(canEditListing(['admin'])).toBe(false);
    expect(canManageListing(['admin'])).toBe(false);
    expect(isOwnerSide(['reviewer'])).toBe(true);
  });
  it('shows the detail to any role holder and to a granted requester only', () => {
    expect(canSeeDetail([], false)).toBe(false);
    expect(canSeeDetail([], true)).toBe(true);
    expect(canSeeDetail(['admin'], false)).toBe(true);
  });
  it('lets signed-in outsiders approach the owner, not the owner side or anonymous visitors', () => {
    expect(canApproachOwner(makeActor(), [])).toBe(true);
    expect(canApproachOwner(makeActor(), ['admin'])).toBe(true);
    expect(canApproachOwner(makeActor(), ['editor'])).toBe(false);
    expect(canApproachOwner(anonymous, [])).toBe(false);
  });
});

describe('canCreateFor / workingOrgIds / isTtoOfficerOf', () => {
  it('lets members and TTO officers create for the organisation', () => {
    expect(canCreateFor(makeActor([], [{ organisationId: ORG, role: 'member' }]), ORG)).toBe(true);
    expect(canCreateFor(makeActor([{ role: 'tto_officer', organisationId: ORG }]), ORG)).toBe(true);
    expect(canCreateFor(makeActor([{ role: 'platform_admin' }]), ORG)).toBe(false);
    expect(canCreateFor(anonymous, ORG)).toBe(false);
  });
  it('collects memberships and TTO grants once each', () => {
    const a = makeActor([{ role: 'tto_officer', organisationId: ORG }, { role: 'tto_officer', organisationId: OTHER }], [{ organisationId: ORG, role: 'member' }]);
    expect(workingOrgIds(a).sort()).toEqual([ORG, OTHER].sort());
    expect(workingOrgIds(anonymous)).toEqual([]);
    expect(isTtoOfficerOf(a, OTHER)).toBe(true);
  });
});
