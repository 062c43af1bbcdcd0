import { isWithinRegion } from '#shared/format/region-scope';
import { hasRole, isPlatformAdmin, membershipIn, regionsFor, type Actor } from '#server/modules/auth/index';
import type { NoticeRole } from './notice.workflow';

/** The seller side of a deal: an owner or admin of the seller organisation, or its TTO officer. */
export function isSellerSide(actor: Actor, sellerOrgId: string): boolean {
  return sellerSideOrgIds(actor).includes(sellerOrgId);
}

/** The organisations whose notices the actor decides as the seller side (see `isSellerSide`). */
export function sellerSideOrgIds(actor: Actor): string[] {
  if (actor.kind !== 'user') {
    return [];
  }
  return [
    ...new Set([
      ...actor.memberships.filter((m) => m.role === 'owner' || m.role === 'admin').map((m) => m.organisationId),
      ...actor.roles.flatMap((r) => (r.role === 'tto_officer' && r.organisationId ? [r.organisationId] : [])),
    ]),
  ];
}

/** The market operator of the seller's region (the exchange hosting the notice), or a platform administrator. */
export function isNoticeOperator(actor: Actor, sellerRegionCode: string): boolean {
  return isPlatformAdmin(actor) || regionsFor(actor, 'market_operator').some((scope) => isWithinRegion(scope, sellerRegionCode));
}

/** Any member of the seller or buyer organisation. */
export function isDealParty(actor: Actor, deal: { sellerOrgId: string; buyerOrgId: string }): boolean {
  return membershipIn(actor, deal.sellerOrgId) !== undefined || membershipIn(actor, deal.buyerOrgId) !== undefined || isSellerSide(actor, deal.sellerOrgId);
}

/** The actor's roles on a notice (never `system`: only the scheduler holds that one). */
export function noticeRolesOf(actor: Actor, n: { sellerOrgId: string; sellerRegionCode: string }): NoticeRole[] {
  const roles: NoticeRole[] = [];
  if (isSellerSide(actor, n.sellerOrgId)) {
    roles.push('seller');
  }
  if (isNoticeOperator(actor, n.sellerRegionCode)) {
    roles.push('operator');
  }
  return roles;
}

/** Objections (with contacts) are shown to the seller side and operators only. */
export function canSeeObjections(roles: readonly NoticeRole[]): boolean {
  return roles.includes('seller') || roles.includes('operator');
}

/** The working-day calendar is kept by platform administrators and market operators. */
export function canEditCalendar(actor: Actor): boolean {
  return isPlatformAdmin(actor) || hasRole(actor, 'market_operator');
}

/** Region prefixes whose notices the actor operates (`null`: everywhere). */
export function operatorScopes(actor: Actor): string[] | null {
  if (isPlatformAdmin(actor)) {
    return null;
  }
  return regionsFor(actor, 'market_operator');
}
