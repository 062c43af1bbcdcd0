import { canAdministerRegion, membershipIn, type Actor } from '#server/modules/auth/index';
import type { WorkflowRole } from './achievement.workflow';

/** What the policy needs to know about the owning organisation. */
export type OwnerOrg = { id: string; isTechTransferOrg: boolean };
/** What the policy needs to know about a listing. */
export type ListingLike = { ownerOrgId: string; regionCode: string; status: string };

/** A `tto_officer` role granted for this organisation. */
export function isTtoOfficerOf(actor: Actor, orgId: string): boolean {
  return actor.kind === 'user' && actor.roles.some((r) => r.role === 'tto_officer' && r.organisationId === orgId);
}

/** Organisations whose listings the actor works on: memberships and TTO-officer grants. */
export function workingOrgIds(actor: Actor): string[] {
  if (actor.kind !== 'user') {
    return [];
  }
  const ids = actor.memberships.map((m) => m.organisationId);
  for (const r of actor.roles) {
    if (r.role === 'tto_officer' && r.organisationId) {
      ids.push(r.organisationId);
    }
  }
  return [...new Set(ids)];
}

/** Who may create a listing for an organisation: any of its members, or its TTO officers. */
export function canCreateFor(actor: Actor, orgId: string): boolean {
  return membershipIn(actor, orgId) !== undefined || isTtoOfficerOf(actor, orgId);
}

/**
 * The workflow roles the actor holds on one listing:
 * - editor: a member of the owning organisation (owner, admin or member);
 * - reviewer: a `tto_officer` of the owning organisation, or — when the organisation is not itself
 *   flagged as a technology-transfer organisation — its owners and admins (they review their own
 *   organisation's listings because nobody else would);
 * - admin: a platform admin, or a regional admin of the listing's region.
 */
export function workflowRolesOf(actor: Actor, listing: ListingLike, org: OwnerOrg): WorkflowRole[] {
  const roles: WorkflowRole[] = [];
  const m = membershipIn(actor, org.id);
  if (m) {
    roles.push('editor');
  }
  if (isTtoOfficerOf(actor, org.id) || (!org.isTechTransferOrg && (m?.role === 'owner' || m?.role === 'admin'))) {
    roles.push('reviewer');
  }
  if (canAdministerRegion(actor, listing.regionCode)) {
    roles.push('admin');
  }
  return roles;
}

/** The owner side: editors and reviewers. Their views are not counted in the funnel. */
export function isOwnerSide(roles: readonly WorkflowRole[]): boolean {
  return roles.includes('editor') || roles.includes('reviewer');
}

/** Published listings are public; any other status is seen by the owner side and region admins. */
export function canViewListing(listing: ListingLike, roles: readonly WorkflowRole[]): boolean {
  return listing.status === 'published' || roles.length > 0;
}

/** Content edits (in editable statuses) are for the owner side. */
export function canEditListing(roles: readonly WorkflowRole[]): boolean {
  return isOwnerSide(roles);
}

/** The NDA-gated detail: the owner side, region admins, and holders of a granted access request. */
export function canSeeDetail(roles: readonly WorkflowRole[], hasGrant: boolean): boolean {
  return roles.length > 0 || hasGrant;
}

/** Quality score and hints, access requests and the funnel are for the owner side. */
export function canManageListing(roles: readonly WorkflowRole[]): boolean {
  return isOwnerSide(roles);
}

/** Access requests and enquiries come from signed-in people outside the owner side. */
export function canApproachOwner(actor: Actor, roles: readonly WorkflowRole[]): boolean {
  return actor.kind === 'user' && !isOwnerSide(roles);
}
