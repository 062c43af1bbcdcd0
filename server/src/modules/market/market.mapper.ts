import type { Deal, DealMessage, DeclineReason, Listing, Offer, Side, ThreadMessage } from '#shared/contracts/market.contract';
import type { DealRow } from './deals.repo';
import type { ListingRow, MessageRow, OfferRow, OrgRow } from './market.repo';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toListingDto(
  l: ListingRow,
  org: OrgRow,
  v: { dataRoom: boolean; canManage: boolean; buyerOrgs: { id: string; name: string }[] },
): Listing {
  return {
    id: l.id,
    chainId: l.chainId,
    achievementId: l.achievementId,
    title: l.title,
    sellerOrgId: l.sellerOrgId,
    sellerOrgName: org.name,
    regionCode: l.regionCode,
    mode: l.mode,
    licenceKind: l.licenceKind,
    licenceTerritory: l.licenceTerritory,
    licenceTermMonths: l.licenceTermMonths,
    pricing: l.pricing,
    priceFen: l.priceFen,
    terms: l.terms,
    dataRoom: v.dataRoom ? l.dataRoom : null,
    stateFunded: l.stateFunded,
    status: l.status,
    listedFrom: iso(l.listedFrom),
    listedUntil: iso(l.listedUntil),
    closedReason: l.closedReason,
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
    canManage: v.canManage,
    buyerOrgs: v.buyerOrgs,
  };
}

export function toOfferDto(o: OfferRow): Offer {
  return {
    id: o.id,
    listingId: o.listingId,
    buyerOrgId: o.buyerOrgId,
    fromSide: o.fromSide,
    previousOfferId: o.previousOfferId,
    amountFen: o.amountFen,
    terms: o.terms,
    status: o.status,
    respondBy: o.respondBy.toISOString(),
    declineReason: (o.declineReason as DeclineReason | null) ?? null,
    declineNote: o.declineNote,
    createdAt: o.createdAt.toISOString(),
    decidedAt: iso(o.decidedAt),
  };
}

export function toThreadMessageDto(m: MessageRow, authorName: string, fromSide: Side): ThreadMessage {
  return { id: m.id, authorName, fromSide, body: m.body, createdAt: m.createdAt.toISOString() };
}

export function toDealDto(d: DealRow, seller: OrgRow | undefined, buyer: OrgRow | undefined, mySide: Side | null): Deal {
  const party = (o: OrgRow | undefined, id: string) => ({ id, name: o?.name ?? '', regionCode: o?.regionCode ?? '' });
  return {
    id: d.id,
    dealNo: d.dealNo,
    chainId: d.chainId,
    title: d.title,
    achievementId: d.achievementId,
    listingId: d.listingId,
    offerId: d.offerId,
    auctionId: d.auctionId,
    tenderId: d.tenderId,
    seller: party(seller, d.sellerOrgId),
    buyer: party(buyer, d.buyerOrgId),
    transferMode: d.transferMode,
    licenceKind: d.licenceKind,
    pricingMethod: d.pricingMethod,
    priceFen: d.priceFen,
    commissionFen: d.commissionFen,
    stateFunded: d.stateFunded,
    status: d.status,
    concludedAt: iso(d.concludedAt),
    createdAt: d.createdAt.toISOString(),
    mySide,
  };
}

export function toDealMessageDto(m: MessageRow, authorName: string, fromSide: Side | null): DealMessage {
  return { id: m.id, authorName, fromSide, body: m.body, document: m.document ?? null, createdAt: m.createdAt.toISOString() };
}

/** Listing state digested by the audit trail (the data room text is not copied into it). */
export function auditStateOfListing(l: ListingRow) {
  const { createdAt: _c, updatedAt: _u, dataRoom, ...rest } = l;
  return { ...rest, dataRoomChars: dataRoom.length };
}

export function auditStateOfOffer(o: OfferRow) {
  const { createdAt: _c, ...rest } = o;
  return rest;
}
