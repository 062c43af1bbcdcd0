import type { ProposalStatus, TenderAction, TenderStatus } from '#shared/contracts/tenders.contract';
import { nextByTable, type TransitionRow, type TransitionResult } from '#server/lib/transition-table';

/** Who acts on a tender: members of the tendering organisation, or the scheduler at the deadline. */
export type TenderRole = 'buyer' | 'system';

type Row = TransitionRow<TenderStatus, TenderAction, TenderRole>;

/**
 * Lifecycle: draft → open (publish) → opened (the scheduler at the deadline; `lapse` → failed when
 * nobody bid) → awarded | failed (the buyer). Before opening the buyer may cancel.
 */
export const TENDER_TRANSITIONS: readonly Row[] = [
  { from: 'draft', action: 'publish', to: 'open', by: ['buyer'] },
  { from: 'draft', action: 'cancel', to: 'cancelled', by: ['buyer'] },
  { from: 'open', action: 'cancel', to: 'cancelled', by: ['buyer'] },
  { from: 'open', action: 'open', to: 'opened', by: ['system'] },
  { from: 'open', action: 'lapse', to: 'failed', by: ['system'] },
  { from: 'opened', action: 'award', to: 'awarded', by: ['buyer'] },
  { from: 'opened', action: 'fail', to: 'failed', by: ['buyer'] },
];

/** The next status for an action by someone holding `roles`, or why not. Pure. */
export function nextTenderStatus(from: TenderStatus, action: TenderAction, roles: readonly TenderRole[]): TransitionResult<TenderStatus> {
  return nextByTable(TENDER_TRANSITIONS, from, action, roles);
}

export type ProposalAction = 'withdraw' | 'resubmit' | 'open' | 'award' | 'reject' | 'release';
export type ProposalRole = 'bidder' | 'buyer' | 'system';

type ProposalRow = TransitionRow<ProposalStatus, ProposalAction, ProposalRole>;

/** A proposal: sealed until opening (its bidder may withdraw and submit again before the deadline). */
export const PROPOSAL_TRANSITIONS: readonly ProposalRow[] = [
  { from: 'sealed', action: 'withdraw', to: 'withdrawn', by: ['bidder'] },
  { from: 'withdrawn', action: 'resubmit', to: 'sealed', by: ['bidder'] },
  { from: 'sealed', action: 'resubmit', to: 'sealed', by: ['bidder'] },
  { from: 'sealed', action: 'open', to: 'opened', by: ['system'] },
  { from: 'sealed', action: 'release', to: 'released', by: ['buyer'] },
  { from: 'opened', action: 'award', to: 'awarded', by: ['buyer'] },
  { from: 'opened', action: 'reject', to: 'unsuccessful', by: ['buyer'] },
];

export function nextProposalStatus(
  from: ProposalStatus,
  action: ProposalAction,
  roles: readonly ProposalRole[],
): TransitionResult<ProposalStatus> {
  return nextByTable(PROPOSAL_TRANSITIONS, from, action, roles);
}

/** Content can change only before publication. */
export function isTenderEditable(status: TenderStatus): boolean {
  return status === 'draft';
}

/** Drafts are seen by the tendering organisation only; every later status is public. */
export function isTenderPublic(status: TenderStatus): boolean {
  return status !== 'draft';
}
