import { canAdministerRegion, isPlatformAdmin, membershipIn, regionsFor, type Actor } from '../auth/actor';

type OrgLike = { id: string; regionCode: string; status: 'pending' | 'verified' | 'suspended' };

export function canViewOrganisation(actor: Actor, org: OrgLike): boolean {
  return org.status === 'verified' || !!membershipIn(actor, org.id) || canAdministerRegion(actor, org.regionCode);
}

/** Owners and admins of the organisation, and administrators of its region. */
export function canEditOrganisation(actor: Actor, org: OrgLike): boolean {
  const m = membershipIn(actor, org.id);
  return (m !== undefined && m.role !== 'member') || canAdministerRegion(actor, org.regionCode);
}

/** Verification and suspension are for administrators of the organisation's region. */
export function canSetOrganisationStatus(actor: Actor, org: OrgLike): boolean {
  return canAdministerRegion(actor, org.regionCode);
}

export function canViewMembers(actor: Actor, org: OrgLike): boolean {
  return !!membershipIn(actor, org.id) || canAdministerRegion(actor, org.regionCode);
}

/** Only owners (or region administrators) may make or unmake owners. */
export function canManageOwners(actor: Actor, org: OrgLike): boolean {
  return membershipIn(actor, org.id)?.role === 'owner' || canAdministerRegion(actor, org.regionCode);
}

/** Region prefixes inside which the actor sees unverified organisations; null means everywhere. */
export function unverifiedVisibleScopes(actor: Actor): string[] | null {
  return isPlatformAdmin(actor) ? null : regionsFor(actor, 'regional_admin');
}
