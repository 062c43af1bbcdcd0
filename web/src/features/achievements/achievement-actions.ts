import type { Achievement, AchievementAction, AchievementStatus } from '#shared/contracts/achievements.contract';
import type { User } from '#shared/contracts/auth.contract';
import { canAdministerRegion } from '../../shared/auth/permissions';

// A mirror of the server's workflow table (server/src/modules/achievements/achievement.workflow.ts),
// used only to decide which buttons to show; the server re-checks every action.
export type WorkflowRole = 'editor' | 'reviewer' | 'admin';

const TRANSITIONS: readonly { from: AchievementStatus; action: AchievementAction; by: readonly WorkflowRole[] }[] = [
  { from: 'draft', action: 'submit', by: ['editor', 'reviewer'] },
  { from: 'submitted', action: 'approve', by: ['reviewer', 'admin'] },
  { from: 'submitted', action: 'return', by: ['reviewer', 'admin'] },
  { from: 'submitted', action: 'withdraw', by: ['editor'] },
  { from: 'published', action: 'withdraw', by: ['editor', 'reviewer', 'admin'] },
  { from: 'published', action: 'confirm', by: ['editor', 'reviewer'] },
  { from: 'withdrawn', action: 'republish', by: ['editor', 'reviewer'] },
  { from: 'draft', action: 'archive', by: ['editor', 'reviewer', 'admin'] },
  { from: 'withdrawn', action: 'archive', by: ['editor', 'reviewer', 'admin'] },
];

/**
 * The workflow roles the user seems to hold on a listing. Membership gives `editor`; a tto_officer
 * grant for the owning organisation gives `reviewer`; the owners and admins of an organisation
 * without its own TTO also review on the server, which the client cannot tell from the session, so
 * for them the approve button is left to the server (it answers 403 when not allowed).
 */
export function workflowRolesFor(user: User | null, listing: Pick<Achievement, 'ownerOrgId' | 'regionCode'>): WorkflowRole[] {
  if (!user) {
    return [];
  }
  const roles: WorkflowRole[] = [];
  if (user.organisationIds.includes(listing.ownerOrgId)) {
    roles.push('editor');
  }
  if (user.roles.some((r) => r.role === 'tto_officer' && r.organisationId === listing.ownerOrgId)) {
    roles.push('reviewer');
  }
  if (canAdministerRegion(user, listing.regionCode)) {
    roles.push('admin');
  }
  return roles;
}

/** The actions offered in a status to someone holding `roles`, in workflow order. */
export function availableActions(status: AchievementStatus, roles: readonly WorkflowRole[]): AchievementAction[] {
  return TRANSITIONS.filter((t) => t.from === status && t.by.some((r) => roles.includes(r))).map((t) => t.action);
}

/** Content edits are for the owner side, in draft or withdrawn status. */
export function canEditContent(status: AchievementStatus, roles: readonly WorkflowRole[]): boolean {
  return (status === 'draft' || status === 'withdrawn') && (roles.includes('editor') || roles.includes('reviewer'));
}
