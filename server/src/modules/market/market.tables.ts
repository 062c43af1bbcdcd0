import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type {
  DealPricingMethod,
  DealStatus,
  LicenceKind,
  ListingMode,
  ListingStatus,
  OfferStatus,
} from '../../../../shared/contracts/market.contract';
import { achievements } from '../achievements/achievements.tables';
import { users } from '../auth/auth.tables';
import { demands } from '../demands/demands.tables';
import { organisations } from '../organisations/organisations.tables';
import { regions } from '../regions/regions.tables';

/**
 * Fee schedule of the market, dated: the schedule in force on a day is the latest row whose
 * `effectiveFrom` is on or before it. Rates in basis points (1/100 of a per cent), money in fen.
 */
export const marketFeeSchedules = pgTable('market_fee_schedules', {
  id: uuid().primaryKey().defaultRandom(),
  effectiveFrom: date().notNull().unique(),
  /** Commission charged on a concluded deal's price, basis points. */
  commissionBp: integer().notNull(),
  /** Auction deposit (保证金) as a share of the start price, basis points, with a floor in fen. */
  depositBp: integer().notNull(),
  depositMinFen: bigint({ mode: 'number' }).notNull(),
  createdBy: uuid().references(() => users.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** 挂牌: an achievement offered for assignment, licence or equity at a fixed or negotiable price for a period. */
export const marketListings = pgTable(
  'market_listings',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The achievement's chain id: one id from catalogue to contract registration. */
    chainId: text().notNull(),
    achievementId: uuid()
      .notNull()
      .references(() => achievements.id),
    sellerOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    createdBy: uuid().references(() => users.id),
    regionCode: text()
      .notNull()
      .references(() => regions.code),
    title: text().notNull(),
    mode: text().$type<ListingMode>().notNull(),
    licenceKind: text().$type<LicenceKind>(),
    licenceTerritory: text(),
    licenceTermMonths: integer(),
    pricing: text().$type<'fixed' | 'negotiable'>().notNull(),
    /** Fixed price, or the asking price of a negotiable listing (null: price on request). */
    priceFen: bigint({ mode: 'number' }),
    terms: text().notNull().default(''),
    /** Data-room text behind the achievement's NDA access grant. */
    dataRoom: text().notNull().default(''),
    /** Seller is state-funded (fiscal project or public university/institute): negotiated prices need a public notice. */
    stateFunded: boolean().notNull(),
    status: text().$type<ListingStatus>().notNull().default('draft'),
    listedFrom: timestamp({ withTimezone: true }),
    listedUntil: timestamp({ withTimezone: true }),
    closedReason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('market_listings_status_idx').on(t.status, t.listedUntil),
    index('market_listings_seller_idx').on(t.sellerOrgId),
    index('market_listings_achievement_idx').on(t.achievementId),
  ],
);

/**
 * Enquiries and offers on a listing. A negotiation with one buyer organisation is a chain of offers
 * (`previousOfferId`); each waits for the other side's answer until `respondBy`.
 */
export const marketOffers = pgTable(
  'market_offers',
  {
    id: uuid().primaryKey().defaultRandom(),
    listingId: uuid()
      .notNull()
      .references(() => marketListings.id),
    buyerOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    /** Who made this offer: the buyer, or the seller countering. */
    fromSide: text().$type<'buyer' | 'seller'>().notNull(),
    previousOfferId: uuid(),
    amountFen: bigint({ mode: 'number' }).notNull(),
    terms: text().notNull().default(''),
    status: text().$type<OfferStatus>().notNull().default('open'),
    respondBy: timestamp({ withTimezone: true }).notNull(),
    declineReason: text(),
    declineNote: text(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    decidedBy: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('market_offers_listing_idx').on(t.listingId, t.buyerOrgId),
    index('market_offers_open_idx')
      .on(t.respondBy)
      .where(sql`status = 'open'`),
  ],
);

/**
 * A deal: the agreed transaction, from an accepted offer, an auction hammer or a tender award.
 * It carries the achievement's (or demand's) chain id into contract registration.
 */
export const marketDeals = pgTable(
  'market_deals',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Human-readable deal number, e.g. `JY2026-000123`. */
    dealNo: text().notNull(),
    chainId: text().notNull(),
    achievementId: uuid().references(() => achievements.id),
    demandId: uuid().references(() => demands.id),
    listingId: uuid().references(() => marketListings.id),
    offerId: uuid().references(() => marketOffers.id),
    /** Set by the auctions and tenders modules (no foreign key: those tables live in their modules). */
    auctionId: uuid(),
    tenderId: uuid(),
    sellerOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    buyerOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    title: text().notNull(),
    transferMode: text().$type<ListingMode>().notNull(),
    licenceKind: text().$type<LicenceKind>(),
    pricingMethod: text().$type<DealPricingMethod>().notNull(),
    priceFen: bigint({ mode: 'number' }).notNull(),
    commissionFen: bigint({ mode: 'number' }).notNull(),
    stateFunded: boolean().notNull(),
    status: text().$type<DealStatus>().notNull(),
    /** Pre-filled technology-contract registration (next stage of the chain), set on conclusion. */
    contractDraft: jsonb().$type<Record<string, unknown>>(),
    concludedAt: timestamp({ withTimezone: true }),
    cancelledReason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('market_deals_deal_no_key').on(t.dealNo),
    // One deal per accepted offer, auction or tender: a retried close never makes a second deal.
    unique('market_deals_offer_key').on(t.offerId),
    unique('market_deals_auction_key').on(t.auctionId),
    unique('market_deals_tender_key').on(t.tenderId),
    index('market_deals_seller_idx').on(t.sellerOrgId),
    index('market_deals_buyer_idx').on(t.buyerOrgId),
    index('market_deals_chain_idx').on(t.chainId),
  ],
);

/** Messages of a negotiation (listing × buyer organisation) or of a deal workspace. */
export const marketMessages = pgTable(
  'market_messages',
  {
    id: uuid().primaryKey().defaultRandom(),
    listingId: uuid().references(() => marketListings.id),
    buyerOrgId: uuid().references(() => organisations.id),
    dealId: uuid().references(() => marketDeals.id),
    authorId: uuid()
      .notNull()
      .references(() => users.id),
    body: text().notNull(),
    /** A document shared in the deal workspace: file name, media type, size and SHA-256 of the content. */
    document: jsonb().$type<{ name: string; mediaType: string; size: number; sha256: string }>(),
    documentContent: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('market_messages_thread_idx').on(t.listingId, t.buyerOrgId, t.createdAt),
    index('market_messages_deal_idx').on(t.dealId, t.createdAt),
  ],
);
