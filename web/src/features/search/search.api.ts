import type { AchievementSearchResult, ClassifyResult, SimilarResult } from '#shared/contracts/search.contract';
import { useQuery } from '@tanstack/react-query';
import { http, type QueryParams } from '../../shared/api/http';

export const searchKeys = {
  search: (query: QueryParams) => ['search', 'achievements', query] as const,
  similar: (id: string, limit: number) => ['search', 'similar', id, limit] as const,
};

export function searchAchievements(query: QueryParams, signal?: AbortSignal): Promise<AchievementSearchResult> {
  return http.get('/achievements/search', { query, signal });
}

export function similarAchievements(id: string, limit: number, signal?: AbortSignal): Promise<SimilarResult> {
  return http.get(`/achievements/${encodeURIComponent(id)}/similar`, { query: { limit }, signal });
}

export function classifyListing(body: { title: string; abstract: string; keywords: string[] }): Promise<ClassifyResult> {
  return http.post('/classify', body);
}

/** Ranked search; `null` query means "nothing to ask yet". */
export function useAchievementSearch(query: QueryParams | null) {
  return useQuery({
    queryKey: searchKeys.search(query ?? {}),
    queryFn: ({ signal }) => searchAchievements(query ?? {}, signal),
    enabled: query !== null,
    placeholderData: (previous) => previous,
    retry: false,
  });
}

export function useSimilar(id: string, limit = 6) {
  return useQuery({
    queryKey: searchKeys.similar(id, limit),
    queryFn: ({ signal }) => similarAchievements(id, limit, signal),
    retry: false,
  });
}
