import type {
  CounterOffer,
  CreateDealMessage,
  CreateFeeSchedule,
  CreateListing,
  CreateOffer,
  CreateThreadMessage,
  DealDetail,
  DealMessage,
  Deal,
  DeclineOffer,
  FeeSchedules,
  Listing,
  Offer,
  OfferOutcome,
  Thread,
  ThreadMessage,
  ThreadSummary,
  UpdateListing,
} from '#shared/contracts/market.contract';
import { useQuery } from '@tanstack/react-query';
import { API_BASE, http, type Page, type QueryParams } from '../../shared/api/http';

export const marketKeys = {
  all: ['market'] as const,
  listings: (q: QueryParams) => ['market', 'listings', q] as const,
  listing: (id: string) => ['market', 'listing', id] as const,
  threads: (id: string) => ['market', 'threads', id] as const,
  thread: (id: string, buyerOrgId?: string) => ['market', 'thread', id, buyerOrgId ?? ''] as const,
  deals: (q: QueryParams) => ['market', 'deals', q] as const,
  deal: (id: string) => ['market', 'deal', id] as const,
  dealMessages: (id: string) => ['market', 'deal-messages', id] as const,
  fees: ['market', 'fees'] as const,
  feed: (name: string) => ['market', 'feed', name] as const,
};

const L = (id: string) => `/market/listings/${encodeURIComponent(id)}`;
const D = (id: string) => `/market/deals/${encodeURIComponent(id)}`;

export const marketApi = {
  listings: (q: QueryParams, signal?: AbortSignal) => http.get<Page<Listing>>('/market/listings', { query: q, signal }),
  listing: (id: string, signal?: AbortSignal) => http.get<Listing>(L(id), { signal }),
  createListing: (body: CreateListing) => http.post<Listing>('/market/listings', body, { idempotencyKey: true }),
  updateListing: (id: string, body: UpdateListing) => http.patch<Listing>(L(id), body),
  listingAction: (id: string, action: 'publish' | 'withdraw') => http.post<Listing>(`${L(id)}/${action}`, {}),
  threads: (id: string, signal?: AbortSignal) => http.get<ThreadSummary[]>(`${L(id)}/threads`, { signal }),
  thread: (id: string, buyerOrgId: string | undefined, signal?: AbortSignal) =>
    http.get<Thread>(`${L(id)}/thread`, { query: { buyerOrgId }, signal }),
  postMessage: (id: string, body: CreateThreadMessage) => http.post<ThreadMessage>(`${L(id)}/messages`, body, { idempotencyKey: true }),
  makeOffer: (id: string, body: CreateOffer) => http.post<Offer>(`${L(id)}/offers`, body, { idempotencyKey: true }),
  accept: (offerId: string) =>
    http.post<OfferOutcome>(`/market/offers/${encodeURIComponent(offerId)}/accept`, {}, { idempotencyKey: true }),
  decline: (offerId: string, body: DeclineOffer) =>
    http.post<OfferOutcome>(`/market/offers/${encodeURIComponent(offerId)}/decline`, body, { idempotencyKey: true }),
  counter: (offerId: string, body: CounterOffer) =>
    http.post<OfferOutcome>(`/market/offers/${encodeURIComponent(offerId)}/counter`, body, { idempotencyKey: true }),
  withdrawOffer: (offerId: string) =>
    http.post<OfferOutcome>(`/market/offers/${encodeURIComponent(offerId)}/withdraw`, {}, { idempotencyKey: true }),
  deals: (q: QueryParams, signal?: AbortSignal) => http.get<Page<Deal>>('/market/deals', { query: q, signal }),
  deal: (id: string, signal?: AbortSignal) => http.get<DealDetail>(D(id), { signal }),
  dealMessages: (id: string, signal?: AbortSignal) => http.get<DealMessage[]>(`${D(id)}/messages`, { signal }),
  postDealMessage: (id: string, body: CreateDealMessage) => http.post<DealMessage>(`${D(id)}/messages`, body, { idempotencyKey: true }),
  documentUrl: (id: string, messageId: string) => `${API_BASE}${D(id)}/documents/${encodeURIComponent(messageId)}`,
  fees: (signal?: AbortSignal) => http.get<FeeSchedules>('/market/fees', { signal }),
  setFees: (body: CreateFeeSchedule) => http.post<FeeSchedules>('/market/fees', body, { idempotencyKey: true }),
  /** The notices module's endpoint (another slice): publish the notice of a deal awaiting it. */
  publishNotice: (body: { dealId: string; contributors: string; objectionChannel: string; workingDays?: number }) =>
    http.post<{ id: string }>('/notices', body, { idempotencyKey: true }),
};

// ── Feeds from the auctions, tenders and notices slices, typed locally (their contracts are theirs) ──

export type AuctionFeedItem = {
  id: string;
  title: string;
  phase: string;
  status: string;
  startsAt: string;
  endsAt: string;
  startPriceFen: number;
  currentPriceFen: number | null;
  bidCount: number;
  regionCode: string;
};
export type TenderFeedItem = {
  id: string;
  title: string;
  buyerName: string;
  deadline: string;
  budgetMaxFen: number | null;
  status: string;
};
export type NoticeFeedItem = {
  id: string;
  achievementTitle: string;
  sellerName: string;
  buyerName: string;
  priceFen: number;
  startsOn: string;
  endsOn: string;
  status: string;
};

/** A feed that renders empty when its API is missing or fails. */
function useFeed<T>(name: string, path: string, query: QueryParams) {
  return useQuery({
    queryKey: marketKeys.feed(`${name}:${JSON.stringify(query)}`),
    queryFn: async ({ signal }) => {
      try {
        const res = await http.get<{ items?: T[] }>(path, { query, signal });
        return Array.isArray(res?.items) ? res.items : [];
      } catch {
        return [] as T[];
      }
    },
    retry: false,
  });
}

export const useLiveAuctions = () => useFeed<AuctionFeedItem>('auctions-live', '/auctions', { phase: 'live' });
export const useUpcomingAuctions = () => useFeed<AuctionFeedItem>('auctions-upcoming', '/auctions', { phase: 'upcoming' });
export const useOpenTenders = () => useFeed<TenderFeedItem>('tenders', '/tenders', { status: 'open' });
export const useOpenNotices = () => useFeed<NoticeFeedItem>('notices', '/notices', { status: 'open' });

export function useListings(q: QueryParams) {
  return useQuery({ queryKey: marketKeys.listings(q), queryFn: ({ signal }) => marketApi.listings(q, signal), placeholderData: (p) => p });
}
export function useListing(id: string) {
  return useQuery({ queryKey: marketKeys.listing(id), queryFn: ({ signal }) => marketApi.listing(id, signal), retry: false });
}
export function useThreads(id: string, enabled: boolean) {
  return useQuery({ queryKey: marketKeys.threads(id), queryFn: ({ signal }) => marketApi.threads(id, signal), enabled });
}
export function useThread(id: string, buyerOrgId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: marketKeys.thread(id, buyerOrgId),
    queryFn: ({ signal }) => marketApi.thread(id, buyerOrgId, signal),
    enabled,
    retry: false,
  });
}
export function useDeals(q: QueryParams) {
  return useQuery({ queryKey: marketKeys.deals(q), queryFn: ({ signal }) => marketApi.deals(q, signal), placeholderData: (p) => p });
}
export function useDeal(id: string) {
  return useQuery({ queryKey: marketKeys.deal(id), queryFn: ({ signal }) => marketApi.deal(id, signal), retry: false });
}
export function useDealMessages(id: string) {
  return useQuery({ queryKey: marketKeys.dealMessages(id), queryFn: ({ signal }) => marketApi.dealMessages(id, signal) });
}
export function useFees() {
  return useQuery({ queryKey: marketKeys.fees, queryFn: ({ signal }) => marketApi.fees(signal) });
}
