import type { Role, User } from '#shared/contracts/auth.contract';

/** An in-memory user with the given role assignments (web unit tests). */
export function makeUser(roles: { role: Role; regionCode?: string; organisationId?: string }[] = [], id = 'u1'): User {
  return {
    id,
    email: `${id}@example.cn`,
    displayName: id,
    phone: null,
    regionCode: null,
    status: 'active',
    roles: roles.map((r, i) => ({
      id: `r${i}`,
      role: r.role,
      regionCode: r.regionCode ?? null,
      organisationId: r.organisationId ?? null,
    })),
    organisationIds: [],
    createdAt: '2026-01-01T00:00:00Z',
  };
}
