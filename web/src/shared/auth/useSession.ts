import type { Session, User } from '#shared/contracts/auth.contract';
import { useQuery } from '@tanstack/react-query';
import { fetchSession, SESSION_QUERY_KEY } from './session.api';

export type SessionState = {
  session: Session | null;
  user: User | null;
  /** True until the first answer of GET /auth/session. */
  isLoading: boolean;
  /** Set when the session could not be read (server unreachable), not when signed out. */
  error: unknown;
};

/** The signed-in user, shared by every component through the react-query cache. */
export function useSession(): SessionState {
  const query = useQuery({
    queryKey: SESSION_QUERY_KEY,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 60_000,
    refetchOnWindowFocus: true,
  });
  const session = query.data ?? null;
  return { session, user: session?.user ?? null, isLoading: query.isPending, error: query.error };
}
