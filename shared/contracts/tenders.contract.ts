// 招标: reverse tenders on demands with sealed proposals and weighted criteria.

export const tenderErrors = {} as const;

export const TENDER_STATUSES = ['draft', 'open', 'opened', 'awarded', 'failed', 'cancelled'] as const;
export type TenderStatus = (typeof TENDER_STATUSES)[number];
export const PROPOSAL_STATUSES = ['sealed', 'opened', 'awarded', 'unsuccessful', 'withdrawn'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
/** A published scoring criterion; weights of a tender sum to 100. `price` is scored by formula. */
export type TenderCriterion = { key: string; label: string; weight: number; kind: 'price' | 'manual' };
