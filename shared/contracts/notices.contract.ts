// 协议定价公示: public notices of negotiated deals, objections, the working-day calendar.

export const noticeErrors = {} as const;

export const NOTICE_STATUSES = ['open', 'cleared', 'blocked', 'withdrawn'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
export const OBJECTION_STATUSES = ['pending', 'upheld', 'rejected'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];
