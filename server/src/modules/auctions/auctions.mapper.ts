import type { Auction, AuctionLiveState, AuctionSummary, Bid, Registration } from '#shared/contracts/auctions.contract';
import { nextMinFen, phaseOf, reserveMet } from './auction.rules';
import type { AuctionRow, BidRow, RegistrationRow } from './auctions.repo';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toAuctionSummary(a: AuctionRow, now: Date): AuctionSummary {
  return {
    id: a.id,
    title: a.title,
    phase: phaseOf(a.status, a.startsAt, a.endsAt, now),
    status: a.status,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    startPriceFen: a.startPriceFen,
    currentPriceFen: a.currentPriceFen,
    bidCount: a.bidCount,
    regionCode: a.regionCode,
    resultPublishedAt: iso(a.resultPublishedAt),
  };
}

export function toLiveState(a: AuctionRow, leadingPaddleNo: number | null): AuctionLiveState {
  return {
    currentPriceFen: a.currentPriceFen,
    lastSeq: a.lastSeq,
    endsAt: a.endsAt.toISOString(),
    leadingPaddleNo,
    nextMinFen: nextMinFen(a.startPriceFen, a.currentPriceFen, a.increments),
    bidCount: a.bidCount,
  };
}

export function toAuctionDto(
  a: AuctionRow,
  extra: { now: Date; sellerOrgName: string; achievementId: string | null; leadingPaddleNo: number | null; seesReserve: boolean; seesDeal: boolean; canManage: boolean; canOperate: boolean },
): Auction {
  return {
    ...toAuctionSummary(a, extra.now),
    ...toLiveState(a, extra.leadingPaddleNo),
    chainId: a.chainId,
    listingId: a.listingId,
    achievementId: extra.achievementId,
    sellerOrgId: a.sellerOrgId,
    sellerOrgName: extra.sellerOrgName,
    reserveFen: extra.seesReserve ? a.reserveFen : null,
    reserveMet: reserveMet(a.reserveFen, a.currentPriceFen),
    increments: a.increments,
    depositFen: a.depositFen,
    scheduledEndsAt: a.scheduledEndsAt.toISOString(),
    extensionMinutes: a.extensionMinutes,
    closedAt: iso(a.closedAt),
    dealId: extra.seesDeal ? a.dealId : null,
    serverNow: extra.now.toISOString(),
    canManage: extra.canManage,
    canOperate: extra.canOperate,
  };
}

export function toBid(b: BidRow): Bid {
  return { seq: b.seq, amountFen: b.amountFen, paddleNo: b.paddleNo, kind: b.kind, placedAt: b.placedAt.toISOString() };
}

export function toRegistration(r: RegistrationRow, orgName: string): Registration {
  return {
    id: r.id,
    auctionId: r.auctionId,
    bidderOrgId: r.bidderOrgId,
    bidderOrgName: orgName,
    paddleNo: r.paddleNo,
    qualification: r.qualification,
    status: r.status,
    depositStatus: r.depositStatus,
    decisionNote: r.decisionNote,
    decidedAt: iso(r.decidedAt),
    createdAt: r.createdAt.toISOString(),
  };
}

/** The audited state of an auction (never the bids). */
export function auditStateOfAuction(a: AuctionRow) {
  return {
    status: a.status,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    startPriceFen: a.startPriceFen,
    reserveFen: a.reserveFen,
    depositFen: a.depositFen,
    currentPriceFen: a.currentPriceFen,
    bidCount: a.bidCount,
  };
}
