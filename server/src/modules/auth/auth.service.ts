import { SELF_SERVICE_ROLES, type ChangePasswordSchema, type CreateApiToken, type Login, type Register, type Session, type UpdateProfile, type User } from '#shared/contracts/auth.contract';
import type { z } from 'zod';
import type { Db } from '#server/db/types';
import { pgErrorCode } from '#server/db/types';
import { AppError } from '#server/lib/app-error';
import { fieldError } from '#server/lib/field-error';
import type { Clock } from '#server/lib/clock';
import { hmacHex, randomToken, safeEqual } from '#server/lib/crypto';
import type { AuditService } from '../audit/audit.service';
import type { Actor, UserActor } from './actor';
import { auditStateOfUser, toApiTokenDto, toUserDto } from './auth.mapper';
import type { AuthRepo, SessionRow, UserRow } from './auth.repo';
import { dummyPasswordHash, hashPassword, isCommonPassword, verifyPassword } from './passwords';

/** `secret` keys the digests of session and API-token secrets (SESSION_SECRET). */
export type AuthConfig = { sessionTtlHours: number; maxFailures: number; lockoutMinutes: number; secret: string };
export type RequestContext = { ip: string; userAgent?: string; requestId: string };

type Deps = {
  db: Db;
  repo: AuthRepo;
  audit: AuditService;
  clock: Clock;
  config: AuthConfig;
  regionExists: (code: string) => Promise<boolean>;
};

/** What a successful sign-in hands to the HTTP layer: the cookie token is never stored. */
export type IssuedSession = { token: string; session: Session };

export function requireUser(actor: Actor): UserActor {
  if (actor.kind !== 'user') {
    throw new AppError(actor.expiredSession ? 'common/session_expired' : 'common/unauthenticated', 'sign-in required');
  }
  return actor;
}

export function createAuthService({ db, repo, audit, clock, config, regionExists }: Deps) {
  const digest = (secret: string) => hmacHex(config.secret, secret);

  async function toUser(u: UserRow): Promise<User> {
    const [roles, ms] = await Promise.all([repo.rolesOf([u.id]), repo.membershipsOf([u.id])]);
    return toUserDto(u, roles, ms.map((m) => m.organisationId));
  }

  async function assertRegion(code: string | null | undefined) {
    if (code && !(await regionExists(code))) {
      throw fieldError('region/unknown_code', 'regionCode', { code });
    }
  }

  async function issueSession(u: UserRow, ctx: RequestContext): Promise<IssuedSession> {
    const token = randomToken(32);
    const csrfToken = randomToken(24);
    const expiresAt = new Date(clock.now().getTime() + config.sessionTtlHours * 3_600_000);
    await repo.insertSession({
      id: digest(token),
      userId: u.id,
      csrfToken,
      expiresAt,
      createdAt: clock.now(),
      lastSeenAt: clock.now(),
      ip: ctx.ip,
      userAgent: ctx.userAgent?.slice(0, 300) ?? null,
    });
    return { token, session: { user: await toUser(u), csrfToken, expiresAt: expiresAt.toISOString() } };
  }

  /** Builds the request actor for a user (roles and memberships read fresh on every request). */
  async function loadActor(u: UserRow, via: UserActor['via'], scopes: UserActor['scopes'], ctx: RequestContext): Promise<UserActor> {
    const [roles, ms] = await Promise.all([repo.rolesOf([u.id]), repo.membershipsOf([u.id])]);
    return actorOf(u, roles, ms, via, scopes, ctx);
  }

  function actorOf(
    u: UserRow,
    roles: readonly { id: string; role: UserActor['roles'][number]['role']; regionCode: string | null; organisationId: string | null }[],
    ms: readonly { organisationId: string; role: UserActor['memberships'][number]['role'] }[],
    via: UserActor['via'],
    scopes: UserActor['scopes'],
    ctx: RequestContext,
  ): UserActor {
    return {
      kind: 'user',
      userId: u.id,
      email: u.email,
      displayName: u.displayName,
      roles: roles.map((r) => ({ id: r.id, role: r.role, regionCode: r.regionCode, organisationId: r.organisationId })),
      memberships: ms.map((m) => ({ organisationId: m.organisationId, role: m.role })),
      via,
      scopes,
      ip: ctx.ip,
      requestId: ctx.requestId,
    };
  }

  return {
    toUser,
    loadActor,

    /** Creates an account with a self-service role and signs it in. */
    async register(input: Register, ctx: RequestContext): Promise<IssuedSession> {
      if (!(SELF_SERVICE_ROLES as readonly string[]).includes(input.role)) {
        throw new AppError('auth/role_not_self_service', 'role needs an administrator', undefined, { role: input.role });
      }
      if (isCommonPassword(input.password)) {
        throw new AppError('auth/weak_password', 'password on the denylist', {
          issues: [{ path: 'body.password', code: 'weak_password', message: 'common password' }],
        });
      }
      await assertRegion(input.regionCode);
      const passwordHash = await hashPassword(input.password);
      let user: UserRow;
      try {
        user = await db.transaction(async (tx) => {
          const u = await repo.insertUser(tx, {
            email: input.email,
            passwordHash,
            displayName: input.displayName,
            phone: input.phone ?? null,
            regionCode: input.regionCode ?? null,
          });
          const roles = [];
          if (input.role !== 'visitor') {
            const r = await repo.insertRole(tx, { userId: u.id, role: input.role });
            if (r) {
              roles.push(r);
            }
          }
          const actor: Actor = { kind: 'anonymous', ip: ctx.ip, requestId: ctx.requestId };
          await audit.record(tx, { actor, action: 'user.registered', entityType: 'user', entityId: u.id, after: auditStateOfUser(u, roles) });
          return u;
        });
      } catch (err) {
        if (pgErrorCode(err) === '23505') {
          throw new AppError('auth/email_taken', 'email already registered', {
            issues: [{ path: 'body.email', code: 'email_taken', message: 'taken' }],
          });
        }
        throw err;
      }
      return issueSession(user, ctx);
    },

    /** Checks the password; counts failures and locks the account after too many. */
    async login(input: Login, ctx: RequestContext): Promise<IssuedSession> {
      const user = await repo.findUserByEmail(input.email);
      const now = clock.now();
      if (!user) {
        await verifyPassword(await dummyPasswordHash(), input.password);
        throw new AppError('auth/invalid_credentials', 'unknown email');
      }
      if (user.lockedUntil && user.lockedUntil > now) {
        throw new AppError('auth/account_locked', 'account locked', { lockedUntil: user.lockedUntil.toISOString() }, { until: user.lockedUntil.toISOString() });
      }
      if (!(await verifyPassword(user.passwordHash, input.password))) {
        const lockUntil = new Date(now.getTime() + config.lockoutMinutes * 60_000);
        const after = await repo.registerFailedLogin(user.id, config.maxFailures, lockUntil);
        if (after?.lockedUntil && after.lockedUntil > now) {
          await db.transaction(async (tx) => {
            await audit.record(tx, {
              actor: { kind: 'anonymous', ip: ctx.ip, requestId: ctx.requestId },
              action: 'user.locked',
              entityType: 'user',
              entityId: user.id,
              before: auditStateOfUser(user),
              after: auditStateOfUser({ ...user, lockedUntil: after.lockedUntil }),
            });
          });
          throw new AppError('auth/account_locked', 'too many failures', { lockedUntil: after.lockedUntil.toISOString() }, { until: after.lockedUntil.toISOString() });
        }
        throw new AppError('auth/invalid_credentials', 'wrong password');
      }
      if (user.status !== 'active') {
        throw new AppError('auth/account_disabled', 'account disabled');
      }
      // Everything inside a transaction goes through `tx`: PGlite has a single connection.
      const actor = await loadActor(user, 'session', ['read', 'write'], ctx);
      const updated = await db.transaction(async (tx) => {
        const u = (await repo.updateUser(tx, user.id, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now })) ?? user;
        await audit.record(tx, { actor, action: 'session.created', entityType: 'user', entityId: u.id });
        return u;
      });
      return issueSession(updated, ctx);
    },

    /** Ends a session (logout). */
    async logout(sessionId: string | undefined, actor: Actor): Promise<void> {
      if (!sessionId) {
        return;
      }
      await repo.deleteSession(sessionId);
      if (actor.kind === 'user') {
        await db.transaction((tx) => audit.record(tx, { actor, action: 'session.ended', entityType: 'user', entityId: actor.userId }));
      }
    },

    /** Resolves a session cookie; `expired` tells a stale cookie apart from none. */
    async authenticateSession(token: string, ctx: RequestContext): Promise<{ actor: UserActor; session: SessionRow } | { expired: true } | null> {
      const id = digest(token);
      const found = await repo.findSessionPrincipal(id);
      if (!found) {
        return { expired: true };
      }
      const { session, user } = found;
      if (session.expiresAt <= clock.now()) {
        await repo.deleteSession(id);
        return { expired: true };
      }
      if (!user || user.status !== 'active') {
        await repo.deleteSession(id);
        return { expired: true };
      }
      return { actor: actorOf(user, found.roles, found.memberships, 'session', ['read', 'write'], ctx), session };
    },

    /** Resolves `Authorization: Bearer tn_<prefix>_<secret>`; null when invalid, revoked or expired. */
    async authenticateToken(raw: string, ctx: RequestContext): Promise<UserActor | null> {
      const m = /^tn_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{20,})$/.exec(raw);
      if (!m) {
        return null;
      }
      const found = await repo.findTokenPrincipal(m[1]!);
      const now = clock.now();
      const row = found?.token;
      if (!found || !row || row.revokedAt || row.expiresAt <= now || !safeEqual(row.tokenHash, digest(raw))) {
        return null;
      }
      const { user } = found;
      if (user.status !== 'active') {
        return null;
      }
      if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
        await repo.touchToken(row.id, now);
      }
      return actorOf(user, found.roles, found.memberships, 'token', row.scopes, ctx);
    },

    /** The signed-in user as the client sees it. */
    async userOf(actor: UserActor): Promise<User> {
      const user = await repo.findUserById(actor.userId);
      if (!user) {
        throw new AppError('common/unauthenticated', 'user vanished');
      }
      return toUser(user);
    },

    /** Updates the signed-in user's own profile. */
    async updateProfile(actor: Actor, input: UpdateProfile): Promise<User> {
      const me = requireUser(actor);
      await assertRegion(input.regionCode);
      const updated = await db.transaction(async (tx) => {
        const before = await repo.findUserById(me.userId, tx);
        const u = await repo.updateUser(tx, me.userId, input);
        if (!before || !u) {
          throw new AppError('auth/user_not_found', 'user not found');
        }
        await audit.record(tx, { actor, action: 'user.profile_updated', entityType: 'user', entityId: u.id, before: auditStateOfUser(before), after: auditStateOfUser(u) });
        return u;
      });
      return toUser(updated);
    },

    /** Changes the password and ends every other session of the user. */
    async changePassword(actor: Actor, input: z.infer<typeof ChangePasswordSchema>, keepSessionId: string | undefined): Promise<void> {
      const me = requireUser(actor);
      const user = await repo.findUserById(me.userId);
      if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
        throw new AppError('auth/invalid_credentials', 'current password wrong', {
          issues: [{ path: 'body.currentPassword', code: 'invalid_credentials', message: 'wrong' }],
        });
      }
      if (isCommonPassword(input.newPassword)) {
        throw new AppError('auth/weak_password', 'password on the denylist');
      }
      const passwordHash = await hashPassword(input.newPassword);
      await db.transaction(async (tx) => {
        await repo.updateUser(tx, user.id, { passwordHash });
        await repo.deleteSessionsOfUser(tx, user.id);
        await audit.record(tx, { actor, action: 'user.password_changed', entityType: 'user', entityId: user.id });
      });
      // The session that asked stays valid: it was re-created by the caller if needed.
      void keepSessionId;
    },

    async listTokens(actor: Actor) {
      const me = requireUser(actor);
      return { items: (await repo.listTokens(me.userId)).map(toApiTokenDto) };
    },

    /** Issues an API token; its secret is returned once and stored only as a hash. */
    async createToken(actor: Actor, input: CreateApiToken) {
      const me = requireUser(actor);
      if (me.via === 'token') {
        throw new AppError('common/forbidden', 'tokens cannot mint tokens');
      }
      const prefix = randomToken(12).replace(/[^A-Za-z0-9]/g, '').slice(0, 8).padEnd(8, '0');
      const token = `tn_${prefix}_${randomToken(32)}`;
      const row = await db.transaction(async (tx) => {
        const r = await repo.insertToken(tx, {
          userId: me.userId,
          name: input.name,
          prefix,
          tokenHash: digest(token),
          scopes: [...new Set(input.scopes)],
          createdAt: clock.now(),
          expiresAt: new Date(clock.now().getTime() + input.expiresInDays * 86_400_000),
        });
        await audit.record(tx, { actor, action: 'api_token.created', entityType: 'api_token', entityId: r.id, after: toApiTokenDto(r) });
        return r;
      });
      return { ...toApiTokenDto(row), token };
    },

    async revokeToken(actor: Actor, id: string) {
      const me = requireUser(actor);
      await db.transaction(async (tx) => {
        const row = await repo.revokeToken(tx, me.userId, id, clock.now());
        if (!row) {
          throw new AppError('auth/token_not_found', 'token not found or already revoked');
        }
        await audit.record(tx, { actor, action: 'api_token.revoked', entityType: 'api_token', entityId: id, after: toApiTokenDto(row) });
      });
      return { ok: true as const };
    },

    /** Production guard: demo accounts have published passwords. */
    countDemoUsers: () => repo.countDemoUsers(),
    countUsers: () => repo.countUsers(),
    purgeExpiredSessions: () => repo.deleteExpiredSessions(clock.now()),
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
