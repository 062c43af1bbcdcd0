import type { Achievement, AchievementAction, AchievementStatus } from '#shared/contracts/achievements.contract';
import type { Lang } from '#shared/i18n/error-messages';
import { AppError } from '#server/lib/app-error';
import { requireUser, type Actor } from '#server/modules/auth/index';
import { nextAchievementStatus } from '../achievement.workflow';
import type { AchievementsContext } from '../achievements.context';
import { auditStateOfAchievement, toSearchDocument } from '../achievements.mapper';
import type { AchievementInsert } from '../achievements.repo';

/** Audit action per workflow action (`achievement.<past tense>`). */
export const ACHIEVEMENT_AUDIT_ACTIONS: Record<AchievementAction, string> = {
  submit: 'achievement.submitted',
  approve: 'achievement.approved',
  return: 'achievement.returned',
  withdraw: 'achievement.withdrawn',
  republish: 'achievement.republished',
  archive: 'achievement.archived',
  confirm: 'achievement.confirmed',
};

/** Columns an action sets besides the status. Pure. */
export function transitionStamps(action: AchievementAction, to: AchievementStatus, now: Date, reviewerId: string, note: string | null): Partial<AchievementInsert> {
  switch (action) {
    case 'submit':
    case 'republish':
      return { submittedAt: now };
    case 'approve':
      // Publication counts as the owner's confirmation: the 12-month clock starts now.
      return { publishedAt: now, confirmedAt: now, reviewedBy: reviewerId, reviewedAt: now, reviewNote: note };
    case 'return':
      return { reviewedBy: reviewerId, reviewedAt: now, reviewNote: note };
    case 'withdraw':
      // Withdrawing a submission only takes it back to draft; withdrawing a publication is dated.
      return to === 'withdrawn' ? { withdrawnAt: now } : {};
    case 'confirm':
      return { confirmedAt: now };
    case 'archive':
      return {};
  }
}

/** What the search index must do after a transition from `from` to `to`. */
export function searchEffect(from: AchievementStatus, to: AchievementStatus): 'upsert' | 'remove' | 'none' {
  if (to === 'published') {
    return 'upsert'; // published, republished after review, or confirmed (staleness changes)
  }
  if (from === 'published' || to === 'archived') {
    return 'remove';
  }
  return 'none';
}

/** Lifecycle transitions: submit, approve, return, withdraw, republish, archive, confirm. */
export function createWorkflowUseCases(ctx: AchievementsContext, present: (actor: Actor, id: string, lang: Lang) => Promise<Achievement>) {
  const { db, repo, audit, clock, searchIndex } = ctx.deps;

  return {
    /**
     * Applies a workflow action. 403 when the actor holds no role that may take it, 409
     * achievement/invalid_transition when the listing's status does not allow it. Audited, and the
     * search index follows inside the same transaction.
     */
    async transition(actor: Actor, id: string, action: AchievementAction, note: string | undefined, lang: Lang): Promise<Achievement> {
      const me = requireUser(actor);
      await db.transaction(async (tx) => {
        const before = await ctx.load(actor, id, tx, true);
        if (before.roles.length === 0) {
          throw new AppError('common/forbidden', 'no workflow role on this listing');
        }
        const next = nextAchievementStatus(before.a.status, action, before.roles);
        if (!next.ok) {
          if (next.reason === 'not_allowed') {
            throw new AppError('common/forbidden', `${action} not allowed for ${before.roles.join('/')}`);
          }
          throw new AppError('achievement/invalid_transition', `cannot ${action} from ${before.a.status}`, { from: before.a.status, action }, { from: before.a.status, action });
        }
        if (next.to === 'published' && before.org.status !== 'verified') {
          throw new AppError('organisation/not_verified', `organisation ${before.org.id} is ${before.org.status}`, { organisationId: before.org.id, status: before.org.status }, { name: before.org.name, status: before.org.status });
        }
        const after = await repo.update(tx, id, { status: next.to, ...transitionStamps(action, next.to, clock.now(), me.userId, note ?? null) });
        await audit.record(tx, {
          actor,
          action: ACHIEVEMENT_AUDIT_ACTIONS[action],
          entityType: 'achievement',
          entityId: id,
          before: auditStateOfAchievement(before.a),
          after: { ...auditStateOfAchievement(after), note: note ?? null },
        });
        if (searchIndex) {
          switch (searchEffect(before.a.status, next.to)) {
            case 'upsert':
              await searchIndex.upsert(toSearchDocument(after, before.org), tx);
              break;
            case 'remove':
              await searchIndex.remove(id, tx);
              break;
            case 'none':
              break;
          }
        }
      });
      return present(actor, id, lang);
    },
  };
}
