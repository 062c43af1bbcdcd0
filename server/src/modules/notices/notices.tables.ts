import { bigint, date, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { NoticeStatus, ObjectionStatus } from '../../../../shared/contracts/notices.contract';
import { users } from '../auth/auth.tables';
import { marketDeals } from '../market/market.tables';
import { organisations } from '../organisations/organisations.tables';

/**
 * The working-day calendar: dates that differ from "Monday–Friday work, weekend rest". `holiday`
 * marks a statutory holiday on a weekday; `workday` a weekend day worked in exchange (调休).
 * Operators keep it current from the State Council's yearly notice.
 */
export const calendarDays = pgTable('calendar_days', {
  day: date().primaryKey(),
  kind: text().$type<'holiday' | 'workday'>().notNull(),
  name: text().notNull(),
  updatedBy: uuid().references(() => users.id),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** 协议定价公示: the public notice a state-funded seller must give before concluding a negotiated deal. */
export const publicNotices = pgTable(
  'public_notices',
  {
    id: uuid().primaryKey().defaultRandom(),
    dealId: uuid()
      .notNull()
      .references(() => marketDeals.id),
    chainId: text().notNull(),
    sellerOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    /** What the public sees, frozen at publication. */
    achievementTitle: text().notNull(),
    sellerName: text().notNull(),
    buyerName: text().notNull(),
    /** 成果完成人 (inventors / team), as published by the seller. */
    contributors: text().notNull().default(''),
    priceFen: bigint({ mode: 'number' }).notNull(),
    pricingMethod: text().notNull(),
    transferMode: text().notNull(),
    /** How to object: the seller's published procedure and contact. */
    objectionChannel: text().notNull(),
    workingDays: integer().notNull(),
    startsOn: date().notNull(),
    /** Last day of the notice (inclusive); it expires at the end of this day, China time. */
    endsOn: date().notNull(),
    status: text().$type<NoticeStatus>().notNull().default('open'),
    publishedBy: uuid().references(() => users.id),
    publishedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp({ withTimezone: true }),
  },
  (t) => [unique('public_notices_deal_key').on(t.dealId), index('public_notices_status_idx').on(t.status, t.endsOn)],
);

/** An objection to a notice; decided by the seller's organisation with a recorded reason. */
export const noticeObjections = pgTable(
  'notice_objections',
  {
    id: uuid().primaryKey().defaultRandom(),
    noticeId: uuid()
      .notNull()
      .references(() => publicNotices.id),
    /** Anyone may object, signed in or not; a contact is required to answer them. */
    submitterName: text().notNull(),
    submitterContact: text().notNull(),
    submittedBy: uuid().references(() => users.id),
    body: text().notNull(),
    status: text().$type<ObjectionStatus>().notNull().default('pending'),
    decision: text(),
    decidedBy: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notice_objections_notice_idx').on(t.noticeId)],
);
