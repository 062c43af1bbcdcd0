import type { ApiToken, RoleAssignment, User } from '#shared/contracts/auth.contract';
import type { ApiTokenRow, RoleAssignmentRow, UserRow } from './auth.repo';

export function toRoleAssignmentDto(r: RoleAssignmentRow): RoleAssignment {
  return { id: r.id, role: r.role, regionCode: r.regionCode, organisationId: r.organisationId };
}

/** Whitelists the fields a client may see: never the password hash or lockout counters. */
export function toUserDto(u: UserRow, roles: RoleAssignmentRow[], organisationIds: string[]): User {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    phone: u.phone,
    regionCode: u.regionCode,
    status: u.status,
    roles: roles.map(toRoleAssignmentDto),
    organisationIds,
    createdAt: u.createdAt.toISOString(),
  };
}

export function toApiTokenDto(t: ApiTokenRow): ApiToken {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    scopes: t.scopes,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}

/** The state of a user the audit trail digests (no secrets). */
export function auditStateOfUser(u: UserRow, roles: RoleAssignmentRow[] = []) {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    phone: u.phone,
    regionCode: u.regionCode,
    status: u.status,
    lockedUntil: u.lockedUntil,
    roles: roles.map(toRoleAssignmentDto).sort((a, b) => a.id.localeCompare(b.id)),
  };
}
