import type { CreateDemand, Demand, DemandAction, DemandQuery, UpdateDemand } from '#shared/contracts/demands.contract';
import { useQuery } from '@tanstack/react-query';
import { http, type Page } from '../../shared/api/http';

export type DemandListQuery = Partial<Omit<DemandQuery, 'mine' | 'includeExpired'>> & { mine?: boolean; includeExpired?: boolean };

export const demandKeys = {
  all: ['demands'] as const,
  list: (query: DemandListQuery) => ['demands', 'list', query] as const,
  detail: (id: string) => ['demands', 'detail', id] as const,
};

const path = (id: string) => `/demands/${encodeURIComponent(id)}`;

export function listDemands(query: DemandListQuery, signal?: AbortSignal): Promise<Page<Demand>> {
  return http.get('/demands', {
    query: { ...query, mine: query.mine ? 'true' : undefined, includeExpired: query.includeExpired ? 'true' : undefined },
    signal,
  });
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

export function useDemands(query: DemandListQuery) {
  return useQuery({
    queryKey: demandKeys.list(query),
    queryFn: ({ signal }) => listDemands(query, signal),
    placeholderData: (previous) => previous,
  });
}

export function useDemand(id: string | undefined) {
  return useQuery({ queryKey: demandKeys.detail(id ?? ''), queryFn: ({ signal }) => getDemand(id ?? '', signal), enabled: !!id });
}
