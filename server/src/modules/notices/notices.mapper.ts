import type { CalendarDay, Notice, NoticeSummary, Objection } from '#shared/contracts/notices.contract';
import type { DealPricingMethod, ListingMode } from '#shared/contracts/market.contract';
import { acceptsObjections, objectionDeadline } from './notice.workflow';
import type { CalendarDayRow, NoticeRow, NoticeWithMeta, ObjectionRow } from './notices.repo';

/** One line of the public board: only the fields frozen for the public. */
export function toNoticeSummary({ n, objectionCount }: Pick<NoticeWithMeta, 'n' | 'objectionCount'>): NoticeSummary {
  return {
    id: n.id,
    chainId: n.chainId,
    achievementTitle: n.achievementTitle,
    sellerName: n.sellerName,
    buyerName: n.buyerName,
    priceFen: n.priceFen,
    pricingMethod: n.pricingMethod as DealPricingMethod,
    transferMode: n.transferMode as ListingMode,
    startsOn: n.startsOn,
    endsOn: n.endsOn,
    workingDays: n.workingDays,
    status: n.status,
    objectionCount: Number(objectionCount),
  };
}

/** An objection for the seller side and operators (contact included). */
export function toObjectionDto(o: ObjectionRow): Objection {
  return {
    id: o.id,
    submitterName: o.submitterName,
    submitterContact: o.submitterContact,
    body: o.body,
    status: o.status,
    decision: o.decision,
    decidedAt: o.decidedAt ? o.decidedAt.toISOString() : null,
    submittedAt: o.submittedAt.toISOString(),
  };
}

export function toNoticeDto(
  meta: NoticeWithMeta,
  v: { now: Date; dealId: string | null; objections: ObjectionRow[] | null; canDecide: boolean; canWithdraw: boolean },
): Notice {
  const { n } = meta;
  return {
    ...toNoticeSummary(meta),
    contributors: n.contributors,
    objectionChannel: n.objectionChannel,
    publishedAt: n.publishedAt.toISOString(),
    closedAt: n.closedAt ? n.closedAt.toISOString() : null,
    objectionDeadline: objectionDeadline(n.endsOn).toISOString(),
    acceptsObjections: acceptsObjections(n, v.now),
    pendingObjectionCount: Number(meta.pendingCount),
    dealId: v.dealId,
    objections: v.objections ? v.objections.map(toObjectionDto) : null,
    canDecide: v.canDecide,
    canWithdraw: v.canWithdraw,
  };
}

export function toCalendarDayDto(r: CalendarDayRow): CalendarDay {
  return { day: r.day, kind: r.kind, name: r.name };
}

/** Notice state digested by the audit trail (the submitter's contact never enters it). */
export function auditStateOfNotice(n: NoticeRow) {
  return { status: n.status, dealId: n.dealId, chainId: n.chainId, priceFen: n.priceFen, startsOn: n.startsOn, endsOn: n.endsOn, workingDays: n.workingDays };
}
