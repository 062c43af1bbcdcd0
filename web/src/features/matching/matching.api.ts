import type { AchievementMatches, MatchAchievementsRequest } from '#shared/contracts/search.contract';
import type { z } from 'zod';
import type { MatchAchievementsResultSchema } from '#shared/contracts/search.contract';
import { useQuery } from '@tanstack/react-query';
import { http } from '../../shared/api/http';

export type MatchAchievementsResult = z.infer<typeof MatchAchievementsResultSchema>;
export type MatchInput = Partial<Pick<MatchAchievementsRequest, 'text' | 'demandId' | 'limit' | 'filters'>>;

export const matchingKeys = {
  achievements: (input: MatchInput) => ['matching', 'achievements', input] as const,
  matches: (id: string) => ['matching', 'matches', id] as const,
};

export function matchAchievements(input: MatchInput): Promise<MatchAchievementsResult> {
  return http.post('/matching/achievements', input);
}

export function getAchievementMatches(id: string, signal?: AbortSignal): Promise<AchievementMatches> {
  return http.get(`/achievements/${encodeURIComponent(id)}/matches`, { signal });
}

/** Ranked achievements for a free text or a demand; `null` input waits. */
export function useMatchAchievements(input: MatchInput | null) {
  return useQuery({
    queryKey: matchingKeys.achievements(input ?? {}),
    queryFn: () => matchAchievements(input ?? {}),
    enabled: input !== null,
    retry: false,
  });
}

export function useAchievementMatches(id: string, enabled: boolean) {
  return useQuery({
    queryKey: matchingKeys.matches(id),
    queryFn: ({ signal }) => getAchievementMatches(id, signal),
    enabled,
    retry: false,
  });
}
