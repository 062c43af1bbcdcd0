import type { Role, RoleAssignment, TokenScope } from '#shared/contracts/auth.contract';
import type { OrgMemberRole } from '#shared/contracts/organisations.contract';
import { isWithinRegion } from '#shared/format/region-scope';

export type Membership = { organisationId: string; role: OrgMemberRole };

/** Who is asking. Resolved once per request from the session cookie or an API token. */
export type Actor =
  | { kind: 'anonymous'; ip: string; requestId: string; /** A session cookie was sent but has expired. */ expiredSession?: boolean }
  | {
      kind: 'user';
      userId: string;
      email: string;
      displayName: string;
      roles: RoleAssignment[];
      memberships: Membership[];
      via: 'session' | 'token' | 'system';
      scopes: TokenScope[];
      ip: string;
      requestId: string;
    };
export type UserActor = Extract<Actor, { kind: 'user' }>;

/** The actor for CLI commands and scheduled jobs. */
export function systemActor(label = 'system'): UserActor {
  return {
    kind: 'user',
    userId: '00000000-0000-0000-0000-000000000000',
    email: label,
    displayName: label,
    roles: [{ id: '00000000-0000-0000-0000-000000000000', role: 'platform_admin', regionCode: null, organisationId: null }],
    memberships: [],
    via: 'system',
    scopes: ['read', 'write'],
    ip: '127.0.0.1',
    requestId: label,
  };
}

export function isUser(actor: Actor): actor is UserActor {
  return actor.kind === 'user';
}

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.kind === 'user' && actor.roles.some((r) => r.role === role);
}

export function isPlatformAdmin(actor: Actor): boolean {
  return hasRole(actor, 'platform_admin');
}

/** Region codes in which the actor holds `role`. */
export function regionsFor(actor: Actor, role: Role): string[] {
  if (actor.kind !== 'user') {
    return [];
  }
  return actor.roles.flatMap((r) => (r.role === role && r.regionCode ? [r.regionCode] : []));
}

/** Platform admins everywhere; regional admins inside their region (and everything under it). */
export function canAdministerRegion(actor: Actor, regionCode: string): boolean {
  return isPlatformAdmin(actor) || regionsFor(actor, 'regional_admin').some((scope) => isWithinRegion(scope, regionCode));
}

export function membershipIn(actor: Actor, organisationId: string): Membership | undefined {
  return actor.kind === 'user' ? actor.memberships.find((m) => m.organisationId === organisationId) : undefined;
}

/** Label stored in the audit trail next to the actor id. */
export function actorLabel(actor: Actor): string {
  return actor.kind === 'user' ? `${actor.email} (${actor.via})` : `anonymous ${actor.ip}`;
}
