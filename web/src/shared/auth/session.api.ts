import type { Session } from '#shared/contracts/auth.contract';
import { isApiError } from '../api/api-error';
import { rememberCsrfToken } from '../api/csrf';
import { http } from '../api/http';

export const SESSION_QUERY_KEY = ['auth', 'session'] as const;

/** The current session, or null when nobody is signed in (the API answers 401). */
export async function fetchSession(signal?: AbortSignal): Promise<Session | null> {
  try {
    const session = await http.get<Session>('/auth/session', { signal });
    rememberCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      rememberCsrfToken(null);
      return null;
    }
    throw error;
  }
}
