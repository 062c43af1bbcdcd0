import type { OfferAction, OfferStatus } from '#shared/contracts/market.contract';
import { nextByTable, type TransitionRow } from '#server/lib/transition-table';

/**
 * Who acts on an offer: `maker` (the side that made it), `recipient` (the other side, who answers),
 * `system` (the `offer.expire` job at `respondBy`, or the listing closing under it).
 */
export type OfferRole = 'maker' | 'recipient' | 'system';

type Row = TransitionRow<OfferStatus, OfferAction, OfferRole>;

/**
 * An open offer waits for the other side until `respondBy`: accepted, declined (with a reason),
 * countered (a new offer replaces it), withdrawn by its maker, expired, or lapsed when the listing
 * closes (declined). Every other status is final: an offer is answered once.
 */
export const OFFER_TRANSITIONS: readonly Row[] = [
  { from: 'open', action: 'accept', to: 'accepted', by: ['recipient'] },
  { from: 'open', action: 'decline', to: 'declined', by: ['recipient'] },
  { from: 'open', action: 'counter', to: 'countered', by: ['recipient'] },
  { from: 'open', action: 'withdraw', to: 'withdrawn', by: ['maker'] },
  { from: 'open', action: 'expire', to: 'expired', by: ['system'] },
  { from: 'open', action: 'lapse', to: 'declined', by: ['system'] },
];

export type OfferTransitionResult = { ok: true; to: OfferStatus } | { ok: false; reason: 'not_open' | 'not_allowed' };

/** The next status for an action on an offer by someone holding `roles`, or why not. Pure. */
export function nextOfferStatus(from: OfferStatus, action: OfferAction, roles: readonly OfferRole[]): OfferTransitionResult {
  const next = nextByTable(OFFER_TRANSITIONS, from, action, roles);
  // Every row starts from `open`: no row means the offer was already answered.
  if (next.ok) {
    return next;
  }
  return { ok: false, reason: next.reason === 'not_allowed' ? 'not_allowed' : 'not_open' };
}
