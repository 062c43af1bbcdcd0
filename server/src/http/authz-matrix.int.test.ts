import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleAssignments } from '#server/modules/auth/auth.tables';
import { insertOrganisation, insertUser, makeCreditCode, type InsertUserInput } from '#server/test-factories';
import { createTestApp, TEST_PASSWORD, type Agent, type TestApp } from '#server/test-app';

/**
 * Authorization matrix: every /api/v1 endpoint × every kind of actor → the expected outcome.
 * A new endpoint without a row fails the coverage test at the bottom.
 */

const ACTORS = [
  'anonymous',
  'visitor',
  'researcher',
  'enterprise_member',
  'investor',
  'broker',
  'tto_officer',
  'registrar',
  'regional_admin_bj',
  'regional_admin_gd',
  'platform_admin',
] as const;
type ActorKey = (typeof ACTORS)[number];
type SignedInKey = Exclude<ActorKey, 'anonymous'>;

/**
 * 'ok' = any 2xx; a number = that exact status; `'<status> <code>'` = that status and error code.
 * A bare 401 must be common/unauthenticated and a bare 403 common/forbidden.
 */
type Outcome = 'ok' | 200 | 201 | 401 | 403 | `${401 | 403 | 404} ${string}`;

type Ctx = {
  /** 北京 海淀 (110108), verified; the TTO officer is a plain member of it. */
  bjOrg: string;
  /** 北京 海淀 (110108), pending: visible only to its region's administrators. */
  bjPendingOrg: string;
  /** 广东 深圳 南山 (440305), verified. */
  gdOrg: string;
  /** Plain users homed in 110108 and 440305. */
  bjUser: string;
  gdUser: string;
  agents: Record<SignedInKey, Agent>;
};
/** Per-cell fixtures created by a row's `setup`. */
type Fx = Record<string, string>;

type Row = {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The route pattern exactly as registered (checked against the app's route table). */
  route: string;
  /** Which variant of the route the row exercises, when there are several. */
  note?: string;
  url: (ctx: Ctx, fx: Fx) => string;
  body?: (ctx: Ctx, fx: Fx) => unknown;
  /** Fresh targets for each cell, so a successful write in one cell cannot change another. */
  setup?: (ctx: Ctx, agent: Agent | undefined) => Promise<Fx>;
  /** Act as a freshly signed-in copy of the actor (for requests that end the caller's sessions). */
  freshAgent?: boolean;
  expect: Record<ActorKey, Outcome>;
};

// ---------------------------------------------------------------------------------------------
// Expectation builders

const everyone = (o: Outcome) => Object.fromEntries(ACTORS.map((a) => [a, o])) as Record<ActorKey, Outcome>;
/** Anonymous 401, every signed-in actor `o`. */
const signedIn = (o: Outcome) => ({ ...everyone(o), anonymous: 401 as Outcome });
/** Anonymous 401, the listed actors as given, every other signed-in actor `denied`. */
const only = (allowed: Partial<Record<SignedInKey, Outcome>>, denied: Outcome = 403) => ({ ...signedIn(denied), ...allowed });

const PLATFORM_ADMIN_ONLY = only({ platform_admin: 200 });
const OUT_OF_SCOPE = '403 auth/region_out_of_scope' as const;
const USER_HIDDEN = '404 auth/user_not_found' as const;
const ORG_HIDDEN = '404 organisation/not_found' as const;

let t: TestApp;
let ctx: Ctx;

// Fresh fixtures -------------------------------------------------------------------------------

let n = 0;
const uniq = () => `${Date.now().toString(36)}-${(n++).toString(36)}`;

async function freshUser(regionCode: string, extra: InsertUserInput = {}) {
  return insertUser(t.handle.db, { email: `target-${uniq()}@matrix.test`, regionCode, ...extra });
}

/** A verified organisation with an owner and a plain member. */
async function orgWithMember(regionCode: string): Promise<Fx> {
  const org = await insertOrganisation(t.handle.db, { regionCode, status: 'verified' });
  await freshUser(regionCode, { orgs: [{ organisationId: org.id, role: 'owner' }] });
  const member = await freshUser(regionCode, { orgs: [{ organisationId: org.id, role: 'member' }] });
  return { orgId: org.id, memberId: member.id };
}

async function userWithResearcherRole(regionCode: string): Promise<Fx> {
  const u = await freshUser(regionCode, { roles: [{ role: 'researcher' }] });
  const [assignment] = await t.handle.db.select().from(roleAssignments).where(eq(roleAssignments.userId, u.id));
  return { userId: u.id, assignmentId: assignment!.id };
}

async function tokenOf(agent: Agent): Promise<string> {
  const res = await t.request('POST', '/api/v1/auth/tokens', { as: agent, body: { name: `matrix-${uniq()}`, scopes: ['read'] } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

// ---------------------------------------------------------------------------------------------
// The matrix

const ROWS: Row[] = [
  // Public reference and platform data: open to everyone.
  { method: 'GET', route: '/api/v1/health', url: () => '/api/v1/health', expect: everyone(200) },
  { method: 'GET', route: '/api/v1/config', url: () => '/api/v1/config', expect: everyone(200) },
  { method: 'GET', route: '/api/v1/platform/figures', url: () => '/api/v1/platform/figures', expect: everyone(200) },
  { method: 'GET', route: '/api/v1/code-lists', url: () => '/api/v1/code-lists', expect: everyone(200) },
  { method: 'GET', route: '/api/v1/code-lists/:name', url: () => '/api/v1/code-lists/trl', expect: everyone(200) },
  { method: 'GET', route: '/api/v1/regions/:code', url: () => '/api/v1/regions/110108', expect: everyone(200) },

  // Sign-up and sign-in are the two writes open to anonymous visitors.
  {
    method: 'POST',
    route: '/api/v1/auth/register',
    setup: async () => ({ email: `reg-${uniq()}@matrix.test` }),
    url: () => '/api/v1/auth/register',
    body: (_c, fx) => ({ email: fx.email, password: 'Register2026!ok', displayName: '新用户' }),
    expect: everyone(201),
  },
  {
    method: 'POST',
    route: '/api/v1/auth/login',
    setup: async () => ({ email: (await freshUser('110108')).email }),
    url: () => '/api/v1/auth/login',
    body: (_c, fx) => ({ email: fx.email, password: TEST_PASSWORD }),
    expect: everyone(200),
  },
  // Logging out without a session is a harmless no-op (it only clears cookies).
  { method: 'POST', route: '/api/v1/auth/logout', freshAgent: true, url: () => '/api/v1/auth/logout', expect: everyone(200) },

  // The signed-in user's own account.
  { method: 'GET', route: '/api/v1/auth/session', url: () => '/api/v1/auth/session', expect: signedIn(200) },
  { method: 'GET', route: '/api/v1/auth/me', url: () => '/api/v1/auth/me', expect: signedIn(200) },
  {
    method: 'PATCH',
    route: '/api/v1/auth/profile',
    url: () => '/api/v1/auth/profile',
    body: () => ({ displayName: '矩阵测试' }),
    expect: signedIn(200),
  },
  {
    method: 'POST',
    route: '/api/v1/auth/password',
    freshAgent: true,
    url: () => '/api/v1/auth/password',
    body: () => ({ currentPassword: TEST_PASSWORD, newPassword: 'Changed2026!matrix' }),
    expect: signedIn(200),
  },
  { method: 'GET', route: '/api/v1/auth/tokens', url: () => '/api/v1/auth/tokens', expect: signedIn(200) },
  {
    method: 'POST',
    route: '/api/v1/auth/tokens',
    url: () => '/api/v1/auth/tokens',
    body: () => ({ name: 'matrix', scopes: ['read'] }),
    expect: signedIn(201),
  },
  {
    method: 'DELETE',
    route: '/api/v1/auth/tokens/:id',
    note: 'own token',
    setup: async (c, agent) => ({ tokenId: await tokenOf(agent ?? c.agents.visitor) }),
    url: (_c, fx) => `/api/v1/auth/tokens/${fx.tokenId}`,
    expect: signedIn(200),
  },
  {
    method: 'DELETE',
    route: '/api/v1/auth/tokens/:id',
    note: "the platform admin's token",
    setup: async (c) => ({ tokenId: await tokenOf(c.agents.platform_admin) }),
    url: (_c, fx) => `/api/v1/auth/tokens/${fx.tokenId}`,
    expect: only({ platform_admin: 200 }, '404 auth/token_not_found'),
  },

  // Audit trail: platform administrators only.
  { method: 'GET', route: '/api/v1/audit/verify', url: () => '/api/v1/audit/verify', expect: PLATFORM_ADMIN_ONLY },
  { method: 'GET', route: '/api/v1/audit/events', url: () => '/api/v1/audit/events', expect: PLATFORM_ADMIN_ONLY },

  // User administration: platform admins everywhere, regional admins inside their region.
  {
    method: 'GET',
    route: '/api/v1/admin/users',
    url: () => '/api/v1/admin/users',
    expect: only({ regional_admin_bj: 200, regional_admin_gd: 200, platform_admin: 200 }),
  },
  {
    method: 'GET',
    route: '/api/v1/admin/users',
    note: '?regionCode=440000',
    url: () => '/api/v1/admin/users?regionCode=440000',
    expect: only({ regional_admin_bj: OUT_OF_SCOPE, regional_admin_gd: 200, platform_admin: 200 }),
  },
  {
    method: 'GET',
    route: '/api/v1/admin/users',
    note: '?regionCode=110108',
    url: () => '/api/v1/admin/users?regionCode=110108',
    expect: only({ regional_admin_bj: 200, regional_admin_gd: OUT_OF_SCOPE, platform_admin: 200 }),
  },
  {
    method: 'GET',
    route: '/api/v1/admin/users/:id',
    note: '北京 user',
    url: (c) => `/api/v1/admin/users/${c.bjUser}`,
    expect: only({ regional_admin_bj: 200, regional_admin_gd: USER_HIDDEN, platform_admin: 200 }),
  },
  {
    method: 'GET',
    route: '/api/v1/admin/users/:id',
    note: '广东 user',
    url: (c) => `/api/v1/admin/users/${c.gdUser}`,
    expect: only({ regional_admin_bj: USER_HIDDEN, regional_admin_gd: 200, platform_admin: 200 }),
  },
  {
    method: 'POST',
    route: '/api/v1/admin/users/:id/roles',
    note: '北京 user, researcher',
    setup: async () => ({ userId: (await freshUser('110108')).id }),
    url: (_c, fx) => `/api/v1/admin/users/${fx.userId}/roles`,
    body: () => ({ role: 'researcher' }),
    expect: only({ regional_admin_bj: 200, regional_admin_gd: USER_HIDDEN, platform_admin: 200 }),
  },
  {
    method: 'POST',
    route: '/api/v1/admin/users/:id/roles',
    note: '北京 user, registrar of 广东',
    setup: async () => ({ userId: (await freshUser('110108')).id }),
    url: (_c, fx) => `/api/v1/admin/users/${fx.userId}/roles`,
    body: () => ({ role: 'registrar', regionCode: '440000' }),
    expect: only({ regional_admin_bj: OUT_OF_SCOPE, regional_admin_gd: USER_HIDDEN, platform_admin: 200 }),
  },
  {
    method: 'POST',
    route: '/api/v1/admin/users/:id/roles',
    note: '北京 user, regional_admin of 北京 (a peer)',
    setup: async () => ({ userId: (await freshUser('110108')).id }),
    url: (_c, fx) => `/api/v1/admin/users/${fx.userId}/roles`,
    body: () => ({ role: 'regional_admin', regionCode: '110000' }),
    expect: only({ regional_admin_bj: OUT_OF_SCOPE, regional_admin_gd: USER_HIDDEN, platform_admin: 200 }),
  },
  {
    method: 'DELETE',
    route: '/api/v1/admin/users/:id/roles/:assignmentId',
    note: '北京 user',
    setup: () => userWithResearcherRole('110108'),
    url: (_c, fx) => `/api/v1/admin/users/${fx.userId}/roles/${fx.assignmentId}`,
    expect: only({ regional_admin_bj: 200, regional_admin_gd: USER_HIDDEN, platform_admin: 200 }),
  },
  {
    method: 'DELETE',
    route: '/api/v1/admin/users/:id/roles/:assignmentId',
    note: '广东 user',
    setup: () => userWithResearcherRole('440305'),
    url: (_c, fx) => `/api/v1/admin/users/${fx.userId}/roles/${fx.assignmentId}`,
    expect: only({ regional_admin_bj: USER_HIDDEN, regional_admin_gd: 200, platform_admin: 200 }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/admin/users/:id/status',
    note: '北京 user',
    setup: async () => ({ userId: (await freshUser('110108')).id }),
    url: (_c, fx) => `/api/v1/admin/users/${fx.userId}/status`,
    body: () => ({ status: 'disabled' }),
    expect: only({ regional_admin_bj: 200, regional_admin_gd: USER_HIDDEN, platform_admin: 200 }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/admin/users/:id/status',
    note: '广东 user',
    setup: async () => ({ userId: (await freshUser('440305')).id }),
    url: (_c, fx) => `/api/v1/admin/users/${fx.userId}/status`,
    body: () => ({ status: 'disabled' }),
    expect: only({ regional_admin_bj: USER_HIDDEN, regional_admin_gd: 200, platform_admin: 200 }),
  },

  // Organisations.
  { method: 'GET', route: '/api/v1/organisations', url: () => '/api/v1/organisations', expect: everyone(200) },
  {
    method: 'POST',
    route: '/api/v1/organisations',
    url: () => '/api/v1/organisations',
    body: () => ({ name: `矩阵测试机构-${uniq()}`, type: 'enterprise', regionCode: '110108', creditCode: makeCreditCode('110108') }),
    expect: signedIn(201),
  },
  {
    method: 'GET',
    route: '/api/v1/organisations/:id',
    note: 'verified, 广东',
    url: (c) => `/api/v1/organisations/${c.gdOrg}`,
    expect: everyone(200),
  },
  {
    method: 'GET',
    route: '/api/v1/organisations/:id',
    note: 'pending, 北京',
    url: (c) => `/api/v1/organisations/${c.bjPendingOrg}`,
    expect: { ...everyone(ORG_HIDDEN), regional_admin_bj: 200, platform_admin: 200 },
  },
  {
    method: 'PATCH',
    route: '/api/v1/organisations/:id',
    note: 'verified, 北京',
    url: (c) => `/api/v1/organisations/${c.bjOrg}`,
    body: () => ({ description: '权限矩阵测试' }),
    expect: only({ regional_admin_bj: 200, platform_admin: 200 }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/organisations/:id',
    note: 'verified, 广东',
    url: (c) => `/api/v1/organisations/${c.gdOrg}`,
    body: () => ({ description: '权限矩阵测试' }),
    expect: only({ regional_admin_gd: 200, platform_admin: 200 }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/organisations/:id',
    note: 'pending, 北京',
    url: (c) => `/api/v1/organisations/${c.bjPendingOrg}`,
    body: () => ({ description: '权限矩阵测试' }),
    expect: only({ regional_admin_bj: 200, platform_admin: 200 }, ORG_HIDDEN),
  },
  {
    method: 'POST',
    route: '/api/v1/organisations/:id/status',
    note: 'verified, 北京',
    setup: async () => ({ orgId: (await insertOrganisation(t.handle.db, { regionCode: '110108' })).id }),
    url: (_c, fx) => `/api/v1/organisations/${fx.orgId}/status`,
    body: () => ({ status: 'suspended' }),
    expect: only({ regional_admin_bj: 200, platform_admin: 200 }, OUT_OF_SCOPE),
  },
  {
    method: 'POST',
    route: '/api/v1/organisations/:id/status',
    note: 'verified, 广东',
    setup: async () => ({ orgId: (await insertOrganisation(t.handle.db, { regionCode: '440305' })).id }),
    url: (_c, fx) => `/api/v1/organisations/${fx.orgId}/status`,
    body: () => ({ status: 'suspended' }),
    expect: only({ regional_admin_gd: 200, platform_admin: 200 }, OUT_OF_SCOPE),
  },
  {
    method: 'GET',
    route: '/api/v1/organisations/:id/members',
    note: '北京, the TTO officer is a member',
    url: (c) => `/api/v1/organisations/${c.bjOrg}/members`,
    expect: only({ tto_officer: 200, regional_admin_bj: 200, platform_admin: 200 }),
  },
  {
    method: 'GET',
    route: '/api/v1/organisations/:id/members',
    note: '广东',
    url: (c) => `/api/v1/organisations/${c.gdOrg}/members`,
    expect: only({ regional_admin_gd: 200, platform_admin: 200 }),
  },
  {
    method: 'POST',
    route: '/api/v1/organisations/:id/members',
    note: '北京',
    setup: async () => ({
      orgId: (await insertOrganisation(t.handle.db, { regionCode: '110108' })).id,
      email: (await freshUser('110108')).email,
    }),
    url: (_c, fx) => `/api/v1/organisations/${fx.orgId}/members`,
    body: (_c, fx) => ({ email: fx.email, role: 'member' }),
    expect: only({ regional_admin_bj: 201, platform_admin: 201 }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/organisations/:id/members/:userId',
    note: '北京',
    setup: () => orgWithMember('110108'),
    url: (_c, fx) => `/api/v1/organisations/${fx.orgId}/members/${fx.memberId}`,
    body: () => ({ role: 'admin' }),
    expect: only({ regional_admin_bj: 200, platform_admin: 200 }),
  },
  {
    method: 'DELETE',
    route: '/api/v1/organisations/:id/members/:userId',
    note: '广东',
    setup: () => orgWithMember('440305'),
    url: (_c, fx) => `/api/v1/organisations/${fx.orgId}/members/${fx.memberId}`,
    expect: only({ regional_admin_gd: 200, platform_admin: 200 }),
  },
];

// ---------------------------------------------------------------------------------------------
// Actors

/** Who each actor is: home region, platform roles, organisation memberships. */
function actorSpecs(orgs: { bjOrg: string }): Record<SignedInKey, InsertUserInput> {
  return {
    visitor: { regionCode: '110108' },
    researcher: { regionCode: '110108', roles: [{ role: 'researcher' }] },
    enterprise_member: { regionCode: '440305', roles: [{ role: 'enterprise_member' }] },
    investor: { regionCode: '440305', roles: [{ role: 'investor' }] },
    broker: { regionCode: '110108', roles: [{ role: 'broker' }] },
    tto_officer: {
      regionCode: '110108',
      roles: [{ role: 'tto_officer', organisationId: orgs.bjOrg }],
      orgs: [{ organisationId: orgs.bjOrg, role: 'member' }],
    },
    registrar: { regionCode: '110000', roles: [{ role: 'registrar', regionCode: '110000' }] },
    regional_admin_bj: { regionCode: '110000', roles: [{ role: 'regional_admin', regionCode: '110000' }] },
    regional_admin_gd: { regionCode: '440000', roles: [{ role: 'regional_admin', regionCode: '440000' }] },
    platform_admin: { regionCode: null, roles: [{ role: 'platform_admin' }] },
  };
}
let specs: Record<SignedInKey, InsertUserInput>;

/** A new user with the same roles, region and memberships as the actor, signed in. */
async function cloneOf(actor: SignedInKey): Promise<Agent> {
  const u = await insertUser(t.handle.db, { ...specs[actor], email: `${actor}-${uniq()}@matrix.test` });
  return t.login(u.email);
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.handle.db;
  const bjOrg = await insertOrganisation(db, { name: '北京海淀测试大学', type: 'university', regionCode: '110108', status: 'verified' });
  const bjPendingOrg = await insertOrganisation(db, { name: '北京待审核机构', regionCode: '110108', status: 'pending' });
  const gdOrg = await insertOrganisation(db, { name: '深圳南山测试企业', regionCode: '440305', status: 'verified' });
  const bjUser = await insertUser(db, { email: 'plain-bj@matrix.test', regionCode: '110108' });
  const gdUser = await insertUser(db, { email: 'plain-gd@matrix.test', regionCode: '440305' });
  await insertUser(db, { email: 'owner-gd@matrix.test', regionCode: '440305', orgs: [{ organisationId: gdOrg.id, role: 'owner' }] });

  specs = actorSpecs({ bjOrg: bjOrg.id });
  const keys = Object.keys(specs) as SignedInKey[];
  for (const k of keys) {
    await insertUser(db, { ...specs[k], email: `${k}@matrix.test` });
  }
  // Each actor signs in once (argon2 is the slow part) and the session is reused by every cell.
  const agents = await Promise.all(keys.map((k) => t.login(`${k}@matrix.test`)));
  ctx = {
    bjOrg: bjOrg.id,
    bjPendingOrg: bjPendingOrg.id,
    gdOrg: gdOrg.id,
    bjUser: bjUser.id,
    gdUser: gdUser.id,
    agents: Object.fromEntries(keys.map((k, i) => [k, agents[i]!])) as Record<SignedInKey, Agent>,
  };
});
afterAll(() => t.close());

// ---------------------------------------------------------------------------------------------
// One test per cell

const DEFAULT_CODE: Record<number, string> = { 401: 'common/unauthenticated', 403: 'common/forbidden' };

function parseOutcome(o: Outcome): { label: string; check: (status: number) => boolean; code?: string } {
  if (o === 'ok') {
    return { label: '2xx', check: (s) => s >= 200 && s < 300 };
  }
  const [status, code] = String(o).split(' ') as [string, string | undefined];
  const want = Number(status);
  return { label: String(o), check: (s) => s === want, code: code ?? DEFAULT_CODE[want] };
}

const rowName = (r: Row) => `${r.method} ${r.route}${r.note ? ` [${r.note}]` : ''}`;

const cells = ROWS.flatMap((row) =>
  ACTORS.map((actor) => ({ row, actor, name: `${rowName(row)} as ${actor} → ${parseOutcome(row.expect[actor]).label}` })),
);

describe('authorization matrix', () => {
  // A loop rather than it.each: it.each would cut the long cell names short.
  for (const { row, actor, name } of cells) {
    it(name, async () => {
      const shared = actor === 'anonymous' ? undefined : ctx.agents[actor];
      const agent = actor !== 'anonymous' && row.freshAgent ? await cloneOf(actor) : shared;
      const fx = row.setup ? await row.setup(ctx, agent) : {};
      const res = await t.request(row.method, row.url(ctx, fx), { as: agent, ...(row.body ? { body: row.body(ctx, fx) } : {}) });

      const want = parseOutcome(row.expect[actor]);
      const got = `${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`;
      expect(want.check(res.status), `expected ${want.label}, got ${got}`).toBe(true);
      if (want.code) {
        expect(res.body?.error?.code, got).toBe(want.code);
      }
    });
  }
});

describe('regional scope of GET /api/v1/admin/users', () => {
  const regionsSeenBy = async (agent: Agent) => {
    const res = await t.request('GET', '/api/v1/admin/users?pageSize=200', { as: agent });
    expect(res.status).toBe(200);
    return res.body.items as { id: string; regionCode: string | null }[];
  };

  it('shows the 北京 administrator only users homed in 北京', async () => {
    const items = await regionsSeenBy(ctx.agents.regional_admin_bj);
    expect(items.map((u) => u.id)).toContain(ctx.bjUser);
    expect(
      items.every((u) => u.regionCode?.startsWith('11')),
      JSON.stringify(items.map((u) => u.regionCode)),
    ).toBe(true);
  });

  it('shows the 广东 administrator only users homed in 广东', async () => {
    const items = await regionsSeenBy(ctx.agents.regional_admin_gd);
    expect(items.map((u) => u.id)).toContain(ctx.gdUser);
    expect(
      items.every((u) => u.regionCode?.startsWith('44')),
      JSON.stringify(items.map((u) => u.regionCode)),
    ).toBe(true);
  });

  it('shows the platform administrator users of every region and of none', async () => {
    const items = await regionsSeenBy(ctx.agents.platform_admin);
    const ids = items.map((u) => u.id);
    expect(ids).toEqual(expect.arrayContaining([ctx.bjUser, ctx.gdUser, ctx.agents.platform_admin.userId]));
    expect(items.some((u) => u.regionCode === null)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Coverage: the matrix must name every API route the application registers.

/** `METHOD /path` for every route in Fastify's route tree (HEAD twins of GET routes left out). */
function registeredRoutes(app: TestApp['app']): string[] {
  const out: string[] = [];
  const prefixes: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:[│ ] {3})*)[├└]── (\S+)(?: \(([^)]*)\))?/.exec(line);
    if (!m) {
      continue;
    }
    const depth = m[1]!.length / 4;
    const path = (prefixes[depth - 1] ?? '') + m[2]!;
    prefixes[depth] = path;
    prefixes.length = depth + 1;
    for (const method of (m[3] ?? '').split(',').map((s) => s.trim())) {
      if (method && method !== 'HEAD') {
        out.push(`${method} ${path}`);
      }
    }
  }
  return out;
}

describe('matrix coverage', () => {
  it('has a row for every /api/v1 route, and every row names a real route', () => {
    const routes = registeredRoutes(t.app);
    // Guard against a parser that silently finds nothing.
    expect(routes).toContain('GET /api/v1/health');
    expect(routes).toContain('DELETE /api/v1/admin/users/:id/roles/:assignmentId');
    const api = routes.filter((r) => r.split(' ')[1]!.startsWith('/api/v1/')).sort();
    const covered = [...new Set(ROWS.map((r) => `${r.method} ${r.route}`))].sort();
    expect(
      api.filter((r) => !covered.includes(r)),
      'routes without a matrix row',
    ).toEqual([]);
    expect(
      covered.filter((r) => !api.includes(r)),
      'matrix rows for routes that do not exist',
    ).toEqual([]);
  });

  it('has an expectation for every actor in every row', () => {
    for (const row of ROWS) {
      expect(Object.keys(row.expect).sort(), rowName(row)).toEqual([...ACTORS].sort());
    }
  });
});
