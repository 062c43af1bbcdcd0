import type { ApiToken } from '#shared/contracts/auth.contract';

export type TokenState = 'active' | 'revoked' | 'expired';

/** Whether a token can still be used at `now` (ms since epoch). */
export function tokenState(token: Pick<ApiToken, 'revokedAt' | 'expiresAt'>, now: number): TokenState {
  if (token.revokedAt) {
    return 'revoked';
  }
  return Date.parse(token.expiresAt) <= now ? 'expired' : 'active';
}
