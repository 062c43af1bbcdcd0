import type { ClientConfig, PlatformFigures } from '#shared/contracts/platform.contract';
import { useQuery } from '@tanstack/react-query';
import { http } from '../../shared/api/http';

export const platformKeys = {
  config: ['platform', 'config'] as const,
  figures: ['platform', 'figures'] as const,
};

export function fetchClientConfig(signal?: AbortSignal): Promise<ClientConfig> {
  return http.get('/config', { signal });
}

export function fetchPlatformFigures(signal?: AbortSignal): Promise<PlatformFigures> {
  return http.get('/platform/figures', { signal });
}

/** Public client settings (version, demo mode); they do not change while the page is open. */
export function useClientConfig() {
  return useQuery({
    queryKey: platformKeys.config,
    queryFn: ({ signal }) => fetchClientConfig(signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Live platform figures for the home page, refreshed every minute while it is open. */
export function usePlatformFigures() {
  return useQuery({
    queryKey: platformKeys.figures,
    queryFn: ({ signal }) => fetchPlatformFigures(signal),
    staleTime: 30_000,
    refetchInterval: 60_000,
  });
}
