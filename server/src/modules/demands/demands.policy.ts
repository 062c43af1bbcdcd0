import { canAdministerRegion, membershipIn, type Actor } from '#server/modules/auth/index';
import { isDemandPublic, type DemandRole } from './demand.workflow';

type DemandLike = { ownerOrgId: string; regionCode: string; status: 'draft' | 'published' | 'closed' | 'withdrawn' };

/** Any member of an organisation (owner, admin or member) may post demands for it. */
export function canCreateDemandFor(actor: Actor, orgId: string): boolean {
  return membershipIn(actor, orgId) !== undefined;
}

/** editor: a member of the owning organisation; admin: a platform or regional admin of the demand's region. */
export function demandRolesOf(actor: Actor, d: DemandLike): DemandRole[] {
  const roles: DemandRole[] = [];
  if (membershipIn(actor, d.ownerOrgId)) {
    roles.push('editor');
  }
  if (canAdministerRegion(actor, d.regionCode)) {
    roles.push('admin');
  }
  return roles;
}

/** Published and closed demands are public; drafts and withdrawn ones are seen by their organisation and region admins. */
export function canViewDemand(d: DemandLike, roles: readonly DemandRole[]): boolean {
  return isDemandPublic(d.status) || roles.length > 0;
}

/** Content edits are for the organisation's members. */
export function canEditDemand(roles: readonly DemandRole[]): boolean {
  return roles.includes('editor');
}

/** Organisations whose demands the actor works on. */
export function demandOrgIds(actor: Actor): string[] {
  return actor.kind === 'user' ? actor.memberships.map((m) => m.organisationId) : [];
}
