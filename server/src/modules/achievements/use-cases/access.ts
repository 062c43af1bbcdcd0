import type { AccessRequest, CreateAccessRequest, DecideAccessRequest } from '#shared/contracts/achievements.contract';
import { AppError } from '#server/lib/app-error';
import { requireUser, type Actor } from '#server/modules/auth/index';
import type { AchievementsContext, LoadedListing } from '../achievements.context';
import { toAccessRequestDto } from '../achievements.mapper';
import { canApproachOwner, canManageListing, canSeeDetail, isOwnerSide } from '../achievements.policy';

/** NDA-gated detail, access requests and enquiries: the buyer's side of a listing. */
export function createAccessUseCases(ctx: AchievementsContext) {
  const { db, repo, audit, clock } = ctx.deps;

  /** Buyers approach published listings only; the owner side is sent away with 403. */
  function assertCanApproach(actor: Actor, l: LoadedListing) {
    if (l.a.status !== 'published') {
      throw ctx.notFound(l.a.id);
    }
    if (!canApproachOwner(actor, l.roles)) {
      throw new AppError('common/forbidden', 'the owner side cannot approach its own listing');
    }
  }

  function assertCanManage(l: LoadedListing) {
    if (!canManageListing(l.roles)) {
      throw new AppError('common/forbidden', 'not an editor of this listing');
    }
  }

  return {
    /** The NDA-gated detail, or 403 achievement/detail_restricted. A `detail_open` event for non-owners. */
    async getDetail(actor: Actor, id: string): Promise<{ detail: string | null }> {
      const l = await ctx.load(actor, id);
      const hasGrant = l.roles.length === 0 && actor.kind === 'user' ? await repo.hasGrant(id, actor.userId) : false;
      if (!canSeeDetail(l.roles, hasGrant)) {
        throw new AppError('achievement/detail_restricted', 'detail needs a granted access request');
      }
      if (l.a.status === 'published' && !isOwnerSide(l.roles)) {
        await repo.recordEvent(db, { entityType: 'achievement', entityId: id, kind: 'detail_open', actorId: actor.kind === 'user' ? actor.userId : null, occurredAt: clock.now() });
      }
      return { detail: l.a.detail };
    },

    /** Asks the owner for the NDA-gated detail, accepting its confidentiality terms. One request per person. */
    async requestAccess(actor: Actor, id: string, input: CreateAccessRequest): Promise<AccessRequest> {
      const me = requireUser(actor);
      const requestId = await db.transaction(async (tx) => {
        const l = await ctx.load(actor, id, tx);
        assertCanApproach(actor, l);
        const now = clock.now();
        const row = await repo.insertAccessRequest(tx, { achievementId: id, requesterId: me.userId, message: input.message ?? null, ndaAcceptedAt: now, createdAt: now });
        if (!row) {
          throw new AppError('achievement/access_request_exists', 'this user already asked for access');
        }
        await repo.recordEvent(tx, { entityType: 'achievement', entityId: id, kind: 'access_request', actorId: me.userId, occurredAt: now });
        await audit.record(tx, {
          actor,
          action: 'achievement.access_requested',
          entityType: 'achievement',
          entityId: id,
          after: { requestId: row.id, requesterId: me.userId, message: row.message, ndaAcceptedAt: now.toISOString() },
        });
        return row.id;
      });
      const created = (await repo.accessRequests(id)).find((r) => r.id === requestId);
      return toAccessRequestDto(created!);
    },

    /** The caller's own request for a listing they can see, or null: lets a requester see pending / granted / denied. */
    async myAccessRequest(actor: Actor, id: string): Promise<{ request: AccessRequest | null }> {
      const me = requireUser(actor);
      await ctx.load(actor, id);
      const mine = (await repo.accessRequests(id)).find((r) => r.requesterId === me.userId);
      return { request: mine ? toAccessRequestDto(mine) : null };
    },

    /** Access requests of a listing, newest first (owner side). */
    async listAccessRequests(actor: Actor, id: string): Promise<{ items: AccessRequest[] }> {
      requireUser(actor);
      const l = await ctx.load(actor, id);
      assertCanManage(l);
      return { items: (await repo.accessRequests(id)).map(toAccessRequestDto) };
    },

    /** Grants or denies a request; a later decision replaces an earlier one (a grant can be revoked). */
    async decideAccessRequest(actor: Actor, id: string, requestId: string, input: DecideAccessRequest): Promise<AccessRequest> {
      const me = requireUser(actor);
      await db.transaction(async (tx) => {
        const l = await ctx.load(actor, id, tx);
        assertCanManage(l);
        const before = await repo.findAccessRequest(tx, id, requestId);
        if (!before) {
          throw new AppError('achievement/access_request_not_found', `access request ${requestId} not found`);
        }
        const decision = { status: input.decision, decidedBy: me.userId, decidedAt: clock.now(), decisionNote: input.note ?? null };
        await repo.decideAccessRequest(tx, requestId, decision);
        await audit.record(tx, {
          actor,
          action: 'achievement.access_decided',
          entityType: 'achievement',
          entityId: id,
          before: { requestId, status: before.status },
          after: { requestId, requesterId: before.requesterId, ...decision, decidedAt: decision.decidedAt.toISOString() },
        });
      });
      const decided = (await repo.accessRequests(id)).find((r) => r.id === requestId);
      return toAccessRequestDto(decided!);
    },

    /**
     * Records an enquiry: an `enquiry` funnel event and an audit event holding the message's digest.
     * The text itself is not stored here (a messages table belongs to the market module).
     */
    async enquire(actor: Actor, id: string, message: string): Promise<{ ok: true; recordedAt: string }> {
      const me = requireUser(actor);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const l = await ctx.load(actor, id, tx);
        assertCanApproach(actor, l);
        await repo.recordEvent(tx, { entityType: 'achievement', entityId: id, kind: 'enquiry', actorId: me.userId, occurredAt: now });
        await audit.record(tx, { actor, action: 'achievement.enquired', entityType: 'achievement', entityId: id, after: { requesterId: me.userId, message } });
      });
      return { ok: true, recordedAt: now.toISOString() };
    },
  };
}
