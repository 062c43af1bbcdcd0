import { z } from 'zod';
import { pageOf, PageQuerySchema } from './common.contract';
import { DEAL_PRICING_METHODS, LISTING_MODES } from './market.contract';

// 协议定价公示: public notices of negotiated deals, objections, the working-day calendar.

export const noticeErrors = {
  'notice/not_found': 404,
  'notice/deal_not_found': 404,
  'notice/deal_not_awaiting_notice': 409,
  'notice/working_days_too_few': 400,
  'notice/not_open': 409,
  'notice/invalid_transition': 409,
  'notice/objection_period_over': 409,
  'notice/period_over': 409,
  'notice/objection_not_found': 404,
  'notice/objection_already_decided': 409,
  'notice/calendar_day_not_found': 404,
  'notice/calendar_kind_mismatch': 400,
  'notice/calendar_day_invalid': 400,
} as const;

export const NOTICE_STATUSES = ['open', 'cleared', 'blocked', 'withdrawn'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
/** Statuses the public board lists (a withdrawn notice stays reachable by its link). */
export const BOARD_STATUSES = ['open', 'cleared', 'blocked'] as const;
export const OBJECTION_STATUSES = ['pending', 'upheld', 'rejected'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];
export const OBJECTION_OUTCOMES = ['upheld', 'rejected'] as const;
export type ObjectionOutcome = (typeof OBJECTION_OUTCOMES)[number];
export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

/** A calendar date `YYYY-MM-DD`. */
export const DaySchema = z.iso.date();

export const PublishNoticeSchema = z.strictObject({
  dealId: z.uuid(),
  /** 成果完成人: inventors / team, as the seller publishes them. */
  contributors: z.string().trim().min(2).max(1000),
  /** How and where to object: the seller's procedure and contact. */
  objectionChannel: z.string().trim().min(10).max(2000),
  /** Notice period in working days; default and minimum are configured (15 each by default). */
  workingDays: z.number().int().min(1).max(60).optional(),
});
export type PublishNotice = z.infer<typeof PublishNoticeSchema>;

export const NoticeQuerySchema = PageQuerySchema.extend({
  status: z.enum(BOARD_STATUSES).optional(),
  q: z.string().trim().max(100).optional(),
  /** The notice of one deal (parties see it in any status, everyone else only on the board). */
  dealId: z.uuid().optional(),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type NoticeQuery = z.infer<typeof NoticeQuerySchema>;

/** One line of the public board. */
export const NoticeSummarySchema = z.object({
  id: z.uuid(),
  chainId: z.string(),
  achievementTitle: z.string(),
  sellerName: z.string(),
  buyerName: z.string(),
  priceFen: z.number().int(),
  pricingMethod: z.enum(DEAL_PRICING_METHODS),
  transferMode: z.enum(LISTING_MODES),
  startsOn: DaySchema,
  endsOn: DaySchema,
  workingDays: z.number().int(),
  status: z.enum(NOTICE_STATUSES),
  objectionCount: z.number().int(),
});
export type NoticeSummary = z.infer<typeof NoticeSummarySchema>;
export const NoticePageSchema = pageOf(NoticeSummarySchema);
export type NoticePage = z.infer<typeof NoticePageSchema>;

/** An objection as the seller side and operators see it (with the submitter's contact). */
export const ObjectionSchema = z.object({
  id: z.uuid(),
  submitterName: z.string(),
  submitterContact: z.string(),
  body: z.string(),
  status: z.enum(OBJECTION_STATUSES),
  decision: z.string().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  submittedAt: z.iso.datetime(),
});
export type Objection = z.infer<typeof ObjectionSchema>;

export const NoticeSchema = NoticeSummarySchema.extend({
  contributors: z.string(),
  objectionChannel: z.string(),
  publishedAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
  /** Objections are accepted until this instant (the end of `endsOn`, China time) while the notice is open. */
  objectionDeadline: z.iso.datetime(),
  acceptsObjections: z.boolean(),
  pendingObjectionCount: z.number().int(),
  /** The deal, for its parties and operators; null for the public. */
  dealId: z.uuid().nullable(),
  /** Objections with contacts and decisions: seller side and operators only; null for everyone else. */
  objections: z.array(ObjectionSchema).nullable(),
  canDecide: z.boolean(),
  canWithdraw: z.boolean(),
});
export type Notice = z.infer<typeof NoticeSchema>;

export const CreateObjectionSchema = z.strictObject({
  submitterName: z.string().trim().min(1).max(100),
  /** Phone or e-mail; shown to the seller and operators only. */
  submitterContact: z.string().trim().min(5).max(200),
  body: z.string().trim().min(10).max(5000),
});
export type CreateObjection = z.infer<typeof CreateObjectionSchema>;

export const ObjectionReceiptSchema = z.object({
  id: z.uuid(),
  noticeId: z.uuid(),
  status: z.enum(OBJECTION_STATUSES),
  submittedAt: z.iso.datetime(),
});
export type ObjectionReceipt = z.infer<typeof ObjectionReceiptSchema>;

export const DecideObjectionSchema = z.strictObject({
  outcome: z.enum(OBJECTION_OUTCOMES),
  /** The recorded decision (who decided what, on which grounds). */
  decision: z.string().trim().min(5).max(5000),
});
export type DecideObjection = z.infer<typeof DecideObjectionSchema>;

export const WithdrawNoticeSchema = z.strictObject({ reason: z.string().trim().max(1000).optional() });

export const NoticeObjectionParamsSchema = z.object({ id: z.uuid(), objectionId: z.uuid() });

// Working-day calendar ---------------------------------------------------------------------------

export const CalendarQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const CalendarDaySchema = z.object({ day: DaySchema, kind: z.enum(CALENDAR_DAY_KINDS), name: z.string() });
export type CalendarDay = z.infer<typeof CalendarDaySchema>;
export const CalendarYearSchema = z.object({ year: z.number().int(), days: z.array(CalendarDaySchema) });
export type CalendarYear = z.infer<typeof CalendarYearSchema>;
export const CalendarDayParamsSchema = z.object({ day: DaySchema });
export const PutCalendarDaySchema = z.strictObject({ kind: z.enum(CALENDAR_DAY_KINDS), name: z.string().trim().min(1).max(50) });
export type PutCalendarDay = z.infer<typeof PutCalendarDaySchema>;
