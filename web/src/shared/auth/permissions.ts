import type { Role, User } from '#shared/contracts/auth.contract';
import type { Member, Organisation } from '#shared/contracts/organisations.contract';
import { isWithinRegion } from '#shared/format/region-scope';

// Mirrors of the server's policy, used only to decide what to show: the server re-checks every call.

/** Where a platform admin's region overview opens: Beijing, the first code in GB/T 2260. */
export const DEFAULT_OVERVIEW_REGION = '110000';

export function hasRole(user: User | null | undefined, role: Role): boolean {
  return !!user && user.roles.some((r) => r.role === role);
}

export function hasAnyRole(user: User | null | undefined, roles: readonly Role[]): boolean {
  return roles.some((role) => hasRole(user, role));
}

export function isPlatformAdmin(user: User | null | undefined): boolean {
  return hasRole(user, 'platform_admin');
}

/** Region codes in which the user holds `role`. */
export function regionsFor(user: User | null | undefined, role: Role): string[] {
  return user ? user.roles.flatMap((r) => (r.role === role && r.regionCode ? [r.regionCode] : [])) : [];
}

/** Platform admins everywhere; regional admins inside their region. */
export function canAdministerRegion(user: User | null | undefined, regionCode: string): boolean {
  return isPlatformAdmin(user) || regionsFor(user, 'regional_admin').some((scope) => isWithinRegion(scope, regionCode));
}

/** The region the 区域概览 menu item opens, or null when the user has no admin role. */
export function overviewRegionFor(user: User | null | undefined): string | null {
  const [first] = regionsFor(user, 'regional_admin');
  if (first) {
    return first;
  }
  return isPlatformAdmin(user) ? DEFAULT_OVERVIEW_REGION : null;
}

/** Members may be managed by the organisation's owners and admins and by admins covering its region. */
export function canManageOrganisation(
  user: User | null | undefined,
  organisation: Pick<Organisation, 'regionCode'>,
  members: readonly Pick<Member, 'userId' | 'role'>[] | undefined,
): boolean {
  if (!user) {
    return false;
  }
  if (canAdministerRegion(user, organisation.regionCode)) {
    return true;
  }
  const own = members?.find((m) => m.userId === user.id);
  return own?.role === 'owner' || own?.role === 'admin';
}

/** Verifying or suspending an organisation is for platform admins and the region's admins. */
export function canSetOrganisationStatus(user: User | null | undefined, organisation: Pick<Organisation, 'regionCode'>): boolean {
  return canAdministerRegion(user, organisation.regionCode);
}
