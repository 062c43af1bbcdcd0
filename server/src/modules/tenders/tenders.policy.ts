import { membershipIn, type Actor } from '#server/modules/auth/index';
import { isTenderPublic, type TenderRole } from './tender.workflow';

type TenderLike = { buyerOrgId: string; status: Parameters<typeof isTenderPublic>[0]; openedAt: Date | null };

/** buyer: a member of the tendering organisation (the owner of the demand). Nobody else acts on a tender. */
export function tenderRolesOf(actor: Actor, t: { buyerOrgId: string }): TenderRole[] {
  return membershipIn(actor, t.buyerOrgId) ? ['buyer'] : [];
}

/** Drafts are seen by the tendering organisation; every later status is public. */
export function canViewTender(t: TenderLike, roles: readonly TenderRole[]): boolean {
  return isTenderPublic(t.status) || roles.includes('buyer');
}

/** Members of an organisation may open tenders on its demands. */
export function canTenderFor(actor: Actor, orgId: string): boolean {
  return membershipIn(actor, orgId) !== undefined;
}

/** The organisations the actor may bid for (every membership; the service checks verification). */
export function bidderOrgIdsOf(actor: Actor): string[] {
  return actor.kind === 'user' ? actor.memberships.map((m) => m.organisationId) : [];
}

/**
 * SEALED: a proposal's content, price and bidder are seen by the bidder's own organisation at any
 * time, and by the buyer only once the tender has been opened. Nobody else — not operators, not
 * administrators — sees more than the count before opening.
 */
export function canSeeProposal(actor: Actor, t: TenderLike, p: { bidderOrgId: string }): boolean {
  if (membershipIn(actor, p.bidderOrgId)) {
    return true;
  }
  return t.openedAt !== null && membershipIn(actor, t.buyerOrgId) !== undefined;
}

/** The ranking (bidder names, prices, totals) is public once the tender has been opened. */
export function isRankingPublic(t: TenderLike): boolean {
  return t.openedAt !== null;
}
