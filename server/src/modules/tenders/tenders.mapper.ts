import type { Proposal, RankingEntry, Tender, TenderSummary } from '#shared/contracts/tenders.contract';
import type { ProposalWithBidder, TenderRow, TenderWithBuyer } from './tenders.repo';

export function toTenderSummary(t: TenderRow, buyerName: string, proposalCount: number): TenderSummary {
  return {
    id: t.id,
    title: t.title,
    buyerName,
    deadline: t.deadline.toISOString(),
    budgetMaxFen: t.budgetMaxFen,
    status: t.status,
    proposalCount,
  };
}

/** The public ranking after opening: names, prices, totals (no scores per criterion, no content). */
export function toRanking(rows: readonly ProposalWithBidder[]): RankingEntry[] {
  return rows
    .filter((r) => r.p.status !== 'withdrawn' && r.p.status !== 'released')
    .map(({ p, bidderName }) => ({
      proposalId: p.id,
      rank: p.rank,
      bidderName,
      priceFen: p.priceFen,
      totalScoreX100: p.totalScoreX100,
      status: p.status,
    }));
}

export function toTenderDto(
  { t, buyer, demandTitle }: TenderWithBuyer,
  v: { proposalCount: number; ranking: RankingEntry[] | null; isBuyer: boolean; now: Date },
): Tender {
  return {
    ...toTenderSummary(t, buyer.name, v.proposalCount),
    chainId: t.chainId,
    demandId: t.demandId,
    demandTitle,
    buyerOrgId: t.buyerOrgId,
    regionCode: t.regionCode,
    description: t.description,
    criteria: t.criteria,
    openedAt: t.openedAt ? t.openedAt.toISOString() : null,
    awardedAt: t.awardedAt ? t.awardedAt.toISOString() : null,
    awardedProposalId: t.awardedProposalId,
    awardReason: t.awardReason,
    closedReason: t.closedReason,
    dealId: v.isBuyer ? t.dealId : null,
    ranking: v.ranking,
    isBuyer: v.isBuyer,
    serverTime: v.now.toISOString(),
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

/** Only ever called for a caller allowed to see the proposal (tenders.policy canSeeProposal). */
export function toProposalDto({ p, bidderName }: ProposalWithBidder, isMine: boolean): Proposal {
  return {
    id: p.id,
    tenderId: p.tenderId,
    bidderOrgId: p.bidderOrgId,
    bidderName,
    achievementId: p.achievementId,
    priceFen: p.priceFen,
    transferMode: p.transferMode,
    terms: p.terms,
    technicalProposal: p.technicalProposal,
    status: p.status,
    scoresX100: p.scores,
    totalScoreX100: p.totalScoreX100,
    rank: p.rank,
    outcomeReason: p.outcomeReason,
    isMine,
    submittedAt: p.submittedAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** Tender state digested by the audit trail (no proposal content ever goes here before opening). */
export function auditStateOfTender(t: TenderRow) {
  const { createdAt: _c, updatedAt: _u, description: _d, ...rest } = t;
  return rest;
}
