import type { DealPricingMethod, LicenceKind, ListingMode } from '#shared/contracts/market.contract';

/** Organisation types that are public bodies for 促进科技成果转化法 art 18 (state-owned research results). */
const PUBLIC_ORG_TYPES: readonly string[] = ['university', 'research_institute'];

/**
 * A listing is state-funded when the achievement came from a fiscal project or the seller is a
 * public university or research institute: a price found by negotiation then needs a public notice.
 */
export function isStateFunded(funding: { fiscal?: boolean } | null | undefined, sellerOrgType: string): boolean {
  return funding?.fiscal === true || PUBLIC_ORG_TYPES.includes(sellerOrgType);
}

/**
 * How the price of an accepted offer was found: a fixed-price listing accepted at its listed price
 * is 挂牌 (public price discovery); anything else — a negotiable listing, or a fixed one at another
 * amount — is 协议定价.
 */
export function pricingMethodOf(
  listing: { pricing: 'fixed' | 'negotiable'; priceFen: number | null },
  amountFen: number,
): DealPricingMethod {
  return listing.pricing === 'fixed' && listing.priceFen === amountFen ? 'listing' : 'negotiated';
}

/** An ordinary (普通) licence can be granted many times: the listing stays listed after a deal. */
export function listingSoldByDeal(mode: ListingMode, licenceKind: LicenceKind | null): boolean {
  return !(mode === 'license' && licenceKind === 'ordinary');
}

/** When an offer made at `now` must be answered: `days` calendar days later (configurable, default 7). */
export function respondByFrom(now: Date, days: number): Date {
  return new Date(now.getTime() + days * 86_400_000);
}

/** Decoded size of base64 content, or null when it is not base64. */
export function decodeBase64(content: string): Buffer | null {
  const clean = content.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) {
    return null;
  }
  return Buffer.from(clean, 'base64');
}
