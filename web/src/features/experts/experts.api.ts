import type { Expert, ExpertQuery, UpsertExpertProfile } from '#shared/contracts/experts.contract';
import { useQuery } from '@tanstack/react-query';
import { http, type Page } from '../../shared/api/http';

export const expertKeys = {
  all: ['experts'] as const,
  list: (query: Partial<ExpertQuery>) => ['experts', 'list', query] as const,
  detail: (userId: string) => ['experts', 'detail', userId] as const,
  mine: () => ['experts', 'me'] as const,
};

export function listExperts(query: Partial<ExpertQuery>, signal?: AbortSignal): Promise<Page<Expert>> {
  return http.get('/experts', { query, signal });
}

export function getExpert(userId: string, signal?: AbortSignal): Promise<Expert> {
  return http.get(`/experts/${encodeURIComponent(userId)}`, { signal });
}

export function getMyExpertProfile(signal?: AbortSignal): Promise<Expert> {
  return http.get('/experts/me', { signal });
}

export function saveMyExpertProfile(body: UpsertExpertProfile): Promise<Expert> {
  return http.request('PUT', '/experts/me', { body });
}

export function useExperts(query: Partial<ExpertQuery>) {
  return useQuery({
    queryKey: expertKeys.list(query),
    queryFn: ({ signal }) => listExperts(query, signal),
    placeholderData: (previous) => previous,
  });
}

export function useExpert(userId: string) {
  return useQuery({ queryKey: expertKeys.detail(userId), queryFn: ({ signal }) => getExpert(userId, signal), enabled: !!userId });
}

/** The caller's profile; 404 expert/not_found means "none yet". */
export function useMyExpertProfile() {
  return useQuery({ queryKey: expertKeys.mine(), queryFn: ({ signal }) => getMyExpertProfile(signal), retry: false });
}
