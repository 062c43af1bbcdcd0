import type { Actor } from '#server/modules/auth/index';

/**
 * Search covers published listings only (the index never holds anything else), which are public:
 * every actor may search, anonymous visitors included. Rate limits are applied per client at the
 * route. Kept as a function so the rule has one place, like every module's policy.
 */
export function canSearch(_actor: Actor): boolean {
  return true;
}

/** Rebuilding the index is an operator task (CLI), or a platform administrator's. */
export function canRebuildIndex(actor: Actor): boolean {
  return actor.kind === 'user' && (actor.via === 'system' || actor.roles.some((r) => r.role === 'platform_admin'));
}
