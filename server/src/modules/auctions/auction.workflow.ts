import type { AuctionStatus } from '#shared/contracts/auctions.contract';
import { nextByTable, type TransitionRow, type TransitionResult } from '#server/lib/transition-table';

/** Who acts on an auction: the seller organisation, the market operator of its region, the scheduler job. */
export type AuctionRole = 'seller' | 'operator' | 'scheduler';
/**
 * The lifecycle state a transition is decided on: the status, with `scheduled` split by the server
 * clock into upcoming (before start), live and ended (past the end, waiting for the scheduler).
 */
export type AuctionState = 'draft' | 'upcoming' | 'live' | 'ended' | 'closed_sold' | 'closed_unsold' | 'cancelled';
export type AuctionAction = 'schedule' | 'cancel' | 'close_sold' | 'close_unsold';

type Row = TransitionRow<AuctionState, AuctionAction, AuctionRole, AuctionStatus>;

/**
 * draft → scheduled (the seller publishes); draft or scheduled-before-start → cancelled (seller or
 * operator); an ended auction → closed_sold | closed_unsold, only by the scheduler job.
 */
export const AUCTION_TRANSITIONS: readonly Row[] = [
  { from: 'draft', action: 'schedule', to: 'scheduled', by: ['seller'] },
  { from: 'draft', action: 'cancel', to: 'cancelled', by: ['seller', 'operator'] },
  { from: 'upcoming', action: 'cancel', to: 'cancelled', by: ['seller', 'operator'] },
  { from: 'ended', action: 'close_sold', to: 'closed_sold', by: ['scheduler'] },
  { from: 'ended', action: 'close_unsold', to: 'closed_unsold', by: ['scheduler'] },
];

export type AuctionTransitionResult = TransitionResult<AuctionStatus>;

/** The next status for an action by someone holding `roles`, or why not. Pure. */
export function nextAuctionStatus(from: AuctionState, action: AuctionAction, roles: readonly AuctionRole[]): AuctionTransitionResult {
  return nextByTable(AUCTION_TRANSITIONS, from, action, roles);
}

/** The lifecycle state of a row at `now`. */
export function auctionStateOf(a: { status: AuctionStatus; startsAt: Date; endsAt: Date }, now: Date): AuctionState {
  if (a.status !== 'scheduled') {
    return a.status;
  }
  if (now < a.startsAt) {
    return 'upcoming';
  }
  return now < a.endsAt ? 'live' : 'ended';
}
