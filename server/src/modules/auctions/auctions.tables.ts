import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type {
  AuctionStatus,
  DepositEntry,
  DepositStatus,
  IncrementStep,
  RegistrationStatus,
} from '../../../../shared/contracts/auctions.contract';
import { users } from '../auth/auth.tables';
import { marketListings } from '../market/market.tables';
import { organisations } from '../organisations/organisations.tables';
import { regions } from '../regions/regions.tables';

/**
 * 拍卖: an English auction of a listed achievement. The row is the auction's lock: every bid takes
 * `FOR UPDATE` on it, so bids on one auction are serialised while different auctions run in parallel.
 */
export const auctions = pgTable(
  'auctions',
  {
    id: uuid().primaryKey().defaultRandom(),
    chainId: text().notNull(),
    listingId: uuid()
      .notNull()
      .references(() => marketListings.id),
    sellerOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    /** The operator region that runs this auction (the seller's region). */
    regionCode: text()
      .notNull()
      .references(() => regions.code),
    title: text().notNull(),
    startPriceFen: bigint({ mode: 'number' }).notNull(),
    /** Secret reserve: never shown to bidders; below it the auction ends unsold. */
    reserveFen: bigint({ mode: 'number' }),
    increments: jsonb().$type<IncrementStep[]>().notNull(),
    depositFen: bigint({ mode: 'number' }).notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    /** Current end; anti-sniping extensions move it. */
    endsAt: timestamp({ withTimezone: true }).notNull(),
    scheduledEndsAt: timestamp({ withTimezone: true }).notNull(),
    extensionMinutes: integer().notNull(),
    status: text().$type<AuctionStatus>().notNull().default('draft'),
    /** Sequence of the last accepted bid (0: none); bids are numbered 1, 2, 3 … per auction. */
    lastSeq: integer().notNull().default(0),
    currentPriceFen: bigint({ mode: 'number' }),
    leadingRegistrationId: uuid(),
    bidCount: integer().notNull().default(0),
    closedAt: timestamp({ withTimezone: true }),
    /** Which process closed it (host:pid); there is exactly one close per auction. */
    closedBy: text(),
    resultPublishedAt: timestamp({ withTimezone: true }),
    dealId: uuid(),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('auctions_status_idx').on(t.status, t.endsAt), index('auctions_listing_idx').on(t.listingId)],
);

/** A bidder's registration: qualification approved by the operator, deposit held before bidding. */
export const auctionRegistrations = pgTable(
  'auction_registrations',
  {
    id: uuid().primaryKey().defaultRandom(),
    auctionId: uuid()
      .notNull()
      .references(() => auctions.id),
    bidderOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    /** Paddle number shown in the public bid history instead of the bidder's name. */
    paddleNo: integer().notNull(),
    qualification: text().notNull(),
    status: text().$type<RegistrationStatus>().notNull().default('pending'),
    depositStatus: text().$type<DepositStatus>().notNull().default('due'),
    /** Proxy bid: the system bids for this bidder up to this amount. */
    proxyMaxFen: bigint({ mode: 'number' }),
    decisionNote: text(),
    decidedBy: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('auction_registrations_bidder_key').on(t.auctionId, t.bidderOrgId),
    unique('auction_registrations_paddle_key').on(t.auctionId, t.paddleNo),
  ],
);

/** 保证金 ledger: append-only movements of bidders' deposits. */
export const depositLedger = pgTable(
  'deposit_ledger',
  {
    id: uuid().primaryKey().defaultRandom(),
    auctionId: uuid()
      .notNull()
      .references(() => auctions.id),
    registrationId: uuid()
      .notNull()
      .references(() => auctionRegistrations.id),
    entry: text().$type<DepositEntry>().notNull(),
    amountFen: bigint({ mode: 'number' }).notNull(),
    reference: text(),
    recordedBy: uuid().references(() => users.id),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('deposit_ledger_auction_idx').on(t.auctionId, t.registrationId)],
);

/** Accepted bids. `seq` and `amountFen` both strictly increase within an auction. */
export const auctionBids = pgTable(
  'auction_bids',
  {
    id: uuid().primaryKey().defaultRandom(),
    auctionId: uuid()
      .notNull()
      .references(() => auctions.id),
    seq: integer().notNull(),
    registrationId: uuid()
      .notNull()
      .references(() => auctionRegistrations.id),
    amountFen: bigint({ mode: 'number' }).notNull(),
    kind: text().$type<'manual' | 'proxy'>().notNull(),
    /** The client's key for a manual bid: a retried request returns the same bid. */
    clientKey: text(),
    /** Which process accepted it (host:pid). */
    acceptedBy: text(),
    placedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    unique('auction_bids_seq_key').on(t.auctionId, t.seq),
    unique('auction_bids_amount_key').on(t.auctionId, t.amountFen),
    unique('auction_bids_client_key').on(t.auctionId, t.registrationId, t.clientKey),
    index('auction_bids_registration_idx')
      .on(t.registrationId)
      .where(sql`kind = 'manual'`),
  ],
);
