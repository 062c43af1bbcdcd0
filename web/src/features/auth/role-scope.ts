import { REGIONAL_ROLES, type Role } from '#shared/contracts/auth.contract';

/** Roles that act for an organisation (see the note on ROLES in auth.contract). */
export const ORGANISATION_ROLES = [
  'tto_officer',
  'broker',
  'researcher',
  'enterprise_member',
  'investor',
] as const satisfies readonly Role[];

/** What a role grant needs besides the role: a region, an organisation, or nothing. */
export function roleScope(role: Role | undefined): 'region' | 'organisation' | 'none' {
  if (!role) {
    return 'none';
  }
  if ((REGIONAL_ROLES as readonly Role[]).includes(role)) {
    return 'region';
  }
  if ((ORGANISATION_ROLES as readonly Role[]).includes(role)) {
    return 'organisation';
  }
  return 'none';
}
