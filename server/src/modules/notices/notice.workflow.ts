import type { NoticeStatus, ObjectionOutcome, ObjectionStatus } from '#shared/contracts/notices.contract';
import { endOfChinaDay } from '#shared/format/china-time';
import { nextByTable, type TransitionRow, type TransitionResult } from '#server/lib/transition-table';

/**
 * Who acts on a notice: `seller` (owner/admin or TTO officer of the seller organisation),
 * `operator` (market operator of the seller's region, the exchange hosting the notice; platform
 * administrators too), `system` (the scheduler at the end of the period).
 */
export type NoticeRole = 'seller' | 'operator' | 'system';
export const NOTICE_ROLES: readonly NoticeRole[] = ['seller', 'operator', 'system'];

export const NOTICE_ACTIONS = ['clear', 'block', 'withdraw'] as const;
export type NoticeAction = (typeof NOTICE_ACTIONS)[number];

type Row<S, A> = TransitionRow<S, A, NoticeRole>;

/**
 * open → cleared: the period is over with no pending or upheld objection (scheduler only);
 * open → blocked: an objection was upheld (by whoever decided it);
 * open → withdrawn: the seller withdraws before the end (the deal is cancelled).
 * cleared, blocked and withdrawn are final.
 */
export const NOTICE_TRANSITIONS: readonly Row<NoticeStatus, NoticeAction>[] = [
  { from: 'open', action: 'clear', to: 'cleared', by: ['system'] },
  { from: 'open', action: 'block', to: 'blocked', by: ['seller', 'operator'] },
  { from: 'open', action: 'withdraw', to: 'withdrawn', by: ['seller'] },
];

export const OBJECTION_ACTIONS = ['uphold', 'reject'] as const;
export type ObjectionAction = (typeof OBJECTION_ACTIONS)[number];

/** pending → upheld | rejected, decided by the seller side or the operator with a recorded decision. */
export const OBJECTION_TRANSITIONS: readonly Row<ObjectionStatus, ObjectionAction>[] = [
  { from: 'pending', action: 'uphold', to: 'upheld', by: ['seller', 'operator'] },
  { from: 'pending', action: 'reject', to: 'rejected', by: ['seller', 'operator'] },
];

/** The next notice status for an action by someone holding `roles`, or why not. Pure. */
export function nextNoticeStatus(from: NoticeStatus, action: NoticeAction, roles: readonly NoticeRole[]): TransitionResult<NoticeStatus> {
  return nextByTable(NOTICE_TRANSITIONS, from, action, roles);
}

/** The next objection status. Pure. */
export function nextObjectionStatus(from: ObjectionStatus, action: ObjectionAction, roles: readonly NoticeRole[]): TransitionResult<ObjectionStatus> {
  return nextByTable(OBJECTION_TRANSITIONS, from, action, roles);
}

export const ACTION_OF_OUTCOME: Record<ObjectionOutcome, ObjectionAction> = { upheld: 'uphold', rejected: 'reject' };

/** The instant objections stop being accepted: the end of `endsOn`, China time. */
export function objectionDeadline(endsOn: string): Date {
  return endOfChinaDay(endsOn);
}

/** The notice period is over once `endsOn` has ended in China. */
export function isPeriodOver(endsOn: string, now: Date): boolean {
  return now.getTime() >= objectionDeadline(endsOn).getTime();
}

/** Objections are accepted while the notice is open and its period has not ended. */
export function acceptsObjections(n: { status: NoticeStatus; endsOn: string }, now: Date): boolean {
  return n.status === 'open' && !isPeriodOver(n.endsOn, now);
}

/**
 * What the expiry job does with a notice at (or after) the end of its period: nothing when it is
 * closed already, wait when it is early (the job was moved) or an objection is still pending (the
 * deal waits for the decision), otherwise clear it.
 */
export function expiryOutcome(n: { status: NoticeStatus; endsOn: string }, pendingObjections: number, now: Date): 'closed' | 'early' | 'wait' | 'clear' {
  if (n.status !== 'open') {
    return 'closed';
  }
  if (!isPeriodOver(n.endsOn, now)) {
    return 'early';
  }
  return pendingObjections > 0 ? 'wait' : 'clear';
}
