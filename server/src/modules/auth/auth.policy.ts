import { REGIONAL_ROLES, type GrantRole, type Role } from '#shared/contracts/auth.contract';
import { isWithinRegion } from '#shared/format/region-scope';
import { canAdministerRegion, isPlatformAdmin, regionsFor, type Actor } from './actor';

/** Roles tied to an organisation they act for. */
export const ORGANISATION_ROLES: readonly Role[] = ['tto_officer'];

export function isRegionalRole(role: Role): boolean {
  return (REGIONAL_ROLES as readonly Role[]).includes(role);
}

/** Region codes whose users the actor may administer; null means everywhere. */
export function userAdminScopes(actor: Actor): string[] | null {
  if (isPlatformAdmin(actor)) {
    return null;
  }
  return regionsFor(actor, 'regional_admin');
}

export function canAdministerUsers(actor: Actor): boolean {
  return isPlatformAdmin(actor) || regionsFor(actor, 'regional_admin').length > 0;
}

/** May the actor see and manage a user whose home region is `userRegion`? */
export function canManageUser(actor: Actor, userRegion: string | null): boolean {
  if (isPlatformAdmin(actor)) {
    return true;
  }
  return userRegion !== null && canAdministerRegion(actor, userRegion);
}

/**
 * May the actor grant (or revoke) this role? Platform admins may grant anything. A regional admin
 * may grant within its region: registrars there, regional admins only strictly below it (a province
 * appoints city administrators, never a peer), and organisation roles for organisations there.
 */
export function canGrantRole(actor: Actor, grant: GrantRole, orgRegion: string | null): boolean {
  if (isPlatformAdmin(actor)) {
    return true;
  }
  if (grant.role === 'platform_admin') {
    return false;
  }
  const scopes = regionsFor(actor, 'regional_admin');
  if (isRegionalRole(grant.role)) {
    const target = grant.regionCode;
    if (!target) {
      return false;
    }
    return scopes.some((s) => isWithinRegion(s, target) && (grant.role !== 'regional_admin' || s !== target));
  }
  if (orgRegion) {
    return scopes.some((s) => isWithinRegion(s, orgRegion));
  }
  return scopes.length > 0;
}
