import { isWithinRegion } from '#shared/format/region-scope';
import { isPlatformAdmin, membershipIn, regionsFor, type Actor } from '#server/modules/auth/index';
import { isOwnerSide, workflowRolesOf } from '#server/modules/achievements/index';

/** What the policy needs to know about a seller organisation. */
export type SellerOrg = { id: string; isTechTransferOrg: boolean; regionCode: string };

/**
 * The seller side of a listing acts (lists, publishes, withdraws, answers offers) with the rights
 * the achievements module gives its reviewers: TTO officers of the organisation, or its owners and
 * admins when it is not itself a technology-transfer organisation.
 */
export function isSellerActor(actor: Actor, org: SellerOrg): boolean {
  return workflowRolesOf(actor, { ownerOrgId: org.id, regionCode: org.regionCode, status: 'published' }, org).includes('reviewer');
}

/** Every member of the owner side (also plain members) reads the seller's threads, deals and data room. */
export function isSellerViewer(actor: Actor, org: SellerOrg): boolean {
  return isOwnerSide(workflowRolesOf(actor, { ownerOrgId: org.id, regionCode: org.regionCode, status: 'published' }, org));
}

/** Market operators of the region (and platform administrators) oversee listings and deals there. */
export function isMarketOperatorFor(actor: Actor, regionCode: string): boolean {
  return isPlatformAdmin(actor) || regionsFor(actor, 'market_operator').some((scope) => isWithinRegion(scope, regionCode));
}

/** A buyer is a member of a verified organisation other than the seller. */
export function buyerOrgIdsOf(actor: Actor, verifiedOrgIds: ReadonlySet<string>, sellerOrgId: string): string[] {
  if (actor.kind !== 'user') {
    return [];
  }
  return actor.memberships.map((m) => m.organisationId).filter((id) => id !== sellerOrgId && verifiedOrgIds.has(id));
}

/** A member of the buyer organisation of a thread or deal. */
export function isBuyerMember(actor: Actor, buyerOrgId: string): boolean {
  return membershipIn(actor, buyerOrgId) !== undefined;
}

/** Fee schedules are set by platform administrators. */
export function canSetFees(actor: Actor): boolean {
  return isPlatformAdmin(actor);
}
