import { isWithinRegion } from '#shared/format/region-scope';
import { isPlatformAdmin, membershipIn, regionsFor, type Actor } from '#server/modules/auth/index';
import type { AuctionRole } from './auction.workflow';

/** The market operator of the auction's region (covering it), or a platform administrator. */
export function canOperateRegion(actor: Actor, regionCode: string): boolean {
  return isPlatformAdmin(actor) || regionsFor(actor, 'market_operator').some((scope) => isWithinRegion(scope, regionCode));
}

/** The actor's roles on an auction. */
export function auctionRolesOf(actor: Actor, a: { sellerOrgId: string; regionCode: string }): AuctionRole[] {
  const roles: AuctionRole[] = [];
  if (membershipIn(actor, a.sellerOrgId)) {
    roles.push('seller');
  }
  if (canOperateRegion(actor, a.regionCode)) {
    roles.push('operator');
  }
  return roles;
}

/** Drafts are seen only by the seller organisation and operators; everything else is public. */
export function canViewAuction(status: string, roles: readonly AuctionRole[]): boolean {
  return status !== 'draft' || roles.length > 0;
}

/** The organisations the actor may register as bidder: those it is a member of. */
export function canRegisterFor(actor: Actor, orgId: string): boolean {
  return membershipIn(actor, orgId) !== undefined;
}
