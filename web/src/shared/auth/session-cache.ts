import type { Session } from '#shared/contracts/auth.contract';
import type { Query, QueryClient } from '@tanstack/react-query';
import { rememberCsrfToken } from '../api/csrf';
import { SESSION_QUERY_KEY } from './session.api';

// Reference data and client config are the same for everyone; everything else may depend on who asks.
const SHARED_ROOTS = new Set(['code-lists', 'platform']);

function isSessionQuery(query: Query): boolean {
  return JSON.stringify(query.queryKey) === JSON.stringify(SESSION_QUERY_KEY);
}

/** After sign-in or registration: store the session and refetch whatever the new user may see differently. */
export function applySignedIn(client: QueryClient, session: Session): Promise<void> {
  rememberCsrfToken(session.csrfToken);
  client.setQueryData(SESSION_QUERY_KEY, session);
  return client.invalidateQueries({
    predicate: (q) => !isSessionQuery(q) && !SHARED_ROOTS.has(String(q.queryKey[0])),
  });
}

/** After sign-out: forget the session and drop every cached answer that belonged to the user. */
export function applySignedOut(client: QueryClient): void {
  rememberCsrfToken(null);
  client.removeQueries({ predicate: (q) => !isSessionQuery(q) && !SHARED_ROOTS.has(String(q.queryKey[0])) });
  client.setQueryData(SESSION_QUERY_KEY, null);
}
