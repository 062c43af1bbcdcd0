import type { Role } from '#shared/contracts/auth.contract';
import type { OrganisationType, OrgMemberRole } from '#shared/contracts/organisations.contract';
import { withCreditCodeCheckChar } from '#shared/format/credit-code';
import type { DbConn } from '#server/db/types';
import type { Actor, UserActor } from '#server/modules/auth/actor';
import { hashPassword } from '#server/modules/auth/passwords';
import { roleAssignments, users } from '#server/modules/auth/auth.tables';
import { memberships, organisations } from '#server/modules/organisations/organisations.tables';
import { TEST_PASSWORD } from '../helpers/test-app';

let seq = 0;
const next = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

let passwordHash: Promise<string> | undefined;
function testPasswordHash() {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
}

/** A valid credit code for a test organisation. */
export function makeCreditCode(regionCode = '110108'): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = '';
  for (let i = 0; i < 9; i++) {
    body += alphabet.charAt(Math.floor(Math.random() * 31));
  }
  return withCreditCodeCheckChar(`91${regionCode}${body}`);
}

export type InsertOrganisationInput = Partial<typeof organisations.$inferInsert> & { type?: OrganisationType };

/** Persists an organisation (verified by default) and returns its row. */
export async function insertOrganisation(db: DbConn, o: InsertOrganisationInput = {}) {
  const regionCode = o.regionCode ?? '110108';
  const [row] = await db
    .insert(organisations)
    .values({
      name: `测试机构-${next()}`,
      type: 'enterprise',
      creditCode: makeCreditCode(regionCode),
      status: 'verified',
      ...o,
      regionCode,
    })
    .returning();
  return row!;
}

export type InsertUserInput = {
  email?: string;
  displayName?: string;
  regionCode?: string | null;
  roles?: { role: Role; regionCode?: string; organisationId?: string }[];
  orgs?: { organisationId: string; role?: OrgMemberRole }[];
  status?: 'active' | 'disabled';
  isDemo?: boolean;
};

/** Persists a user with roles and memberships; the password is TEST_PASSWORD. */
export async function insertUser(db: DbConn, u: InsertUserInput = {}) {
  const [row] = await db
    .insert(users)
    .values({
      email: u.email ?? `user-${next()}@test.transfernet.cn`,
      passwordHash: await testPasswordHash(),
      displayName: u.displayName ?? '测试用户',
      regionCode: u.regionCode === undefined ? '110108' : u.regionCode,
      status: u.status ?? 'active',
      isDemo: u.isDemo ?? false,
    })
    .returning();
  for (const r of u.roles ?? []) {
    await db.insert(roleAssignments).values({ userId: row!.id, role: r.role, regionCode: r.regionCode ?? null, organisationId: r.organisationId ?? null });
  }
  for (const m of u.orgs ?? []) {
    await db.insert(memberships).values({ organisationId: m.organisationId, userId: row!.id, role: m.role ?? 'member' });
  }
  return row!;
}

/** An in-memory actor for unit tests of policies. */
export function makeActor(roles: { role: Role; regionCode?: string; organisationId?: string }[] = [], memberships: UserActor['memberships'] = []): UserActor {
  return {
    kind: 'user',
    userId: '11111111-1111-4111-8111-111111111111',
    email: 'actor@test.transfernet.cn',
    displayName: 'actor',
    roles: roles.map((r, i) => ({ id: `00000000-0000-4000-8000-00000000000${i}`, role: r.role, regionCode: r.regionCode ?? null, organisationId: r.organisationId ?? null })),
    memberships,
    via: 'session',
    scopes: ['read', 'write'],
    ip: '127.0.0.1',
    requestId: 'test',
  };
}

export const anonymous: Actor = { kind: 'anonymous', ip: '127.0.0.1', requestId: 'test' };
