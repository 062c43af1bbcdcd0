import type { ContractSubtype, LicenceMode } from '#shared/contracts/registrations.contract';
import {
  dealNeedsNotice,
  type DealPricingMethod,
  type DealStatus,
  type ListingMode,
  type LicenceKind,
} from '#shared/contracts/market.contract';

/** The notice rule lives in the contract (the web client draws the same steps); re-exported for the server. */
export { dealNeedsNotice };

/** The status a new deal starts in. */
export function initialDealStatus(pricingMethod: DealPricingMethod, stateFunded: boolean): DealStatus {
  return dealNeedsNotice(pricingMethod, stateFunded) ? 'awaiting_notice' : 'concluded';
}

/** Commission in fen: price × rate (basis points), rounded half up, in integer arithmetic. */
export function commissionFen(priceFen: number, commissionBp: number): number {
  return Number((BigInt(priceFen) * BigInt(commissionBp) + 5_000n) / 10_000n);
}

/** Deposit in fen: start price × rate (basis points), at least the floor. */
export function depositFen(startPriceFen: number, depositBp: number, depositMinFen: number): number {
  return Math.max(depositMinFen, Number((BigInt(startPriceFen) * BigInt(depositBp) + 5_000n) / 10_000n));
}

/**
 * The technology-contract category a deal will be registered under (技术合同认定登记, domain §1.2):
 * assignment → 技术转让 (patent right when a granted patent is involved, else technical secret),
 * licence → 技术许可 with its kind, equity → 技术转让 (作价投资 is an assignment of the right into the company).
 */
export function contractCategoryOf(
  mode: ListingMode,
  licenceKind: LicenceKind | null,
  ipKinds: readonly string[],
): { type: 'TRF' | 'LIC'; subtype: ContractSubtype; licenceMode: LicenceMode | null } {
  // Codes of the `contract-types` code list; 作价投资 (技术入股) is registered as a transfer (domain-cn §1.2).
  if (mode === 'license') {
    const subtype: ContractSubtype = ipKinds.includes('patent') || ipKinds.includes('patent_application') ? 'LIC-PAT' : ipKinds.includes('know_how') ? 'LIC-SEC' : 'LIC-OTH';
    // 解释 art 25: an unspecified licence is 普通 (non-exclusive).
    const licenceMode: LicenceMode = licenceKind === 'exclusive' ? 'exclusive' : licenceKind === 'sole' ? 'sole' : 'non_exclusive';
    return { type: 'LIC', subtype, licenceMode: subtype === 'LIC-OTH' ? null : licenceMode };
  }
  if (ipKinds.includes('patent')) {
    return { type: 'TRF', subtype: 'TRF-PAT', licenceMode: null };
  }
  if (ipKinds.includes('patent_application')) {
    return { type: 'TRF', subtype: 'TRF-APP', licenceMode: null };
  }
  if (ipKinds.includes('know_how')) {
    return { type: 'TRF', subtype: 'TRF-SEC', licenceMode: null };
  }
  return { type: 'TRF', subtype: 'TRF-OTH', licenceMode: null };
}

/** Fees when the market has none configured: 1 % commission, deposit 10 % of the start price, at least ¥10,000. */
export const DEFAULT_FEES = { commissionBp: 100, depositBp: 1_000, depositMinFen: 1_000_000 } as const;
