import type {
  CalendarDay,
  CalendarYear,
  CreateObjection,
  DecideObjection,
  Notice,
  NoticePage,
  NoticeQuery,
  ObjectionReceipt,
  PublishNotice,
  PutCalendarDay,
} from '#shared/contracts/notices.contract';
import { BOARD_STATUSES, NOTICE_STATUSES } from '#shared/contracts/notices.contract';
import type { Db, Tx } from '#server/db/types';
import { AppError } from '#server/lib/app-error';
import { chinaToday } from '#shared/format/china-time';
import type { Clock } from '#server/lib/clock';
import { fieldError } from '#server/lib/field-error';
import type { AuditService } from '#server/modules/audit/index';
import type { NotifyOrganisation } from '#server/modules/notifications/index';
import { requireUser, systemActor, type Actor } from '#server/modules/auth/index';
import type { DealRow, DealsCore, DealsRepo } from '#server/modules/market/index';
import type { JobHandler, SchedulerService } from '#server/modules/scheduler/index';
import { addCalendarDays, exceptionFits, isValidDay, noticePeriod, weekdayOf, type CalendarExceptions } from './calendar';
import {
  ACTION_OF_OUTCOME,
  expiryOutcome,
  isPeriodOver,
  nextNoticeStatus,
  nextObjectionStatus,
  objectionDeadline,
  acceptsObjections,
  type NoticeAction,
  type NoticeRole,
} from './notice.workflow';
import { auditStateOfNotice, toCalendarDayDto, toNoticeDto, toNoticeSummary } from './notices.mapper';
import { canEditCalendar, canSeeObjections, isDealParty, isNoticeOperator, isSellerSide, noticeRolesOf, operatorScopes, sellerSideOrgIds } from './notices.policy';
import type { NoticeRow, NoticesRepo, NoticeWithMeta } from './notices.repo';

export const NOTICE_EXPIRE_JOB = 'notice.expire';

export type NoticesConfig = {
  /** Working days of a notice when the seller gives none (domain §2.2: 15). */
  defaultWorkingDays: number;
  /** The shortest period a seller may choose. */
  minWorkingDays: number;
};
export const DEFAULT_NOTICES_CONFIG: NoticesConfig = { defaultWorkingDays: 15, minWorkingDays: 15 };

export type NoticesDeps = {
  db: Db;
  repo: NoticesRepo;
  dealsRepo: DealsRepo;
  deals: DealsCore;
  scheduler: SchedulerService;
  audit: AuditService;
  clock: Clock;
  config?: Partial<NoticesConfig>;
  /** In-app notification to the seller organisation's members when an objection arrives. */
  notify?: NotifyOrganisation;
};

const WEEKDAYS_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DAY_MS = 86_400_000;
const SYSTEM_USER_ID = systemActor().userId;
/** The acting user's id for `…By` columns; null for the system actor (no users row). */
const userIdOf = (a: { userId: string }) => (a.userId === SYSTEM_USER_ID ? null : a.userId);

/**
 * 协议定价公示: a state-funded seller's negotiated (or tendered) deal is published for a number of
 * working days; anyone may object until the end of the last day (China time); the seller side or
 * the region's market operator decides each objection; an upheld objection blocks the deal, a clean
 * period concludes it (scheduler job `notice.expire`, exactly once).
 */
export function createNoticesService({ db, repo, dealsRepo, deals, scheduler, audit, clock, config, notify }: NoticesDeps) {
  const cfg: NoticesConfig = { ...DEFAULT_NOTICES_CONFIG, ...config };
  if (cfg.defaultWorkingDays < cfg.minWorkingDays) {
    throw new Error(`notices: the default period (${cfg.defaultWorkingDays} working days) is shorter than the minimum (${cfg.minWorkingDays})`);
  }
  const notFound = (id: string) => new AppError('notice/not_found', `notice ${id} not found`);

  async function exceptionsFrom(conn: Tx | Db, from: string, days: number): Promise<CalendarExceptions> {
    const rows = await repo.calendarBetween(conn, from, addCalendarDays(from, days));
    return new Map(rows.map((r) => [r.day, r.kind]));
  }

  function refuse(from: string, action: NoticeAction, reason: 'invalid_transition' | 'not_allowed'): never {
    if (reason === 'not_allowed') {
      throw new AppError('common/forbidden', `${action} not allowed`);
    }
    if (from !== 'open') {
      throw new AppError('notice/not_open', `notice is ${from}`, { status: from }, { status: from });
    }
    throw new AppError('notice/invalid_transition', `cannot ${action} from ${from}`, { from, action }, { from, action });
  }

  async function setDealStatus(tx: Tx, actor: Actor, deal: DealRow, status: 'in_notice' | 'blocked' | 'cancelled', extra: { cancelledReason?: string } = {}) {
    await dealsRepo.update(tx, deal.id, { status, ...extra });
    await audit.record(tx, { actor, action: `deal.${status}`, entityType: 'deal', entityId: deal.id, before: { status: deal.status }, after: { status, ...extra } });
  }

  /** open → cleared and the deal concluded (contract draft, same chain id). Inside the caller's transaction. */
  async function clear(tx: Tx, notice: NoticeRow, by: readonly NoticeRole[]) {
    const next = nextNoticeStatus(notice.status, 'clear', by);
    if (!next.ok) {
      refuse(notice.status, 'clear', next.reason);
    }
    const actor = systemActor('scheduler:notice.expire');
    const after = await repo.update(tx, notice.id, { status: next.to, closedAt: clock.now() });
    await audit.record(tx, { actor, action: 'notice.cleared', entityType: 'public_notice', entityId: notice.id, before: auditStateOfNotice(notice), after: auditStateOfNotice(after) });
    const deal = await dealsRepo.findById(tx, notice.dealId, true);
    if (deal && deal.status === 'in_notice') {
      await deals.conclude(tx, actor, deal);
    }
  }

  const expire: JobHandler = async (tx, job, now) => {
    const meta = await repo.findById(job.key, tx, true);
    if (!meta) {
      return 'done';
    }
    const outcome = expiryOutcome(meta.n, Number(meta.pendingCount), now);
    switch (outcome) {
      case 'closed':
        return 'done';
      case 'early':
        return { postpone: objectionDeadline(meta.n.endsOn) };
      case 'wait':
        // Objections still undecided: the deal waits; the decision that rejects the last one clears it.
        return { postpone: new Date(now.getTime() + DAY_MS) };
      case 'clear':
        await clear(tx, meta.n, ['system']);
        return 'done';
    }
  };
  scheduler.register(NOTICE_EXPIRE_JOB, expire);

  async function present(actor: Actor, meta: NoticeWithMeta): Promise<Notice> {
    const roles = noticeRolesOf(actor, { sellerOrgId: meta.n.sellerOrgId, sellerRegionCode: meta.sellerRegionCode });
    const seeObjections = canSeeObjections(roles);
    // The deal is read only to tell whether a signed-in caller outside the seller side is one of its parties.
    const [deal, objections] = await Promise.all([
      !seeObjections && actor.kind === 'user' ? dealsRepo.findById(db, meta.n.dealId) : undefined,
      seeObjections ? repo.objections(db, meta.n.id) : null,
    ]);
    const party = seeObjections || (deal !== undefined && isDealParty(actor, deal));
    const now = clock.now();
    return toNoticeDto(meta, {
      now,
      dealId: party ? meta.n.dealId : null,
      objections,
      canDecide: seeObjections && meta.n.status === 'open' && Number(meta.pendingCount) > 0,
      canWithdraw: roles.includes('seller') && meta.n.status === 'open' && !isPeriodOver(meta.n.endsOn, now),
    });
  }

  /** The market operator of the seller's region (read only when the caller holds such a role). */
  async function isNoticeOperatorOfSeller(actor: Actor, sellerOrgId: string): Promise<boolean> {
    if (operatorScopes(actor)?.length === 0) {
      return false;
    }
    const seller = await dealsRepo.org(db, sellerOrgId);
    return seller !== undefined && isNoticeOperator(actor, seller.regionCode);
  }

  async function get(actor: Actor, id: string): Promise<Notice> {
    const meta = await repo.findById(id);
    if (!meta) {
      throw notFound(id);
    }
    return present(actor, meta);
  }

  return {
    config: cfg,
    /** The scheduler handler (exposed for tests). */
    expire,

    /** The public board, or (`dealId`) the notice of one deal: its parties see it in any status. */
    async list(actor: Actor, q: NoticeQuery): Promise<NoticePage> {
      let statuses: readonly (typeof NOTICE_STATUSES)[number][] = q.status ? [q.status] : BOARD_STATUSES;
      if (q.dealId && !q.status && actor.kind === 'user') {
        const deal = await dealsRepo.findById(db, q.dealId);
        if (deal && (isDealParty(actor, deal) || (await isNoticeOperatorOfSeller(actor, deal.sellerOrgId)))) {
          statuses = NOTICE_STATUSES;
        }
      }
      const { items, total } = await repo.page({ statuses, q: q.q, dealId: q.dealId }, q.page, q.pageSize);
      return { items: items.map(toNoticeSummary), total, page: q.page, pageSize: q.pageSize };
    },

    /** Open notices with undecided objections that the caller may decide (seller side, operators). */
    async queue(actor: Actor, q: { page: number; pageSize: number }): Promise<NoticePage> {
      requireUser(actor);
      const { items, total } = await repo.page(
        { statuses: ['open'], withPendingObjections: true, decidableBy: { orgIds: sellerSideOrgIds(actor), regionCodes: operatorScopes(actor) } },
        q.page,
        q.pageSize,
      );
      return { items: items.map(toNoticeSummary), total, page: q.page, pageSize: q.pageSize };
    },

    get,

    /** Publishes the notice of a deal awaiting it; the deal goes `in_notice` and the expiry is scheduled. */
    async publish(actor: Actor, input: PublishNotice): Promise<Notice> {
      const me = requireUser(actor);
      const workingDays = input.workingDays ?? cfg.defaultWorkingDays;
      const id = await db.transaction(async (tx) => {
        const deal = await dealsRepo.findById(tx, input.dealId, true);
        if (!deal) {
          throw new AppError('notice/deal_not_found', `deal ${input.dealId} not found`);
        }
        if (!isSellerSide(actor, deal.sellerOrgId)) {
          throw new AppError('common/forbidden', 'only the seller organisation publishes its notice');
        }
        if (workingDays < cfg.minWorkingDays) {
          throw fieldError('notice/working_days_too_few', 'workingDays', { min: cfg.minWorkingDays });
        }
        if (deal.status !== 'awaiting_notice') {
          throw new AppError('notice/deal_not_awaiting_notice', `deal is ${deal.status}`, { status: deal.status }, { status: deal.status });
        }
        const [seller, buyer, achievement] = await Promise.all([
          dealsRepo.org(tx, deal.sellerOrgId),
          dealsRepo.org(tx, deal.buyerOrgId),
          deal.achievementId ? dealsRepo.achievement(tx, deal.achievementId) : Promise.resolve(undefined),
        ]);
        const now = clock.now();
        const publishedOn = chinaToday(now);
        const { startsOn, endsOn } = noticePeriod(publishedOn, workingDays, await exceptionsFrom(tx, publishedOn, workingDays * 3 + 120));
        const notice = await repo.insert(tx, {
          dealId: deal.id,
          chainId: deal.chainId,
          sellerOrgId: deal.sellerOrgId,
          achievementTitle: achievement?.title ?? deal.title,
          sellerName: seller?.name ?? '',
          buyerName: buyer?.name ?? '',
          contributors: input.contributors,
          priceFen: deal.priceFen,
          pricingMethod: deal.pricingMethod,
          transferMode: deal.transferMode,
          objectionChannel: input.objectionChannel,
          workingDays,
          startsOn,
          endsOn,
          status: 'open',
          publishedBy: userIdOf(me),
          publishedAt: now,
        });
        await audit.record(tx, { actor, action: 'notice.published', entityType: 'public_notice', entityId: notice.id, after: auditStateOfNotice(notice) });
        await setDealStatus(tx, actor, deal, 'in_notice');
        await scheduler.schedule(tx, { kind: NOTICE_EXPIRE_JOB, key: notice.id, runAt: objectionDeadline(endsOn), payload: { dealId: deal.id } });
        return notice.id;
      });
      return get(actor, id);
    },

    /** Anyone, signed in or not, objects while the notice is open and its last day has not ended. */
    async object(actor: Actor, id: string, input: CreateObjection): Promise<ObjectionReceipt> {
      const row = await db.transaction(async (tx) => {
        const meta = await repo.findById(id, tx, true);
        if (!meta) {
          throw notFound(id);
        }
        if (meta.n.status !== 'open') {
          throw new AppError('notice/not_open', `notice is ${meta.n.status}`, { status: meta.n.status }, { status: meta.n.status });
        }
        if (!acceptsObjections(meta.n, clock.now())) {
          throw new AppError('notice/objection_period_over', `period ended ${meta.n.endsOn}`, { endsOn: meta.n.endsOn }, { endsOn: meta.n.endsOn });
        }
        const o = await repo.insertObjection(tx, {
          noticeId: id,
          submitterName: input.submitterName,
          submitterContact: input.submitterContact,
          body: input.body,
          submittedBy: actor.kind === 'user' ? userIdOf(actor) : null,
          submittedAt: clock.now(),
        });
        await audit.record(tx, { actor, action: 'notice.objection_filed', entityType: 'notice_objection', entityId: o.id, after: { noticeId: id, status: o.status } });
        await notify?.(tx, meta.n.sellerOrgId, {
          kind: 'objection_filed',
          title: `公示收到异议：${meta.n.achievementTitle}`,
          body: `「${meta.n.achievementTitle}」的协议定价公示收到一条异议，请及时处理并记录处理决定；异议未处理前交易不能完成。`,
          link: `/notices/${id}`,
          dedupeKey: `objection:${o.id}`,
          data: { noticeId: id, objectionId: o.id },
        });
        return o;
      });
      return { id: row.id, noticeId: row.noticeId, status: row.status, submittedAt: row.submittedAt.toISOString() };
    },

    /** The seller side or the operator decides an objection with a recorded decision. */
    async decide(actor: Actor, id: string, objectionId: string, input: DecideObjection): Promise<Notice> {
      const me = requireUser(actor);
      await db.transaction(async (tx) => {
        const meta = await repo.findById(id, tx, true);
        if (!meta) {
          throw notFound(id);
        }
        const roles = noticeRolesOf(actor, { sellerOrgId: meta.n.sellerOrgId, sellerRegionCode: meta.sellerRegionCode });
        if (!canSeeObjections(roles)) {
          throw new AppError('common/forbidden', 'only the seller organisation or the market operator decides objections');
        }
        const objection = await repo.findObjection(tx, id, objectionId, true);
        if (!objection) {
          throw new AppError('notice/objection_not_found', `objection ${objectionId} not found`);
        }
        const nextObjection = nextObjectionStatus(objection.status, ACTION_OF_OUTCOME[input.outcome], roles);
        if (!nextObjection.ok) {
          if (nextObjection.reason === 'not_allowed') {
            throw new AppError('common/forbidden', 'not allowed to decide');
          }
          throw new AppError('notice/objection_already_decided', `objection is ${objection.status}`, { status: objection.status }, { status: objection.status });
        }
        if (meta.n.status !== 'open') {
          throw new AppError('notice/not_open', `notice is ${meta.n.status}`, { status: meta.n.status }, { status: meta.n.status });
        }
        const now = clock.now();
        const decided = await repo.updateObjection(tx, objection.id, { status: nextObjection.to, decision: input.decision, decidedBy: userIdOf(me), decidedAt: now });
        await audit.record(tx, {
          actor,
          action: `notice.objection_${nextObjection.to}`,
          entityType: 'notice_objection',
          entityId: objection.id,
          before: { status: objection.status },
          after: { status: decided.status, decision: decided.decision, noticeId: id },
        });
        if (nextObjection.to === 'upheld') {
          const next = nextNoticeStatus(meta.n.status, 'block', roles);
          if (!next.ok) {
            refuse(meta.n.status, 'block', next.reason);
          }
          const after = await repo.update(tx, id, { status: next.to, closedAt: now });
          await audit.record(tx, { actor, action: 'notice.blocked', entityType: 'public_notice', entityId: id, before: auditStateOfNotice(meta.n), after: { ...auditStateOfNotice(after), objectionId } });
          const deal = await dealsRepo.findById(tx, meta.n.dealId, true);
          if (deal && deal.status === 'in_notice') {
            await setDealStatus(tx, actor, deal, 'blocked');
          }
          await scheduler.cancel(tx, NOTICE_EXPIRE_JOB, id);
        } else if (isPeriodOver(meta.n.endsOn, now) && (await repo.pendingObjections(tx, id)) === 0) {
          // The period is over and this was the last undecided objection: clear and conclude now.
          await clear(tx, meta.n, ['system']);
          await scheduler.cancel(tx, NOTICE_EXPIRE_JOB, id);
        }
      });
      return get(actor, id);
    },

    /** The seller withdraws the notice before the period ends; the deal is cancelled. */
    async withdraw(actor: Actor, id: string, reason: string | undefined): Promise<Notice> {
      requireUser(actor);
      await db.transaction(async (tx) => {
        const meta = await repo.findById(id, tx, true);
        if (!meta) {
          throw notFound(id);
        }
        const roles = noticeRolesOf(actor, { sellerOrgId: meta.n.sellerOrgId, sellerRegionCode: meta.sellerRegionCode });
        const next = nextNoticeStatus(meta.n.status, 'withdraw', roles);
        if (!next.ok) {
          refuse(meta.n.status, 'withdraw', next.reason);
        }
        const now = clock.now();
        if (isPeriodOver(meta.n.endsOn, now)) {
          throw new AppError('notice/period_over', `period ended ${meta.n.endsOn}`, { endsOn: meta.n.endsOn }, { endsOn: meta.n.endsOn });
        }
        const after = await repo.update(tx, id, { status: next.to, closedAt: now });
        await audit.record(tx, { actor, action: 'notice.withdrawn', entityType: 'public_notice', entityId: id, before: auditStateOfNotice(meta.n), after: { ...auditStateOfNotice(after), reason: reason ?? null } });
        const deal = await dealsRepo.findById(tx, meta.n.dealId, true);
        if (deal && deal.status === 'in_notice') {
          await setDealStatus(tx, actor, deal, 'cancelled', { cancelledReason: reason ? `notice withdrawn: ${reason}` : 'notice withdrawn' });
        }
        await scheduler.cancel(tx, NOTICE_EXPIRE_JOB, id);
      });
      return get(actor, id);
    },

    // Working-day calendar -------------------------------------------------------------------

    async calendar(year: number): Promise<CalendarYear> {
      const rows = await repo.calendarBetween(db, `${year}-01-01`, `${year}-12-31`);
      return { year, days: rows.map(toCalendarDayDto) };
    },

    async putCalendarDay(actor: Actor, day: string, input: PutCalendarDay): Promise<CalendarDay> {
      const me = requireUser(actor);
      if (!canEditCalendar(actor)) {
        throw new AppError('common/forbidden', 'only platform administrators and market operators keep the calendar');
      }
      if (!isValidDay(day)) {
        throw new AppError('notice/calendar_day_invalid', `not a date: ${day}`, { day }, { day });
      }
      if (!exceptionFits(day, input.kind)) {
        const w = weekdayOf(day);
        throw fieldError('notice/calendar_kind_mismatch', 'kind', { day, weekday: WEEKDAYS_ZH[w], weekdayEn: WEEKDAYS_EN[w] });
      }
      return db.transaction(async (tx) => {
        const before = await repo.calendarDay(tx, day);
        const row = await repo.upsertCalendarDay(tx, { day, kind: input.kind, name: input.name, updatedBy: userIdOf(me) });
        await audit.record(tx, {
          actor,
          action: 'calendar.day_set',
          entityType: 'calendar_day',
          entityId: day,
          before: before ? toCalendarDayDto(before) : undefined,
          after: toCalendarDayDto(row),
        });
        return toCalendarDayDto(row);
      });
    },

    async deleteCalendarDay(actor: Actor, day: string): Promise<void> {
      requireUser(actor);
      if (!canEditCalendar(actor)) {
        throw new AppError('common/forbidden', 'only platform administrators and market operators keep the calendar');
      }
      await db.transaction(async (tx) => {
        const before = await repo.deleteCalendarDay(tx, day);
        if (!before) {
          throw new AppError('notice/calendar_day_not_found', `no exception on ${day}`, { day }, { day });
        }
        await audit.record(tx, { actor, action: 'calendar.day_removed', entityType: 'calendar_day', entityId: day, before: toCalendarDayDto(before) });
      });
    },
  };
}
export type NoticesService = ReturnType<typeof createNoticesService>;
