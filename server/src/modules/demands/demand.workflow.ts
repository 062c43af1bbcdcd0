import type { DemandAction, DemandStatus } from '#shared/contracts/demands.contract';
import { chinaToday } from '#server/lib/china-time';

export { chinaToday };

/** Who acts on a demand: members of its organisation, or an administrator of its region (moderation). */
export type DemandRole = 'editor' | 'admin';

type Row = { from: DemandStatus; action: DemandAction; to: DemandStatus; by: readonly DemandRole[] };

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

export type DemandTransitionResult = { ok: true; to: DemandStatus } | { ok: false; reason: 'invalid_transition' | 'not_allowed' };

/** The next status for an action by someone holding `roles`, or why not. Pure. */
export function nextDemandStatus(from: DemandStatus, action: DemandAction, roles: readonly DemandRole[]): DemandTransitionResult {
  const row = DEMAND_TRANSITIONS.find((r) => r.from === from && r.action === action);
  if (!row) {
    return { ok: false, reason: 'invalid_transition' };
  }
  return row.by.some((r) => roles.includes(r)) ? { ok: true, to: row.to } : { ok: false, reason: 'not_allowed' };
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
