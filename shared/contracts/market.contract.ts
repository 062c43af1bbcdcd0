import { z } from 'zod';

// 技术市场: listings (挂牌), offers, deals. Auctions, tenders and public notices have their own contracts.

export const marketErrors = {
  'market/self_dealing': 409,
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

/** Money in fen: a non-negative integer (never a float). */
export const MoneyFenSchema = z.number().int().min(0).max(1e15);
