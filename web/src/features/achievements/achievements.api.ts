import type {
  AccessRequest,
  Achievement,
  AchievementAction,
  AchievementQuery,
  AchievementSummary,
  CreateAccessRequest,
  CreateAchievement,
  DecideAccessRequest,
  Funnel,
  PatchAchievement,
} from '#shared/contracts/achievements.contract';
import { useQuery } from '@tanstack/react-query';
import { http, type Page } from '../../shared/api/http';

/** Query parameters as sent on the wire (`mine` and `openLicence` are strings the API parses). */
export type AchievementListQuery = Partial<Omit<AchievementQuery, 'mine' | 'openLicence'>> & { mine?: boolean; openLicence?: boolean };

export const achievementKeys = {
  all: ['achievements'] as const,
  list: (query: AchievementListQuery) => ['achievements', 'list', query] as const,
  detail: (id: string) => ['achievements', 'detail', id] as const,
  ndaDetail: (id: string) => ['achievements', 'nda', id] as const,
  accessRequests: (id: string) => ['achievements', 'access-requests', id] as const,
  myAccessRequest: (id: string) => ['achievements', 'access-requests', id, 'mine'] as const,
  funnel: (id: string) => ['achievements', 'funnel', id] as const,
};

const path = (id: string) => `/achievements/${encodeURIComponent(id)}`;

export function listAchievements(query: AchievementListQuery, signal?: AbortSignal): Promise<Page<AchievementSummary>> {
  return http.get('/achievements', {
    query: {
      ...query,
      mine: query.mine ? 'true' : undefined,
      openLicence: query.openLicence === undefined ? undefined : String(query.openLicence),
    },
    signal,
  });
}

export function getAchievement(id: string, signal?: AbortSignal): Promise<Achievement> {
  return http.get(path(id), { signal });
}

export function createAchievement(body: CreateAchievement): Promise<Achievement> {
  return http.post('/achievements', body, { idempotencyKey: true });
}

export function updateAchievement(id: string, body: PatchAchievement): Promise<Achievement> {
  return http.patch(path(id), body);
}

export function runAchievementAction(id: string, action: AchievementAction, note?: string): Promise<Achievement> {
  return http.post(`${path(id)}/${action}`, note ? { note } : {});
}

export function getNdaDetail(id: string, signal?: AbortSignal): Promise<{ detail: string | null }> {
  return http.get(`${path(id)}/detail`, { signal });
}

export function requestAccess(id: string, body: CreateAccessRequest): Promise<AccessRequest> {
  return http.post(`${path(id)}/access-requests`, body);
}

export function getMyAccessRequest(id: string, signal?: AbortSignal): Promise<{ request: AccessRequest | null }> {
  return http.get(`${path(id)}/access-requests/mine`, { signal });
}

export function listAccessRequests(id: string, signal?: AbortSignal): Promise<{ items: AccessRequest[] }> {
  return http.get(`${path(id)}/access-requests`, { signal });
}

export function decideAccessRequest(id: string, requestId: string, body: DecideAccessRequest): Promise<AccessRequest> {
  return http.post(`${path(id)}/access-requests/${encodeURIComponent(requestId)}/decision`, body);
}

export function sendEnquiry(id: string, message: string): Promise<{ ok: true; recordedAt: string }> {
  return http.post(`${path(id)}/enquiries`, { message });
}

export function getFunnel(id: string, signal?: AbortSignal): Promise<Funnel> {
  return http.get(`${path(id)}/funnel`, { signal });
}

export function useAchievements(query: AchievementListQuery, enabled = true) {
  return useQuery({
    queryKey: achievementKeys.list(query),
    queryFn: ({ signal }) => listAchievements(query, signal),
    enabled,
    placeholderData: (previous) => previous,
  });
}

export function useAchievement(id: string | undefined) {
  return useQuery({ queryKey: achievementKeys.detail(id ?? ''), queryFn: ({ signal }) => getAchievement(id ?? '', signal), enabled: !!id });
}

/** The NDA-gated detail; asked for only when the DTO says the caller may see it. */
export function useNdaDetail(id: string, enabled: boolean) {
  return useQuery({ queryKey: achievementKeys.ndaDetail(id), queryFn: ({ signal }) => getNdaDetail(id, signal), enabled });
}

export function useMyAccessRequest(id: string, enabled: boolean) {
  return useQuery({ queryKey: achievementKeys.myAccessRequest(id), queryFn: ({ signal }) => getMyAccessRequest(id, signal), enabled });
}

export function useAccessRequests(id: string, enabled: boolean) {
  return useQuery({ queryKey: achievementKeys.accessRequests(id), queryFn: ({ signal }) => listAccessRequests(id, signal), enabled });
}

export function useFunnel(id: string, enabled: boolean) {
  return useQuery({ queryKey: achievementKeys.funnel(id), queryFn: ({ signal }) => getFunnel(id, signal), enabled });
}
