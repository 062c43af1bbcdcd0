import {
  criteriaProblems,
  type AwardTender,
  type CreateTender,
  type Proposal,
  type RankingEntry,
  type ScoreProposal,
  type SubmitProposal,
  type Tender,
  type TenderAction,
  type TenderQuery,
  type UpdateTender,
} from '#shared/contracts/tenders.contract';
import { pgErrorCode, type Db, type DbConn, type Tx } from '#server/db/types';
import { AppError } from '#server/lib/app-error';
import type { Clock } from '#server/lib/clock';
import { fieldError } from '#server/lib/field-error';
import type { AuditService } from '#server/modules/audit/index';
import type { NotifyOrganisation } from '#server/modules/notifications/index';
import { membershipIn, requireUser, systemActor, type Actor } from '#server/modules/auth/index';
import { isStateFunded, type DealsCore } from '#server/modules/market/index';
import type { JobRow, SchedulerService } from '#server/modules/scheduler/index';
import { isTenderEditable, nextProposalStatus, nextTenderStatus, type TenderRole } from './tender.workflow';
import { formatScoreX100 } from '#shared/contracts/tenders.contract';
import { isFullyScored, rankProposals, totalScoreX100, withPriceScores } from './tender.scoring';
import { auditStateOfTender, toProposalDto, toRanking, toTenderDto, toTenderSummary } from './tenders.mapper';
import { bidderOrgIdsOf, canSeeProposal, canTenderFor, canViewTender, isRankingPublic, tenderRolesOf } from './tenders.policy';
import type { ProposalRow, ProposalWithBidder, TenderInsert, TendersRepo, TenderWithBuyer } from './tenders.repo';

export const TENDER_OPEN_JOB = 'tender.open';

export type TendersDeps = {
  db: Db;
  repo: TendersRepo;
  audit: AuditService;
  clock: Clock;
  deals: DealsCore;
  scheduler: Pick<SchedulerService, 'schedule' | 'cancel'>;
  /** How far ahead a submission deadline must be when created or published (default 60 minutes). */
  minLeadMinutes?: number;
  /** In-app notifications to bidders' members, written in the award transaction. */
  notify?: NotifyOrganisation;
};

/**
 * 招标: reverse tenders on demands. Proposals stay sealed (content, price and bidder hidden from
 * everyone but the bidder, administrators included) until the scheduler opens them all together at
 * the deadline; the buyer then scores, ranks and awards, which opens a deal in the same transaction.
 */
export function createTendersService({ db, repo, audit, clock, deals, scheduler, minLeadMinutes = 60, notify }: TendersDeps) {
  type Loaded = TenderWithBuyer & { roles: TenderRole[] };
  const notFound = (id: string) => new AppError('tender/not_found', `tender ${id} not found`);

  async function load(actor: Actor, id: string, conn?: DbConn, forUpdate = false): Promise<Loaded> {
    const row = await repo.findById(id, conn, forUpdate);
    if (!row) {
      throw notFound(id);
    }
    const roles = tenderRolesOf(actor, row.t);
    if (!canViewTender(row.t, roles)) {
      throw notFound(id);
    }
    return { ...row, roles };
  }

  function assertBuyer(l: Loaded): void {
    if (!l.roles.includes('buyer')) {
      throw new AppError('common/forbidden', 'not a member of the tendering organisation');
    }
  }

  function assertTransition(l: Loaded, action: TenderAction, roles: readonly TenderRole[]) {
    const next = nextTenderStatus(l.t.status, action, roles);
    if (!next.ok) {
      if (next.reason === 'not_allowed') {
        throw new AppError('common/forbidden', `${action} not allowed`);
      }
      throw new AppError(
        'tender/invalid_transition',
        `cannot ${action} from ${l.t.status}`,
        { from: l.t.status, action },
        { from: l.t.status, action },
      );
    }
    return next.to;
  }

  async function present(actor: Actor, l: Loaded): Promise<Tender> {
    let proposalCount: number;
    let ranking: RankingEntry[] | null = null;
    if (isRankingPublic(l.t)) {
      const rows = await repo.proposals(l.t.id);
      proposalCount = rows.filter((r) => r.p.status !== 'withdrawn').length;
      ranking = toRanking(rows);
    } else {
      proposalCount = (await repo.proposalCounts([l.t.id])).get(l.t.id) ?? 0;
    }
    return toTenderDto(l, { proposalCount, ranking, isBuyer: l.roles.includes('buyer'), now: clock.now() });
  }

  function checkCriteria(criteria: CreateTender['criteria']): void {
    const [problem] = criteriaProblems(criteria);
    if (problem) {
      throw fieldError(problem.code, problem.path, problem.params);
    }
  }

  function checkDeadline(deadline: Date): void {
    if (deadline.getTime() < clock.now().getTime() + minLeadMinutes * 60_000) {
      throw fieldError('tender/deadline_too_soon', 'deadline', { minutes: minLeadMinutes });
    }
  }

  /** Recomputes totals and ranks of the opened proposals of a tender (inside `tx`); returns the updated rows by id. */
  async function rescore(tx: Tx, l: TenderWithBuyer, rows: readonly ProposalWithBidder[]): Promise<Map<string, ProposalRow>> {
    const scored = withPriceScores(
      l.t.criteria,
      rows.map(({ p }) => ({ id: p.id, priceFen: p.priceFen, scoresX100: p.scores })),
    );
    const ranked = rankProposals(
      rows.map(({ p }) => ({
        id: p.id,
        priceFen: p.priceFen,
        submittedAt: p.submittedAt,
        scores: scored.get(p.id)!,
        totalScoreX100: totalScoreX100(l.t.criteria, scored.get(p.id)!),
      })),
    );
    const updated = new Map<string, ProposalRow>();
    for (const r of ranked) {
      updated.set(r.id, await repo.updateProposal(tx, r.id, { scores: r.scores, totalScoreX100: r.totalScoreX100, rank: r.rank }));
    }
    return updated;
  }

  /** The proposal `proposalId` of tender `l`, if the caller's organisation submitted it. */
  async function ownProposal(tx: Tx, actor: Actor, l: Loaded, proposalId: string): Promise<ProposalWithBidder> {
    const rows = await repo.proposals(l.t.id, tx, { orgIds: bidderOrgIdsOf(actor), forUpdate: true });
    const row = rows.find((r) => r.p.id === proposalId);
    if (!row) {
      throw new AppError('tender/proposal_not_found', `proposal ${proposalId} not found`);
    }
    return row;
  }

  async function openAtDeadline(tx: Tx, job: JobRow, now: Date): Promise<'done' | { postpone: Date }> {
    const actor = systemActor('scheduler:tender.open');
    const row = await repo.findById(job.key, tx, true);
    if (!row || row.t.status !== 'open') {
      return 'done';
    }
    if (now.getTime() < row.t.deadline.getTime()) {
      return { postpone: row.t.deadline };
    }
    const sealed = await repo.proposals(row.t.id, tx, { status: ['sealed'], forUpdate: true });
    const l: Loaded = { ...row, roles: ['system'] };
    if (sealed.length === 0) {
      const to = assertTransition(l, 'lapse', ['system']);
      const after = await repo.update(tx, row.t.id, {
        status: to,
        openedAt: now,
        closedReason: '截止时无人投标 / no proposals by the deadline',
      });
      await audit.record(tx, {
        actor,
        action: 'tender.lapsed',
        entityType: 'tender',
        entityId: row.t.id,
        before: auditStateOfTender(row.t),
        after: auditStateOfTender(after),
      });
      return 'done';
    }
    const to = assertTransition(l, 'open', ['system']);
    for (const { p } of sealed) {
      const next = nextProposalStatus(p.status, 'open', ['system']);
      if (next.ok) {
        await repo.updateProposal(tx, p.id, { status: next.to });
      }
    }
    await rescore(tx, row, await repo.proposals(row.t.id, tx, { status: ['opened'] }));
    const after = await repo.update(tx, row.t.id, { status: to, openedAt: now });
    await audit.record(tx, {
      actor,
      action: 'tender.opened',
      entityType: 'tender',
      entityId: row.t.id,
      before: auditStateOfTender(row.t),
      after: {
        ...auditStateOfTender(after),
        proposals: sealed.map(({ p, bidderName }) => ({ id: p.id, bidderOrgId: p.bidderOrgId, bidderName, priceFen: p.priceFen })),
      },
    });
    return 'done';
  }

  return {
    /** The scheduler handler of `tender.open` (registered in services.ts). */
    openAtDeadline,

    /** Public list (non-drafts), or (`mine`) the caller's organisations' tenders. */
    async list(actor: Actor, q: TenderQuery) {
      if (q.mine) {
        requireUser(actor);
      }
      const { items, total } = await repo.page(q, q.mine ? { orgIds: bidderOrgIdsOf(actor) } : 'public');
      const counts = await repo.proposalCounts(items.map((i) => i.t.id));
      return {
        items: items.map(({ t, buyerName }) => toTenderSummary(t, buyerName, counts.get(t.id) ?? 0)),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async get(actor: Actor, id: string): Promise<Tender> {
      return present(actor, await load(actor, id));
    },

    /** A draft tender on a published demand of the caller's organisation. */
    async create(actor: Actor, input: CreateTender): Promise<Tender> {
      const me = requireUser(actor);
      const demand = await repo.findDemand(input.demandId);
      if (!demand) {
        throw fieldError('tender/demand_not_published', 'demandId');
      }
      if (!canTenderFor(actor, demand.ownerOrgId)) {
        throw new AppError('common/forbidden', 'not a member of the organisation owning the demand');
      }
      if (demand.status !== 'published') {
        throw fieldError('tender/demand_not_published', 'demandId');
      }
      checkCriteria(input.criteria);
      const deadline = new Date(input.deadline);
      checkDeadline(deadline);
      const id = await db.transaction(async (tx) => {
        const t = await repo.insert(tx, {
          chainId: demand.chainId,
          demandId: demand.id,
          buyerOrgId: demand.ownerOrgId,
          regionCode: demand.regionCode,
          title: input.title,
          description: input.description,
          criteria: input.criteria,
          budgetMaxFen: input.budgetMaxFen ?? null,
          deadline,
          createdBy: me.userId,
        });
        await audit.record(tx, { actor, action: 'tender.created', entityType: 'tender', entityId: t.id, after: auditStateOfTender(t) });
        return t.id;
      });
      return present(actor, await load(actor, id));
    },

    async update(actor: Actor, id: string, input: UpdateTender): Promise<Tender> {
      requireUser(actor);
      await db.transaction(async (tx) => {
        const locked = await load(actor, id, tx, true);
        assertBuyer(locked);
        if (input.criteria) {
          checkCriteria(input.criteria);
        }
        if (input.deadline) {
          checkDeadline(new Date(input.deadline));
        }
        if (!isTenderEditable(locked.t.status)) {
          throw new AppError('tender/not_editable', `status ${locked.t.status}`, { status: locked.t.status });
        }
        const { deadline, ...rest } = input;
        const values: Partial<TenderInsert> = { ...rest, ...(deadline !== undefined ? { deadline: new Date(deadline) } : {}) };
        const after = await repo.update(tx, id, values);
        await audit.record(tx, {
          actor,
          action: 'tender.updated',
          entityType: 'tender',
          entityId: id,
          before: auditStateOfTender(locked.t),
          after: auditStateOfTender(after),
        });
      });
      return present(actor, await load(actor, id));
    },

    /** Publishes a draft: the deadline must still be far enough ahead; the opening is scheduled in the same transaction. */
    async publish(actor: Actor, id: string): Promise<Tender> {
      requireUser(actor);
      await db.transaction(async (tx) => {
        const l = await load(actor, id, tx, true);
        assertBuyer(l);
        const to = assertTransition(l, 'publish', l.roles);
        if (l.buyer.status !== 'verified') {
          throw new AppError(
            'organisation/not_verified',
            `organisation ${l.buyer.id} is ${l.buyer.status}`,
            { organisationId: l.buyer.id },
            { name: l.buyer.name, status: l.buyer.status },
          );
        }
        const demand = await repo.findDemand(l.t.demandId, tx);
        if (demand?.status !== 'published') {
          throw new AppError('tender/demand_not_published', 'the demand is no longer published');
        }
        checkDeadline(l.t.deadline);
        const after = await repo.update(tx, id, { status: to });
        await scheduler.schedule(tx, { kind: TENDER_OPEN_JOB, key: id, runAt: l.t.deadline });
        await audit.record(tx, {
          actor,
          action: 'tender.published',
          entityType: 'tender',
          entityId: id,
          before: auditStateOfTender(l.t),
          after: auditStateOfTender(after),
        });
      });
      return present(actor, await load(actor, id));
    },

    /** Cancels before opening; sealed proposals are released unopened. */
    async cancel(actor: Actor, id: string, reason: string): Promise<Tender> {
      requireUser(actor);
      await db.transaction(async (tx) => {
        const l = await load(actor, id, tx, true);
        assertBuyer(l);
        const to = assertTransition(l, 'cancel', l.roles);
        for (const { p } of await repo.proposals(id, tx, { status: ['sealed'], forUpdate: true })) {
          const next = nextProposalStatus(p.status, 'release', ['buyer']);
          if (next.ok) {
            await repo.updateProposal(tx, p.id, { status: next.to, outcomeReason: `招标已取消：${reason}` });
          }
        }
        await scheduler.cancel(tx, TENDER_OPEN_JOB, id);
        const after = await repo.update(tx, id, { status: to, closedReason: reason });
        await audit.record(tx, {
          actor,
          action: 'tender.cancelled',
          entityType: 'tender',
          entityId: id,
          before: auditStateOfTender(l.t),
          after: auditStateOfTender(after),
        });
      });
      return present(actor, await load(actor, id));
    },

    /** The buyer declares no award after opening; every bidder is told why. */
    async fail(actor: Actor, id: string, reason: string): Promise<Tender> {
      requireUser(actor);
      await db.transaction(async (tx) => {
        const l = await load(actor, id, tx, true);
        assertBuyer(l);
        const to = assertTransition(l, 'fail', l.roles);
        for (const { p } of await repo.proposals(id, tx, { status: ['opened'], forUpdate: true })) {
          const next = nextProposalStatus(p.status, 'reject', ['buyer']);
          if (next.ok) {
            await repo.updateProposal(tx, p.id, {
              status: next.to,
              outcomeReason: `招标方宣布不授标（流标）：${reason}。您的排名第 ${p.rank ?? '-'} 名，综合得分 ${formatScoreX100(p.totalScoreX100 ?? 0)}。`,
            });
          }
        }
        const after = await repo.update(tx, id, { status: to, closedReason: reason });
        await audit.record(tx, {
          actor,
          action: 'tender.failed',
          entityType: 'tender',
          entityId: id,
          before: auditStateOfTender(l.t),
          after: { ...auditStateOfTender(after), reason },
        });
      });
      return present(actor, await load(actor, id));
    },

    /** Awards one opened, fully scored proposal: a deal is opened in the same transaction; every other bidder gets its rank, score and the reason. */
    async award(actor: Actor, id: string, input: AwardTender): Promise<Tender> {
      requireUser(actor);
      await db.transaction(async (tx) => {
        const l = await load(actor, id, tx, true);
        assertBuyer(l);
        if (l.t.status === 'open' || l.t.status === 'draft') {
          throw new AppError('tender/not_opened', 'the tender is not opened yet');
        }
        const to = assertTransition(l, 'award', l.roles);
        const rows = await repo.proposals(id, tx, { status: ['opened'], forUpdate: true });
        const winner = rows.find((r) => r.p.id === input.proposalId);
        if (!winner) {
          throw new AppError('tender/proposal_not_found', `proposal ${input.proposalId} not found`);
        }
        if (!rows.every((r) => isFullyScored(l.t.criteria, r.p.scores))) {
          throw new AppError('tender/scores_incomplete', 'not every proposal is scored');
        }
        const achievement = winner.p.achievementId ? await repo.findAchievement(winner.p.achievementId, tx) : undefined;
        const deal = await deals.open(tx, actor, {
          pricingMethod: 'tender',
          tenderId: id,
          demandId: l.t.demandId,
          achievementId: winner.p.achievementId,
          chainId: l.t.chainId,
          sellerOrgId: winner.p.bidderOrgId,
          buyerOrgId: l.t.buyerOrgId,
          priceFen: winner.p.priceFen,
          transferMode: winner.p.transferMode,
          stateFunded: isStateFunded(achievement?.funding, winner.bidderType),
          title: l.t.title,
        });
        for (const { p } of rows) {
          if (notify) {
            const won = p.id === winner.p.id;
            await notify(tx, p.bidderOrgId, {
              kind: 'tender_outcome',
              title: `${won ? '中标通知' : '未中标通知'}：${l.t.title}`,
              body: won ? `您的投标已中标，交易已生成。` : `您的投标未中标（第 ${p.rank ?? '-'} 名），原因见投标结果。`,
              link: won ? `/market/deals/${deal.id}` : `/market/tenders/${id}`,
              dedupeKey: `tender-outcome:${p.id}`,
              data: { tenderId: id, proposalId: p.id },
            });
          }
          if (p.id === winner.p.id) {
            await repo.updateProposal(tx, p.id, {
              status: 'awarded',
              outcomeReason: `中标：第 ${p.rank ?? '-'} 名，综合得分 ${formatScoreX100(p.totalScoreX100 ?? 0)}。`,
            });
          } else {
            const next = nextProposalStatus(p.status, 'reject', ['buyer']);
            if (next.ok) {
              await repo.updateProposal(tx, p.id, {
                status: next.to,
                outcomeReason: `未中标：您的排名第 ${p.rank ?? '-'} 名，综合得分 ${formatScoreX100(p.totalScoreX100 ?? 0)}；中标方 ${winner.bidderName}（第 ${winner.p.rank ?? '-'} 名）。定标理由：${input.reason}`,
              });
            }
          }
        }
        const now = clock.now();
        const after = await repo.update(tx, id, {
          status: to,
          awardedProposalId: winner.p.id,
          awardedAt: now,
          awardReason: input.reason,
          dealId: deal.id,
        });
        await audit.record(tx, {
          actor,
          action: 'tender.awarded',
          entityType: 'tender',
          entityId: id,
          before: auditStateOfTender(l.t),
          after: { ...auditStateOfTender(after), winnerRank: winner.p.rank, winnerTotalX100: winner.p.totalScoreX100 },
        });
      });
      return present(actor, await load(actor, id));
    },

    /**
     * Submits or replaces the caller's organisation's sealed proposal before the deadline. Not
     * audited: the audit trail is readable by administrators, and a sealed bid must not be (the
     * proposals table is itself the record; the opening is audited with every proposal).
     */
    async submitProposal(actor: Actor, id: string, input: SubmitProposal): Promise<Proposal> {
      const me = requireUser(actor);
      const orgIds = bidderOrgIdsOf(actor);
      let bidderOrgId = input.bidderOrgId;
      if (bidderOrgId === undefined) {
        if (orgIds.length > 1) {
          throw fieldError('tender/bidder_org_required', 'bidderOrgId');
        }
        bidderOrgId = orgIds[0];
      }
      if (!bidderOrgId || !membershipIn(actor, bidderOrgId)) {
        throw new AppError('common/forbidden', 'not a member of a bidding organisation');
      }
      const orgId = bidderOrgId;
      const row = await db
        .transaction(async (tx): Promise<ProposalWithBidder> => {
          const l = await load(actor, id, tx, true);
          if (l.t.buyerOrgId === orgId) {
            throw new AppError('tender/own_tender', 'the tendering organisation cannot bid');
          }
          const org = await repo.findOrg(orgId, tx);
          if (!org || org.status !== 'verified') {
            throw new AppError('tender/bidder_not_verified', `organisation ${orgId} is not verified`);
          }
          const now = clock.now();
          if (l.t.status !== 'cancelled' && now.getTime() >= l.t.deadline.getTime()) {
            throw new AppError('tender/deadline_passed', 'the submission deadline has passed', { deadline: l.t.deadline.toISOString() });
          }
          if (l.t.status !== 'open') {
            throw new AppError('tender/not_open', `tender is ${l.t.status}`, { status: l.t.status });
          }
          if (l.t.budgetMaxFen !== null && input.priceFen > l.t.budgetMaxFen) {
            throw fieldError('tender/budget_exceeded', 'priceFen', { budget: l.t.budgetMaxFen });
          }
          if (input.achievementId) {
            const a = await repo.findAchievement(input.achievementId, tx);
            if (a?.ownerOrgId !== orgId) {
              throw fieldError('tender/achievement_not_owned', 'achievementId');
            }
          }
          const values = {
            priceFen: input.priceFen,
            transferMode: input.transferMode ?? 'assign',
            terms: input.terms,
            technicalProposal: input.technicalProposal,
            achievementId: input.achievementId ?? null,
            submittedBy: me.userId,
            submittedAt: now,
          };
          const bidder = { bidderName: org.name, bidderType: org.type };
          const existing = await repo.findProposalOf(tx, id, orgId);
          if (!existing) {
            return { ...bidder, p: await repo.insertProposal(tx, { ...values, tenderId: id, bidderOrgId: orgId, status: 'sealed' }) };
          }
          const next = nextProposalStatus(existing.status, 'resubmit', ['bidder']);
          if (!next.ok) {
            throw new AppError('tender/proposal_not_sealed', `proposal is ${existing.status}`);
          }
          return { ...bidder, p: await repo.updateProposal(tx, existing.id, { ...values, status: next.to, outcomeReason: null }) };
        })
        .catch((err: unknown) => {
          if (pgErrorCode(err) === '23505') {
            throw new AppError('common/conflict', 'a proposal of this organisation was submitted concurrently');
          }
          throw err;
        });
      return toProposalDto(row, true);
    },

    /** Withdraws the caller's organisation's sealed proposal before the deadline. */
    async withdrawProposal(actor: Actor, id: string, proposalId: string): Promise<Proposal> {
      requireUser(actor);
      const row = await db.transaction(async (tx) => {
        const l = await load(actor, id, tx, true);
        const own = await ownProposal(tx, actor, l, proposalId);
        if (l.t.status !== 'cancelled' && clock.now().getTime() >= l.t.deadline.getTime()) {
          throw new AppError('tender/deadline_passed', 'the submission deadline has passed');
        }
        if (l.t.status !== 'open') {
          throw new AppError('tender/not_open', `tender is ${l.t.status}`, { status: l.t.status });
        }
        const next = nextProposalStatus(own.p.status, 'withdraw', ['bidder']);
        if (!next.ok) {
          throw new AppError('tender/proposal_not_sealed', `proposal is ${own.p.status}`);
        }
        const p = await repo.updateProposal(tx, own.p.id, { status: next.to });
        return { ...own, p };
      });
      return toProposalDto(row, true);
    },

    /** The buyer (after opening) sees every proposal; anyone else only their own organisations'. */
    async listProposals(actor: Actor, id: string): Promise<{ items: Proposal[] }> {
      requireUser(actor);
      const l = await load(actor, id);
      const rows = await repo.proposals(id);
      const mine = new Set(bidderOrgIdsOf(actor));
      return {
        items: rows
          .filter((r) => canSeeProposal(actor, l.t, r.p))
          .filter((r) => r.p.status !== 'withdrawn' || mine.has(r.p.bidderOrgId))
          .map((r) => toProposalDto(r, mine.has(r.p.bidderOrgId))),
      };
    },

    async myProposal(actor: Actor, id: string): Promise<{ proposal: Proposal | null }> {
      requireUser(actor);
      await load(actor, id);
      const [row] = await repo.proposals(id, db, { orgIds: bidderOrgIdsOf(actor) });
      return { proposal: row ? toProposalDto(row, true) : null };
    },

    /** The buyer's manual scores (0–100) for one opened proposal; totals and ranks follow. */
    async score(actor: Actor, id: string, proposalId: string, input: ScoreProposal): Promise<Proposal> {
      requireUser(actor);
      const row = await db.transaction(async (tx) => {
        const l = await load(actor, id, tx, true);
        assertBuyer(l);
        if (l.t.status !== 'opened') {
          throw new AppError('tender/not_opened', `tender is ${l.t.status}`, { status: l.t.status });
        }
        const rows = await repo.proposals(id, tx, { status: ['opened'], forUpdate: true });
        const target = rows.find((r) => r.p.id === proposalId);
        if (!target) {
          throw new AppError('tender/proposal_not_found', `proposal ${proposalId} not found`);
        }
        const manual = new Set(l.t.criteria.filter((c) => c.kind === 'manual').map((c) => c.key));
        for (const key of Object.keys(input.scores)) {
          if (!manual.has(key)) {
            throw fieldError('tender/score_invalid', `scores.${key}`, { key });
          }
        }
        const scores = { ...(target.p.scores ?? {}) };
        for (const [key, v] of Object.entries(input.scores)) {
          scores[key] = v * 100;
        }
        target.p.scores = scores;
        const updated = await rescore(tx, l, rows);
        await audit.record(tx, {
          actor,
          action: 'tender.scored',
          entityType: 'tender',
          entityId: id,
          after: { proposalId, scores: input.scores },
        });
        return { ...target, p: updated.get(proposalId)! };
      });
      return toProposalDto(row, membershipIn(actor, row.p.bidderOrgId) !== undefined);
    },
  };
}
export type TendersService = ReturnType<typeof createTendersService>;
