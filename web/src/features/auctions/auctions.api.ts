import type { Auction, AuctionQuery, AuctionStreamEvent, AuctionSummary, Bid, CreateAuction, MyAuction, PlaceBidResult, Registration, RegistrationWithDeposits, SetProxyResult } from '#shared/contracts/auctions.contract';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { API_BASE, http, type Page } from '../../shared/api/http';

export type AuctionListQuery = Partial<AuctionQuery>;
export type { RegistrationWithDeposits };

export const auctionKeys = {
  all: ['auctions'] as const,
  list: (q: AuctionListQuery) => ['auctions', 'list', q] as const,
  detail: (id: string) => ['auctions', 'detail', id] as const,
  me: (id: string) => ['auctions', 'me', id] as const,
  bids: (id: string) => ['auctions', 'bids', id] as const,
  registrations: (id: string) => ['auctions', 'registrations', id] as const,
};

const path = (id: string) => `/auctions/${encodeURIComponent(id)}`;

export const listAuctions = (q: AuctionListQuery, signal?: AbortSignal) => http.get<Page<AuctionSummary>>('/auctions', { query: q, signal });
export const getAuction = (id: string, signal?: AbortSignal) => http.get<Auction>(path(id), { signal });
export const getMyAuction = (id: string, signal?: AbortSignal) => http.get<MyAuction>(`${path(id)}/me`, { signal });
export const getBids = (id: string, signal?: AbortSignal) => http.get<{ items: Bid[] }>(`${path(id)}/bids`, { signal });
export const getRegistrations = (id: string, signal?: AbortSignal) => http.get<{ items: RegistrationWithDeposits[] }>(`${path(id)}/registrations`, { signal });
export const createAuction = (body: CreateAuction) => http.post<Auction>('/auctions', body, { idempotencyKey: true });
export const scheduleAuction = (id: string) => http.post<Auction>(`${path(id)}/schedule`, {});
export const cancelAuction = (id: string, reason: string) => http.post<Auction>(`${path(id)}/cancel`, { reason });
export const publishResult = (id: string) => http.post<Auction>(`${path(id)}/publish-result`, {});
export const register = (id: string, bidderOrgId: string, qualification: string) => http.post<Registration>(`${path(id)}/registrations`, { bidderOrgId, qualification }, { idempotencyKey: true });
export const decideRegistration = (id: string, registrationId: string, decision: 'approve' | 'reject', reason?: string) =>
  http.post<Registration>(`${path(id)}/registrations/${encodeURIComponent(registrationId)}/${decision}`, decision === 'reject' ? { reason } : {});
export const recordDeposit = (id: string, registrationId: string, entry: 'held' | 'refunded' | 'forfeited', amountFen: number, reference?: string) =>
  http.post<Registration>(`${path(id)}/registrations/${encodeURIComponent(registrationId)}/deposits`, { entry, amountFen, ...(reference ? { reference } : {}) });
/** A bid; `clientKey` is kept by the caller across retries of the same attempt, so a retry is never a second bid. */
export const placeBid = (id: string, amountFen: number, clientKey: string) => http.post<PlaceBidResult>(`${path(id)}/bids`, { amountFen, clientKey });
export const setProxy = (id: string, maxFen: number) => http.put<SetProxyResult>(`${path(id)}/proxy`, { maxFen });

export function useAuctions(q: AuctionListQuery, enabled = true) {
  return useQuery({ queryKey: auctionKeys.list(q), queryFn: ({ signal }) => listAuctions(q, signal), enabled, placeholderData: (p) => p });
}
export function useAuction(id: string) {
  return useQuery({ queryKey: auctionKeys.detail(id), queryFn: ({ signal }) => getAuction(id, signal) });
}
export function useMyAuction(id: string, enabled: boolean) {
  return useQuery({ queryKey: auctionKeys.me(id), queryFn: ({ signal }) => getMyAuction(id, signal), enabled });
}
export function useRegistrations(id: string, enabled: boolean) {
  return useQuery({ queryKey: auctionKeys.registrations(id), queryFn: ({ signal }) => getRegistrations(id, signal), enabled });
}

/** Subscribes to the auction's Server-Sent Events while mounted (EventSource reconnects by itself). */
export function useAuctionStream(id: string, onEvent: (e: AuctionStreamEvent) => void, enabled = true) {
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  }, [onEvent]);
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') {
      return undefined;
    }
    const source = new EventSource(`${API_BASE}${path(id)}/events`);
    const listen = (type: AuctionStreamEvent['type']) =>
      source.addEventListener(type, (msg) => {
        try {
          handler.current(JSON.parse((msg as MessageEvent<string>).data) as AuctionStreamEvent);
        } catch {
          // A malformed event is ignored; the next snapshot (on reconnect) repairs the view.
        }
      });
    (['snapshot', 'bid', 'extended', 'closed'] as const).forEach(listen);
    return () => source.close();
  }, [id, enabled]);
}
