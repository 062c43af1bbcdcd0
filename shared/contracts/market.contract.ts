import { z } from 'zod';
import { FenSchema } from './achievements.contract';
import { InstantSchema, PageQuerySchema } from './common.contract';

// 技术市场: listings (挂牌), offers, deals. Auctions, tenders and public notices have their own contracts.

export const marketErrors = {
  'market/self_dealing': 409,
  'market/listing_not_found': 404,
  'market/listing_not_open': 409,
  'market/listing_not_editable': 409,
  'market/invalid_transition': 409,
  'market/achievement_not_published': 409,
  'market/licence_kind_required': 400,
  'market/price_required': 400,
  'market/period_invalid': 400,
  'market/own_listing': 403,
  'market/buyer_org_required': 403,
  'market/thread_not_found': 404,
  'market/offer_not_found': 404,
  'market/offer_not_open': 409,
  'market/offer_pending': 409,
  'market/not_your_turn': 403,
  'market/deal_not_found': 404,
  'market/document_too_large': 400,
  'market/document_invalid': 400,
  'market/document_not_found': 404,
  'market/fee_date_past': 400,
  'market/fee_schedule_exists': 409,
} as const;

/** 转让 / 许可 / 作价投资. */
export const LISTING_MODES = ['assign', 'license', 'equity'] as const;
export type ListingMode = (typeof LISTING_MODES)[number];
/** 独占 / 排他 / 普通 licence. */
export const LICENCE_KINDS = ['exclusive', 'sole', 'ordinary'] as const;
export type LicenceKind = (typeof LICENCE_KINDS)[number];
export const LISTING_STATUSES = ['draft', 'listed', 'in_auction', 'sold', 'withdrawn', 'expired'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];
export const OFFER_STATUSES = ['open', 'countered', 'accepted', 'declined', 'withdrawn', 'expired'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];
/** How the price was set (促进科技成果转化法 art 18: 协议定价 / 挂牌 / 拍卖; plus a buyer's tender). */
export const DEAL_PRICING_METHODS = ['negotiated', 'listing', 'auction', 'tender'] as const;
export type DealPricingMethod = (typeof DEAL_PRICING_METHODS)[number];
export const DEAL_STATUSES = ['awaiting_notice', 'in_notice', 'concluded', 'blocked', 'cancelled'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

/**
 * 促进科技成果转化法 art 18: a state-funded seller (fiscal project, public university or institute)
 * that sets the price by negotiation must publish the achievement and the price before concluding
 * (协议定价公示). A listing (挂牌) or an auction (拍卖) is itself public price discovery. A tender won
 * by a state-funded seller is a price the seller negotiated with one buyer, so it is noticed too.
 * Shared so the server's deal rules and the workspace's steps cannot drift apart.
 */
export function dealNeedsNotice(pricingMethod: DealPricingMethod, stateFunded: boolean): boolean {
  return stateFunded && (pricingMethod === 'negotiated' || pricingMethod === 'tender');
}

/** Money in fen: a non-negative integer (never a float); the achievements contract's `FenSchema`. */
export const MoneyFenSchema = FenSchema;

/** Rates in basis points (1/100 of a per cent): 0 … 10 000. */
export const BasisPointsSchema = z.number().int().min(0).max(10_000);

// ── Listings (挂牌) ───────────────────────────────────────────────────────────────────────────

export const LISTING_PRICINGS = ['fixed', 'negotiable'] as const;
export type ListingPricing = (typeof LISTING_PRICINGS)[number];
export const LISTING_ACTIONS = ['publish', 'withdraw'] as const;
/** Every action of the listing lifecycle: the owner's, the scheduler's, the auctions module's and a deal's. */
export type ListingAction = (typeof LISTING_ACTIONS)[number] | 'expire' | 'start_auction' | 'end_auction' | 'sell';

const ListingFields = {
  title: z.string().trim().min(2).max(200),
  mode: z.enum(LISTING_MODES),
  licenceKind: z.enum(LICENCE_KINDS),
  licenceTerritory: z.string().trim().max(200),
  licenceTermMonths: z.number().int().min(1).max(600),
  pricing: z.enum(LISTING_PRICINGS),
  priceFen: MoneyFenSchema,
  terms: z.string().trim().max(5000),
  dataRoom: z.string().trim().max(20_000),
  listedFrom: InstantSchema,
  listedUntil: InstantSchema,
};

export const CreateListingSchema = z.strictObject({
  achievementId: z.uuid(),
  /** Defaults to the achievement's title. */
  title: ListingFields.title.optional(),
  mode: ListingFields.mode,
  licenceKind: ListingFields.licenceKind.optional(),
  licenceTerritory: ListingFields.licenceTerritory.optional(),
  licenceTermMonths: ListingFields.licenceTermMonths.optional(),
  pricing: ListingFields.pricing,
  /** Required for a fixed price; the asking price of a negotiable listing (absent: price on request). */
  priceFen: ListingFields.priceFen.optional(),
  terms: ListingFields.terms.default(''),
  dataRoom: ListingFields.dataRoom.default(''),
  /** Defaults to the moment of publication. */
  listedFrom: ListingFields.listedFrom.optional(),
  listedUntil: ListingFields.listedUntil,
});
export type CreateListing = z.infer<typeof CreateListingSchema>;

/** PATCH body (drafts only): absent fields stay, `null` clears an optional one. */
export const UpdateListingSchema = z.strictObject({
  title: ListingFields.title.optional(),
  mode: ListingFields.mode.optional(),
  licenceKind: ListingFields.licenceKind.nullable().optional(),
  licenceTerritory: ListingFields.licenceTerritory.nullable().optional(),
  licenceTermMonths: ListingFields.licenceTermMonths.nullable().optional(),
  pricing: ListingFields.pricing.optional(),
  priceFen: ListingFields.priceFen.nullable().optional(),
  terms: ListingFields.terms.optional(),
  dataRoom: ListingFields.dataRoom.optional(),
  listedFrom: ListingFields.listedFrom.nullable().optional(),
  listedUntil: ListingFields.listedUntil.optional(),
});
export type UpdateListing = z.infer<typeof UpdateListingSchema>;

export const ListingSchema = z.object({
  id: z.uuid(),
  chainId: z.string(),
  achievementId: z.uuid(),
  title: z.string(),
  sellerOrgId: z.uuid(),
  sellerOrgName: z.string(),
  regionCode: z.string(),
  mode: z.enum(LISTING_MODES),
  licenceKind: z.enum(LICENCE_KINDS).nullable(),
  licenceTerritory: z.string().nullable(),
  licenceTermMonths: z.number().int().nullable(),
  pricing: z.enum(LISTING_PRICINGS),
  priceFen: z.number().int().nullable(),
  terms: z.string(),
  /** The data room: only for the seller side and users granted NDA access on the achievement. */
  dataRoom: z.string().nullable(),
  stateFunded: z.boolean(),
  status: z.enum(LISTING_STATUSES),
  listedFrom: z.string().nullable(),
  listedUntil: z.string().nullable(),
  closedReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The caller is on the seller side (may edit, publish, withdraw and answer offers). */
  canManage: z.boolean(),
  /** Organisations through which the caller may enquire and make offers. */
  buyerOrgs: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type Listing = z.infer<typeof ListingSchema>;

export const ListingQuerySchema = PageQuerySchema.extend({
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  mode: z.enum(LISTING_MODES).optional(),
  pricing: z.enum(LISTING_PRICINGS).optional(),
  /** Region code: the listing's region lies under it. */
  region: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  q: z.string().trim().max(100).optional(),
  /** The caller's organisations' listings, in every status. */
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  achievementId: z.uuid().optional(),
});
export type ListingQuery = z.infer<typeof ListingQuerySchema>;

// ── Negotiation: messages and offers ──────────────────────────────────────────────────────────

export const DECLINE_REASONS = ['price_too_low', 'terms_unacceptable', 'buyer_not_qualified', 'already_committed', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];
export const OFFER_ACTIONS = ['accept', 'decline', 'counter', 'withdraw'] as const;
export type OfferAction = (typeof OFFER_ACTIONS)[number] | 'expire' | 'lapse';
export const SIDES = ['buyer', 'seller'] as const;
export type Side = (typeof SIDES)[number];

export const OfferSchema = z.object({
  id: z.uuid(),
  listingId: z.uuid(),
  buyerOrgId: z.uuid(),
  fromSide: z.enum(SIDES),
  previousOfferId: z.uuid().nullable(),
  amountFen: z.number().int(),
  terms: z.string(),
  status: z.enum(OFFER_STATUSES),
  respondBy: z.string(),
  declineReason: z.enum(DECLINE_REASONS).nullable(),
  declineNote: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type Offer = z.infer<typeof OfferSchema>;

export const ThreadMessageSchema = z.object({
  id: z.uuid(),
  authorName: z.string(),
  fromSide: z.enum(SIDES),
  body: z.string(),
  createdAt: z.string(),
});
export type ThreadMessage = z.infer<typeof ThreadMessageSchema>;

export const ThreadSchema = z.object({
  listingId: z.uuid(),
  listingTitle: z.string(),
  buyerOrgId: z.uuid(),
  buyerOrgName: z.string(),
  /** The caller's side in this negotiation. */
  mySide: z.enum(SIDES),
  messages: z.array(ThreadMessageSchema),
  offers: z.array(OfferSchema),
  /** The deal an accepted offer of this thread opened. */
  dealId: z.uuid().nullable(),
});
export type Thread = z.infer<typeof ThreadSchema>;

export const ThreadSummarySchema = z.object({
  buyerOrgId: z.uuid(),
  buyerOrgName: z.string(),
  messageCount: z.number().int(),
  offerCount: z.number().int(),
  openOffer: OfferSchema.nullable(),
  lastActivityAt: z.string(),
});
export type ThreadSummary = z.infer<typeof ThreadSummarySchema>;

export const ThreadQuerySchema = z.object({ buyerOrgId: z.uuid().optional() });

export const CreateThreadMessageSchema = z.strictObject({
  body: z.string().trim().min(1).max(5000),
  /** The buyer organisation of the thread: required for the seller side; a buyer with several organisations picks one. */
  buyerOrgId: z.uuid().optional(),
});
export type CreateThreadMessage = z.infer<typeof CreateThreadMessageSchema>;

export const CreateOfferSchema = z.strictObject({
  amountFen: MoneyFenSchema,
  terms: z.string().trim().max(5000).default(''),
  buyerOrgId: z.uuid().optional(),
});
export type CreateOffer = z.infer<typeof CreateOfferSchema>;

export const CounterOfferSchema = z.strictObject({
  amountFen: MoneyFenSchema,
  terms: z.string().trim().max(5000).default(''),
});
export type CounterOffer = z.infer<typeof CounterOfferSchema>;

export const DeclineOfferSchema = z.strictObject({
  reason: z.enum(DECLINE_REASONS),
  note: z.string().trim().max(2000).default(''),
});
export type DeclineOffer = z.infer<typeof DeclineOfferSchema>;

export const OfferOutcomeSchema = z.object({
  offer: OfferSchema,
  /** The counter-offer made (counter). */
  counterOffer: OfferSchema.nullable(),
  /** The deal opened (accept). */
  dealId: z.uuid().nullable(),
});
export type OfferOutcome = z.infer<typeof OfferOutcomeSchema>;

// ── Deals ─────────────────────────────────────────────────────────────────────────────────────

export const PartySchema = z.object({ id: z.uuid(), name: z.string(), regionCode: z.string() });

export const DealSchema = z.object({
  id: z.uuid(),
  dealNo: z.string(),
  chainId: z.string(),
  title: z.string(),
  achievementId: z.uuid().nullable(),
  listingId: z.uuid().nullable(),
  offerId: z.uuid().nullable(),
  auctionId: z.uuid().nullable(),
  tenderId: z.uuid().nullable(),
  seller: PartySchema,
  buyer: PartySchema,
  transferMode: z.enum(LISTING_MODES),
  licenceKind: z.enum(LICENCE_KINDS).nullable(),
  pricingMethod: z.enum(DEAL_PRICING_METHODS),
  priceFen: z.number().int(),
  commissionFen: z.number().int(),
  stateFunded: z.boolean(),
  status: z.enum(DEAL_STATUSES),
  concludedAt: z.string().nullable(),
  createdAt: z.string(),
  /** The caller's side, or null for operators and administrators. */
  mySide: z.enum(SIDES).nullable(),
});
export type Deal = z.infer<typeof DealSchema>;

export const NoticeSummarySchema = z.object({ id: z.uuid(), status: z.string(), startsOn: z.string(), endsOn: z.string() });

export const DealDetailSchema = DealSchema.extend({
  offers: z.array(OfferSchema),
  contractDraft: z.record(z.string(), z.unknown()).nullable(),
  notice: NoticeSummarySchema.nullable(),
  /** The caller may publish the public notice now (seller side, deal awaiting its notice, none yet). */
  canPublishNotice: z.boolean(),
});
export type DealDetail = z.infer<typeof DealDetailSchema>;

export const DealQuerySchema = PageQuerySchema.extend({
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  role: z.enum(SIDES).optional(),
  status: z.enum(DEAL_STATUSES).optional(),
});
export type DealQuery = z.infer<typeof DealQuerySchema>;

/** Documents in the deal workspace: at most 1 MB of content. */
export const MAX_DOCUMENT_BYTES = 1_048_576;

export const DocumentMetaSchema = z.object({ name: z.string(), mediaType: z.string(), size: z.number().int(), sha256: z.string() });

export const DealMessageSchema = z.object({
  id: z.uuid(),
  authorName: z.string(),
  fromSide: z.enum(SIDES).nullable(),
  body: z.string(),
  document: DocumentMetaSchema.nullable(),
  createdAt: z.string(),
});
export type DealMessage = z.infer<typeof DealMessageSchema>;

export const CreateDealMessageSchema = z.strictObject({
  body: z.string().trim().max(5000).default(''),
  document: z
    .strictObject({
      name: z.string().trim().min(1).max(200),
      mediaType: z
        .string()
        .trim()
        .min(1)
        .max(100)
        .regex(/^[\w.+-]+\/[\w.+-]+$/),
      contentBase64: z.string().min(1).max(1_500_000),
    })
    .optional(),
});
export type CreateDealMessage = z.infer<typeof CreateDealMessageSchema>;

export const DealMessageParamsSchema = z.object({ id: z.uuid(), messageId: z.uuid() });

// ── Fee schedule ──────────────────────────────────────────────────────────────────────────────

export const FeeScheduleSchema = z.object({
  /** Null for the built-in default (no schedule configured). */
  effectiveFrom: z.string().nullable(),
  commissionBp: z.number().int(),
  depositBp: z.number().int(),
  depositMinFen: z.number().int(),
});
export type FeeSchedule = z.infer<typeof FeeScheduleSchema>;

export const FeeSchedulesSchema = z.object({ inForce: FeeScheduleSchema, upcoming: z.array(FeeScheduleSchema) });
export type FeeSchedules = z.infer<typeof FeeSchedulesSchema>;

export const CreateFeeScheduleSchema = z.strictObject({
  /** ISO date (China time) from which the schedule applies: today or later. */
  effectiveFrom: z.iso.date(),
  commissionBp: BasisPointsSchema,
  depositBp: BasisPointsSchema,
  depositMinFen: MoneyFenSchema,
});
export type CreateFeeSchedule = z.infer<typeof CreateFeeScheduleSchema>;
