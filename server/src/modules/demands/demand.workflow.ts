import type { DemandAction, DemandStatus } from '#shared/contracts/demands.contract';
import { chinaToday } from '#shared/format/china-time';
import { nextByTable, type TransitionRow, type TransitionResult } from '#server/lib/transition-table';

export { chinaToday };

/** Who acts on a demand: members of its organisation, or an administrator of its region (moderation). */
export type DemandRole = 'editor' | 'admin';

type Row = TransitionRow<DemandStatus, DemandAction, DemandRole>;

/**
 * Lifecycle: draft → published → closed (solved or no longer needed) or withdrawn; a withdrawn
 * demand may be published again. Closed is final. Administrators may only take a demand down.
 */
export const DEMAND_TRANSITIONS: readonly Row[] = [
  { from: 'draft', action: 'publish', to: 'published', by: ['editor'] },
  { from: 'withdrawn', action: 'publish', to: 'published', by: ['editor'] },
  { from: 'published', action: 'close', to: 'closed', by: ['editor'] },
  { from: 'published', action: 'withdraw', to: 'withdrawn', by: ['editor', 'admin'] },
];

export type DemandTransitionResult = TransitionResult<DemandStatus>;

/** The next status for an action by someone holding `roles`, or why not. Pure. */
export function nextDemandStatus(from: DemandStatus, action: DemandAction, roles: readonly DemandRole[]): DemandTransitionResult {
  return nextByTable(DEMAND_TRANSITIONS, from, action, roles);
}

/** Content can change only before the first publication. */
export function isDemandEditable(status: DemandStatus): boolean {
  return status === 'draft';
}

/** Public statuses: published, and closed (so links keep working and show the outcome). */
export function isDemandPublic(status: DemandStatus): boolean {
  return status === 'published' || status === 'closed';
}

/** A deadline (`YYYY-MM-DD`, China time) has passed once its day is over. */
export function isDeadlinePast(deadline: string | null, now: Date): boolean {
  return deadline !== null && deadline < chinaToday(now);
}
