import type { Role } from '#shared/contracts/auth.contract';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { ErrorAlert } from '../ui/ErrorAlert';
import { ForbiddenPage } from '../ui/ForbiddenPage';
import { LoadingBlock } from '../ui/LoadingBlock';
import { hasAnyRole } from './permissions';
import { useSession } from './useSession';

/** Where the login page sends the user back to; only same-site paths are accepted. */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return '/';
  }
  return next;
}

export function loginPathFor(location: { pathname: string; search: string }): string {
  return `/login?next=${encodeURIComponent(location.pathname + location.search)}`;
}

export type RequireAuthProps = {
  children: ReactNode;
  /** When given, the user needs at least one of these roles; others see the 403 page. */
  roles?: readonly Role[];
};

/** Renders `children` for a signed-in user (with one of `roles`), otherwise redirects or forbids. */
export function RequireAuth({ children, roles }: RequireAuthProps) {
  const { user, isLoading, error } = useSession();
  const location = useLocation();
  if (isLoading) {
    return <LoadingBlock />;
  }
  if (!user) {
    // A server that cannot be reached is not the same as being signed out.
    if (error) {
      return <ErrorAlert error={error} />;
    }
    return <Navigate to={loginPathFor(location)} replace />;
  }
  if (roles && !hasAnyRole(user, roles)) {
    return <ForbiddenPage />;
  }
  return <>{children}</>;
}
