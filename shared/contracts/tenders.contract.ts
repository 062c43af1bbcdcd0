import { z } from 'zod';
import { InstantSchema, PageQuerySchema } from './common.contract';
import { MoneyFenSchema } from './market.contract';

// 招标: reverse tenders on demands with sealed proposals and weighted criteria.

export const tenderErrors = {
  'tender/not_found': 404,
  'tender/proposal_not_found': 404,
  'tender/invalid_transition': 409,
  'tender/not_editable': 409,
  /** Criteria: weights must be integers summing to 100, keys unique, at most one price criterion. */
  'tender/criteria_weights_sum': 400,
  'tender/criteria_duplicate_key': 400,
  'tender/criteria_price_count': 400,
  'tender/deadline_too_soon': 400,
  'tender/demand_not_published': 409,
  'tender/budget_exceeded': 400,
  'tender/deadline_passed': 409,
  'tender/not_open': 409,
  'tender/own_tender': 403,
  'tender/bidder_org_required': 400,
  'tender/bidder_not_verified': 403,
  'tender/achievement_not_owned': 400,
  'tender/proposal_not_sealed': 409,
  'tender/not_opened': 409,
  'tender/score_invalid': 400,
  'tender/scores_incomplete': 409,
} as const;

export const TENDER_STATUSES = ['draft', 'open', 'opened', 'awarded', 'failed', 'cancelled'] as const;
export type TenderStatus = (typeof TENDER_STATUSES)[number];
/** `released`: the tender was cancelled before opening; the proposal was never opened. */
export const PROPOSAL_STATUSES = ['sealed', 'opened', 'awarded', 'unsuccessful', 'withdrawn', 'released'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
/** What a tender can go through: publish, cancel, open (scheduler), lapse (no proposals at the deadline), award, fail. */
export const TENDER_ACTIONS = ['publish', 'cancel', 'open', 'lapse', 'award', 'fail'] as const;
export type TenderAction = (typeof TENDER_ACTIONS)[number];
export const TRANSFER_MODES = ['assign', 'license'] as const;

/** A published scoring criterion; weights of a tender sum to 100. `price` is scored by formula. */
export type TenderCriterion = { key: string; label: string; weight: number; kind: 'price' | 'manual' };

export const MAX_CRITERIA = 10;

export const TenderCriterionSchema = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,31}$/, 'lowercase letters, digits and _'),
  label: z.string().trim().min(1).max(60),
  weight: z.number().int().min(1).max(100),
  kind: z.enum(['price', 'manual']),
});

/**
 * Consistency of a criteria list beyond each item's shape: integer weights summing to 100, unique
 * keys, at most one price criterion. Shared by the server (which refuses) and the web form.
 */
export function criteriaProblems(
  criteria: readonly TenderCriterion[],
): {
  path: string;
  code: 'tender/criteria_weights_sum' | 'tender/criteria_duplicate_key' | 'tender/criteria_price_count';
  params?: Record<string, unknown>;
}[] {
  const problems: ReturnType<typeof criteriaProblems> = [];
  const seen = new Set<string>();
  criteria.forEach((c, i) => {
    if (seen.has(c.key)) {
      problems.push({ path: `criteria.${i}.key`, code: 'tender/criteria_duplicate_key', params: { key: c.key } });
    }
    seen.add(c.key);
  });
  const prices = criteria.filter((c) => c.kind === 'price').length;
  if (prices > 1) {
    problems.push({ path: 'criteria', code: 'tender/criteria_price_count', params: { count: prices } });
  }
  const sum = criteria.reduce((s, c) => s + c.weight, 0);
  if (sum !== 100 || criteria.some((c) => !Number.isInteger(c.weight))) {
    problems.push({ path: 'criteria', code: 'tender/criteria_weights_sum', params: { sum } });
  }
  return problems;
}

const CriteriaSchema = z.array(TenderCriterionSchema).min(1).max(MAX_CRITERIA);

export const CreateTenderSchema = z.object({
  demandId: z.uuid(),
  title: z.string().trim().min(2).max(200),
  description: z.string().trim().min(1).max(10_000),
  criteria: CriteriaSchema,
  budgetMaxFen: MoneyFenSchema.nullish(),
  /** ISO instant; the server's clock decides whether it is far enough ahead. */
  deadline: InstantSchema,
});
export type CreateTender = z.infer<typeof CreateTenderSchema>;

export const UpdateTenderSchema = CreateTenderSchema.omit({ demandId: true }).partial();
export type UpdateTender = z.infer<typeof UpdateTenderSchema>;

export const TenderReasonSchema = z.object({ reason: z.string().trim().min(2).max(2000) });
export type TenderReason = z.infer<typeof TenderReasonSchema>;

export const AwardTenderSchema = z.object({ proposalId: z.uuid(), reason: z.string().trim().min(2).max(2000) });
export type AwardTender = z.infer<typeof AwardTenderSchema>;

export const PUBLIC_TENDER_STATUSES = ['open', 'opened', 'awarded', 'failed', 'cancelled'] as const;

export const TenderQuerySchema = PageQuerySchema.extend({
  status: z.enum(PUBLIC_TENDER_STATUSES).optional(),
  demandId: z.uuid().optional(),
  /** The caller's organisations' tenders, drafts included. */
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type TenderQuery = z.infer<typeof TenderQuerySchema>;

/** One row of the public list (the market home uses exactly these fields). */
export const TenderSummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  buyerName: z.string(),
  deadline: z.string(),
  budgetMaxFen: z.number().int().nullable(),
  status: z.enum(TENDER_STATUSES),
  /** Sealed proposals are counted, never named, before opening. */
  proposalCount: z.number().int(),
});
export type TenderSummary = z.infer<typeof TenderSummarySchema>;

/** Public ranking after opening: bidder names, prices and totals (×100). */
export const RankingEntrySchema = z.object({
  proposalId: z.uuid(),
  rank: z.number().int().nullable(),
  bidderName: z.string(),
  priceFen: z.number().int(),
  totalScoreX100: z.number().int().nullable(),
  status: z.enum(PROPOSAL_STATUSES),
});
export type RankingEntry = z.infer<typeof RankingEntrySchema>;

export const TenderSchema = TenderSummarySchema.extend({
  chainId: z.string(),
  demandId: z.uuid(),
  demandTitle: z.string(),
  buyerOrgId: z.uuid(),
  regionCode: z.string(),
  description: z.string(),
  criteria: z.array(TenderCriterionSchema),
  openedAt: z.string().nullable(),
  awardedAt: z.string().nullable(),
  awardedProposalId: z.uuid().nullable(),
  awardReason: z.string().nullable(),
  closedReason: z.string().nullable(),
  /** The deal opened by the award, for the buyer. */
  dealId: z.uuid().nullable(),
  /** Null until opening (sealed). */
  ranking: z.array(RankingEntrySchema).nullable(),
  /** The caller is a member of the tendering organisation. */
  isBuyer: z.boolean(),
  /** The server's clock when answering, for the countdown. */
  serverTime: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Tender = z.infer<typeof TenderSchema>;

export const SubmitProposalSchema = z.object({
  /** Which of the caller's organisations bids; may be left out when the caller has one. */
  bidderOrgId: z.uuid().optional(),
  priceFen: MoneyFenSchema,
  transferMode: z.enum(TRANSFER_MODES).default('assign'),
  terms: z.string().trim().min(1).max(5_000),
  technicalProposal: z.string().trim().min(1).max(20_000),
  achievementId: z.uuid().nullish(),
});
export type SubmitProposal = z.input<typeof SubmitProposalSchema>;

export const ProposalParamsSchema = z.object({ id: z.uuid(), proposalId: z.uuid() });

/** Manual scores 0–100 per criterion key (the price criterion is scored by formula). */
export const ScoreProposalSchema = z.object({ scores: z.record(z.string(), z.number().int().min(0).max(100)) });
export type ScoreProposal = z.infer<typeof ScoreProposalSchema>;

export const ProposalSchema = z.object({
  id: z.uuid(),
  tenderId: z.uuid(),
  bidderOrgId: z.uuid(),
  bidderName: z.string(),
  achievementId: z.uuid().nullable(),
  priceFen: z.number().int(),
  transferMode: z.enum(TRANSFER_MODES),
  terms: z.string(),
  technicalProposal: z.string(),
  status: z.enum(PROPOSAL_STATUSES),
  /** Scores per criterion ×100 (after opening). */
  scoresX100: z.record(z.string(), z.number().int()).nullable(),
  totalScoreX100: z.number().int().nullable(),
  rank: z.number().int().nullable(),
  outcomeReason: z.string().nullable(),
  isMine: z.boolean(),
  submittedAt: z.string(),
  updatedAt: z.string(),
});
export type Proposal = z.infer<typeof ProposalSchema>;

export const ProposalListSchema = z.object({ items: z.array(ProposalSchema) });
export const MyProposalSchema = z.object({ proposal: ProposalSchema.nullable() });

/** A score kept ×100 as an integer, for people: `8735` → `"87.35"`; `—` when not scored. */
export function formatScoreX100(x: number | null | undefined): string {
  if (x === null || x === undefined) {
    return '—';
  }
  return `${Math.trunc(x / 100)}.${String(Math.abs(x % 100)).padStart(2, '0')}`;
}
