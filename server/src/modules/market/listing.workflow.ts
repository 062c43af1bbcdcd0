import type { ListingAction, ListingStatus } from '#shared/contracts/market.contract';
import { nextByTable, type TransitionRow, type TransitionResult } from '#server/lib/transition-table';

/**
 * Who acts on a listing: `seller` (its organisation's TTO/owner side), `system` (the scheduler's
 * `listing.expire` job and deals opened by an accepted offer), `auctions` (the auctions module).
 */
export type ListingRole = 'seller' | 'system' | 'auctions';

type Row = TransitionRow<ListingStatus, ListingAction, ListingRole>;

/**
 * Listing lifecycle: draft → listed (publish) → withdrawn (owner) | expired (at `listedUntil`) |
 * in_auction (auctions module) | sold (deal). An auction that ends without a sale puts the listing
 * back; a draft the owner gives up is withdrawn. withdrawn, expired and sold are final.
 */
export const LISTING_TRANSITIONS: readonly Row[] = [
  { from: 'draft', action: 'publish', to: 'listed', by: ['seller'] },
  { from: 'draft', action: 'withdraw', to: 'withdrawn', by: ['seller'] },
  { from: 'listed', action: 'withdraw', to: 'withdrawn', by: ['seller'] },
  { from: 'listed', action: 'expire', to: 'expired', by: ['system'] },
  { from: 'listed', action: 'start_auction', to: 'in_auction', by: ['auctions'] },
  { from: 'listed', action: 'sell', to: 'sold', by: ['system', 'auctions'] },
  { from: 'in_auction', action: 'end_auction', to: 'listed', by: ['auctions'] },
  { from: 'in_auction', action: 'sell', to: 'sold', by: ['auctions'] },
];

/** The next status for an action by someone holding `roles`, or why not. Pure. */
export function nextListingStatus(
  from: ListingStatus,
  action: ListingAction,
  roles: readonly ListingRole[],
): TransitionResult<ListingStatus> {
  return nextByTable(LISTING_TRANSITIONS, from, action, roles);
}

/** Content changes only before publication. */
export function isListingEditable(status: ListingStatus): boolean {
  return status === 'draft';
}

/** Anyone may see a listing once it has been published (closed ones keep their page). */
export function isListingPublic(status: ListingStatus): boolean {
  return status !== 'draft';
}

/** Open for enquiries and offers: listed and inside its period. */
export function isListingOpen(l: { status: ListingStatus; listedFrom: Date | null; listedUntil: Date | null }, now: Date): boolean {
  return (
    l.status === 'listed' &&
    (l.listedFrom === null || l.listedFrom.getTime() <= now.getTime()) &&
    (l.listedUntil === null || l.listedUntil.getTime() > now.getTime())
  );
}
