import type { Actor } from '#server/modules/auth/index';
import { canViewDemand, demandRolesOf } from '#server/modules/demands/index';
import { workflowRolesOf, type OwnerOrgRow } from '#server/modules/achievements/index';

type Listing = { ownerOrgId: string; regionCode: string; status: string };

/** Similar listings and text matching: published records are public; others need a workflow role. */
export function canSeeListing(actor: Actor, listing: Listing, org: OwnerOrgRow): boolean {
  return listing.status === 'published' || workflowRolesOf(actor, listing, org).length > 0;
}

/** An achievement's matches (demands, experts, buyers) are for its owner side and admins (achievements policy). */
export function canSeeMatches(actor: Actor, listing: Listing, org: OwnerOrgRow): boolean {
  return workflowRolesOf(actor, listing, org).length > 0;
}

/** Matching from a demand: whoever may see the demand (published ones are public). */
export function canMatchFromDemand(actor: Actor, d: { ownerOrgId: string; regionCode: string; status: 'draft' | 'published' | 'closed' | 'withdrawn' }): boolean {
  return canViewDemand(d, demandRolesOf(actor, d));
}

/** Saved searches and notifications belong to a signed-in user. */
export function ownsRecord(actor: Actor, userId: string): boolean {
  return actor.kind === 'user' && actor.userId === userId;
}
