import { MutationCache, QueryCache, QueryClient, type QueryKey } from '@tanstack/react-query';
import { isApiError } from '../shared/api/api-error';
import { rememberCsrfToken } from '../shared/api/csrf';
import { SESSION_QUERY_KEY } from '../shared/auth/session.api';

/** Client errors (4xx) are answers, not glitches: retrying them only delays the message. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) {
    return false;
  }
  return failureCount < 2;
}

/** True for the errors that mean "your session is gone" (not wrong-password 401s). */
export function isSessionLost(error: unknown): boolean {
  return isApiError(error) && (error.code === 'common/session_expired' || error.code === 'common/unauthenticated');
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onSessionLost(error, query.queryKey) }),
    mutationCache: new MutationCache({ onError: (error) => onSessionLost(error) }),
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });

  // Any call that finds the session gone signs the UI out; guarded pages then redirect to /login.
  function onSessionLost(error: unknown, key?: QueryKey): void {
    if (!isSessionLost(error) || (key && JSON.stringify(key) === JSON.stringify(SESSION_QUERY_KEY))) {
      return;
    }
    rememberCsrfToken(null);
    client.setQueryData(SESSION_QUERY_KEY, null);
  }

  return client;
}
