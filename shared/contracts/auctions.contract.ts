// 拍卖: English auctions with registration, deposits, proxy bids and anti-sniping extension.

export const auctionErrors = {} as const;

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
