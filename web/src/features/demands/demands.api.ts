import type { CreateDemand, Demand, DemandAction, DemandQuery, UpdateDemand } from '#shared/contracts/demands.contract';
import type { DemandSearchResult } from '#shared/contracts/search.contract';
import { useQuery } from '@tanstack/react-query';
import { http, type Page, type QueryParams } from '../../shared/api/http';

export type DemandListQuery = Partial<Omit<DemandQuery, 'mine' | 'includeExpired'>> & { mine?: boolean; includeExpired?: boolean };

export const demandKeys = {
  all: ['demands'] as const,
  list: (query: DemandListQuery) => ['demands', 'list', query] as const,
  detail: (id: string) => ['demands', 'detail', id] as const,
  search: (query: QueryParams) => ['demands', 'search', query] as const,
};

const path = (id: string) => `/demands/${encodeURIComponent(id)}`;

export function listDemands(query: DemandListQuery, signal?: AbortSignal): Promise<Page<Demand>> {
  return http.get('/demands', {
    query: { ...query, mine: query.mine ? 'true' : undefined, includeExpired: query.includeExpired ? 'true' : undefined },
    signal,
  });
}

/** Ranked full-text search over published, unexpired demands (`GET /demands/search`). */
export function searchDemands(query: QueryParams, signal?: AbortSignal): Promise<DemandSearchResult> {
  return http.get('/demands/search', { query, signal });
}

export function getDemand(id: string, signal?: AbortSignal): Promise<Demand> {
  return http.get(path(id), { signal });
}

export function createDemand(body: CreateDemand): Promise<Demand> {
  return http.post('/demands', body, { idempotencyKey: true });
}

export function updateDemand(id: string, body: UpdateDemand): Promise<Demand> {
  return http.patch(path(id), body);
}

export function runDemandAction(id: string, action: DemandAction, note?: string): Promise<Demand> {
  return http.post(`${path(id)}/${action}`, note ? { note } : {});
}

export function useDemands(query: DemandListQuery, enabled = true) {
  return useQuery({
    queryKey: demandKeys.list(query),
    queryFn: ({ signal }) => listDemands(query, signal),
    enabled,
    placeholderData: (previous) => previous,
  });
}

/** Keyword search; runs only while `enabled` (a keyword is given). */
export function useDemandSearch(query: QueryParams, enabled: boolean) {
  return useQuery({
    queryKey: demandKeys.search(query),
    queryFn: ({ signal }) => searchDemands(query, signal),
    enabled,
    placeholderData: (previous) => previous,
    retry: false,
  });
}

export function useDemand(id: string | undefined) {
  return useQuery({ queryKey: demandKeys.detail(id ?? ''), queryFn: ({ signal }) => getDemand(id ?? '', signal), enabled: !!id });
}
