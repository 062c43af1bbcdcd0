import type { AchievementAction, AchievementStatus } from '#shared/contracts/achievements.contract';
import { nextByTable, type TransitionRow, type TransitionResult as TableResult } from '#server/lib/transition-table';

/** Who acts on an achievement: its owning organisation's editors, its TTO reviewers, or a platform/regional admin. */
export type WorkflowRole = 'editor' | 'reviewer' | 'admin';

type Row = TransitionRow<AchievementStatus, AchievementAction, WorkflowRole>;

/**
 * Lifecycle: draft → submitted → (TTO review) published → withdrawn → (republish) submitted, or
 * archived at any settled stage. Reviewers of the owning organisation (技术经理人) approve or return
 * a submission; owners confirm a published listing every 12 months.
 */
export const ACHIEVEMENT_TRANSITIONS: readonly Row[] = [
  { from: 'draft', action: 'submit', to: 'submitted', by: ['editor', 'reviewer'] },
  { from: 'submitted', action: 'approve', to: 'published', by: ['reviewer', 'admin'] },
  { from: 'submitted', action: 'return', to: 'draft', by: ['reviewer', 'admin'] },
  { from: 'submitted', action: 'withdraw', to: 'draft', by: ['editor'] },
  { from: 'published', action: 'withdraw', to: 'withdrawn', by: ['editor', 'reviewer', 'admin'] },
  { from: 'published', action: 'confirm', to: 'published', by: ['editor', 'reviewer'] },
  { from: 'withdrawn', action: 'republish', to: 'submitted', by: ['editor', 'reviewer'] },
  { from: 'draft', action: 'archive', to: 'archived', by: ['editor', 'reviewer', 'admin'] },
  { from: 'withdrawn', action: 'archive', to: 'archived', by: ['editor', 'reviewer', 'admin'] },
];

export type TransitionResult = TableResult<AchievementStatus>;

/** The next status for an action by someone holding `roles`, or why not. Pure. */
export function nextAchievementStatus(from: AchievementStatus, action: AchievementAction, roles: readonly WorkflowRole[]): TransitionResult {
  return nextByTable(ACHIEVEMENT_TRANSITIONS, from, action, roles);
}

/** Statuses in which the owner may still edit the content. */
export function isEditable(status: AchievementStatus): boolean {
  return status === 'draft' || status === 'withdrawn';
}

export const STALE_AFTER_MS = 365 * 24 * 3_600_000;

/** A published listing not confirmed by its owner for 12 months is stale (shown and ranked down). */
export function isStale(status: AchievementStatus, confirmedAt: Date | null, now: Date): boolean {
  return status === 'published' && (!confirmedAt || now.getTime() - confirmedAt.getTime() > STALE_AFTER_MS);
}
