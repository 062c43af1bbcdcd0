import { z } from 'zod';
import { InstantSchema } from './common.contract';
import { MoneyFenSchema } from './market.contract';

// 拍卖: English auctions with registration, deposits, proxy bids and anti-sniping extension.

export const auctionErrors = {
  'auction/not_found': 404,
  'auction/registration_not_found': 404,
  'auction/invalid_transition': 409,
  'auction/listing_unavailable': 409,
  'auction/schedule_invalid': 400,
  'auction/increments_invalid': 400,
  'auction/reserve_below_start': 400,
  'auction/bid_too_low': 409,
  'auction/not_live': 409,
  'auction/not_registered': 403,
  'auction/not_approved': 403,
  'auction/deposit_not_held': 403,
  'auction/seller_cannot_bid': 403,
  'auction/already_leading': 409,
  'auction/already_registered': 409,
  'auction/registration_closed': 409,
  'auction/registration_decided': 409,
  'auction/deposit_invalid': 409,
  'auction/not_closed': 409,
  'auction/result_published': 409,
} as const;

export const AUCTION_STATUSES = ['draft', 'scheduled', 'closed_sold', 'closed_unsold', 'cancelled'] as const;
export type AuctionStatus = (typeof AUCTION_STATUSES)[number];
export const REGISTRATION_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const DEPOSIT_STATUSES = ['due', 'held', 'refunded', 'forfeited', 'applied'] as const;
export type DepositStatus = (typeof DEPOSIT_STATUSES)[number];
export const DEPOSIT_ENTRIES = ['held', 'refunded', 'forfeited', 'applied'] as const;
export type DepositEntry = (typeof DEPOSIT_ENTRIES)[number];
/** From `fromFen` upwards, each bid must exceed the current price by at least `stepFen`. */
export type IncrementStep = { fromFen: number; stepFen: number };

/** Derived phase: `live` = scheduled and startsAt ≤ now < endsAt. */
export const AUCTION_PHASES = ['draft', 'upcoming', 'live', 'closed', 'cancelled'] as const;
export type AuctionPhase = (typeof AUCTION_PHASES)[number];
export const MY_AUCTION_STATES = ['not_registered', 'awaiting_approval', 'rejected', 'deposit_due', 'bidding', 'leading', 'outbid', 'won', 'lost'] as const;
export type MyAuctionState = (typeof MY_AUCTION_STATES)[number];
export const BID_KINDS = ['manual', 'proxy'] as const;

export const IncrementStepSchema = z.object({ fromFen: MoneyFenSchema, stepFen: MoneyFenSchema.min(1) });

export const CreateAuctionSchema = z.object({
  listingId: z.uuid(),
  startPriceFen: MoneyFenSchema.min(1),
  reserveFen: MoneyFenSchema.nullish(),
  increments: z.array(IncrementStepSchema).min(1).max(20),
  startsAt: InstantSchema,
  endsAt: InstantSchema,
  extensionMinutes: z.number().int().min(0).max(60),
});
export type CreateAuction = z.infer<typeof CreateAuctionSchema>;

export const CancelAuctionSchema = z.object({ reason: z.string().trim().min(1).max(500) });

export const AuctionSummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  phase: z.enum(AUCTION_PHASES),
  status: z.enum(AUCTION_STATUSES),
  startsAt: z.string(),
  endsAt: z.string(),
  startPriceFen: z.number().int(),
  currentPriceFen: z.number().int().nullable(),
  bidCount: z.number().int(),
  regionCode: z.string(),
  resultPublishedAt: z.string().nullable(),
});
export type AuctionSummary = z.infer<typeof AuctionSummarySchema>;

export const AuctionSchema = AuctionSummarySchema.extend({
  chainId: z.string(),
  listingId: z.uuid(),
  achievementId: z.uuid().nullable(),
  sellerOrgId: z.uuid(),
  sellerOrgName: z.string(),
  /** Only to the seller organisation and operators; null for everyone else. */
  reserveFen: z.number().int().nullable(),
  /** null when there is no reserve (or no bid yet and no reserve). */
  reserveMet: z.boolean().nullable(),
  increments: z.array(IncrementStepSchema),
  depositFen: z.number().int(),
  scheduledEndsAt: z.string(),
  extensionMinutes: z.number().int(),
  lastSeq: z.number().int(),
  nextMinFen: z.number().int(),
  leadingPaddleNo: z.number().int().nullable(),
  closedAt: z.string().nullable(),
  /** Only to the parties and operators. */
  dealId: z.uuid().nullable(),
  serverNow: z.string(),
  canManage: z.boolean(),
  canOperate: z.boolean(),
});
export type Auction = z.infer<typeof AuctionSchema>;

export const AuctionQuerySchema = z.object({
  phase: z.enum(['upcoming', 'live', 'closed']).optional(),
  /** `operate`: every auction in the caller's operator regions (any status); `mine`: the caller's organisations' auctions. */
  scope: z.enum(['public', 'operate', 'mine']).default('public'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type AuctionQuery = z.infer<typeof AuctionQuerySchema>;

export const BidSchema = z.object({
  seq: z.number().int(),
  amountFen: z.number().int(),
  paddleNo: z.number().int(),
  kind: z.enum(BID_KINDS),
  placedAt: z.string(),
});
export type Bid = z.infer<typeof BidSchema>;

export const PlaceBidSchema = z.object({
  amountFen: MoneyFenSchema.min(1),
  clientKey: z.string().regex(/^[A-Za-z0-9_.:-]{8,100}$/, 'clientKey: 8–100 characters of A–Z a–z 0–9 _ . : -'),
});
export type PlaceBid = z.infer<typeof PlaceBidSchema>;

export const AuctionLiveStateSchema = z.object({
  currentPriceFen: z.number().int().nullable(),
  lastSeq: z.number().int(),
  endsAt: z.string(),
  leadingPaddleNo: z.number().int().nullable(),
  nextMinFen: z.number().int(),
  bidCount: z.number().int(),
});
export type AuctionLiveState = z.infer<typeof AuctionLiveStateSchema>;

export const PlaceBidResultSchema = z.object({
  bid: BidSchema,
  proxyBids: z.array(BidSchema),
  auction: AuctionLiveStateSchema,
  replayed: z.boolean(),
});
export type PlaceBidResult = z.infer<typeof PlaceBidResultSchema>;

export const SetProxySchema = z.object({ maxFen: MoneyFenSchema.min(1) });
export const SetProxyResultSchema = z.object({
  proxyMaxFen: z.number().int(),
  bids: z.array(BidSchema),
  auction: AuctionLiveStateSchema,
});
export type SetProxyResult = z.infer<typeof SetProxyResultSchema>;

export const BidListSchema = z.object({ items: z.array(BidSchema) });

export const RegistrationSchema = z.object({
  id: z.uuid(),
  auctionId: z.uuid(),
  bidderOrgId: z.uuid(),
  bidderOrgName: z.string(),
  paddleNo: z.number().int(),
  qualification: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  depositStatus: z.enum(DEPOSIT_STATUSES),
  decisionNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Registration = z.infer<typeof RegistrationSchema>;

export const CreateRegistrationSchema = z.object({
  bidderOrgId: z.uuid(),
  qualification: z.string().trim().min(2).max(4000),
});
export const RejectRegistrationSchema = z.object({ reason: z.string().trim().min(1).max(500) });
export const RegistrationParamsSchema = z.object({ id: z.uuid(), registrationId: z.uuid() });

export const RecordDepositSchema = z.object({
  entry: z.enum(['held', 'refunded', 'forfeited']),
  amountFen: MoneyFenSchema.min(1),
  reference: z.string().trim().max(200).optional(),
});

export const DepositEntrySchema = z.object({
  id: z.uuid(),
  entry: z.enum(DEPOSIT_ENTRIES),
  amountFen: z.number().int(),
  reference: z.string().nullable(),
  recordedAt: z.string(),
});

export const RegistrationWithDepositsSchema = RegistrationSchema.extend({ deposits: z.array(DepositEntrySchema) });
export type RegistrationWithDeposits = z.infer<typeof RegistrationWithDepositsSchema>;
export const RegistrationListSchema = z.object({ items: z.array(RegistrationWithDepositsSchema) });

export const MyAuctionSchema = z.object({
  state: z.enum(MY_AUCTION_STATES),
  registration: RegistrationSchema.nullable(),
  proxyMaxFen: z.number().int().nullable(),
});
export type MyAuction = z.infer<typeof MyAuctionSchema>;

/** Server-Sent Events on /auctions/:id/events. */
export type AuctionStreamEvent =
  | { type: 'snapshot'; auction: AuctionLiveState & { status: AuctionStatus }; bids: Bid[]; serverNow: string }
  | { type: 'bid'; bid: Bid; auction: AuctionLiveState }
  | { type: 'extended'; endsAt: string }
  | { type: 'closed'; status: AuctionStatus };
