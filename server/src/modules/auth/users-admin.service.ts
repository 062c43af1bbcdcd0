import { EmailSchema, PasswordSchema, type AdminUserQuery, type GrantRole, type User } from '#shared/contracts/auth.contract';
import { isWithinRegion } from '#shared/format/region-scope';
import type { Db } from '#server/db/types';
import { AppError } from '#server/lib/app-error';
import { fieldError } from '#server/lib/field-error';
import type { AuditService } from '../audit/audit.service';
import { isPlatformAdmin, type Actor } from './actor';
import { auditStateOfUser, toUserDto } from './auth.mapper';
import { canAdministerUsers, canGrantRole, canManageUser, isRegionalRole, ORGANISATION_ROLES, userAdminScopes } from './auth.policy';
import type { AuthRepo, UserRow } from './auth.repo';
import { hashPassword } from './passwords';
import { requireUser } from './auth.service';

type Deps = {
  db: Db;
  repo: AuthRepo;
  audit: AuditService;
  regionExists: (code: string) => Promise<boolean>;
  organisationRegion: (id: string) => Promise<string | null>;
};

/** User administration for platform and regional administrators. */
export function createUsersAdminService({ db, repo, audit, regionExists, organisationRegion }: Deps) {
  function assertAdmin(actor: Actor) {
    requireUser(actor);
    if (!canAdministerUsers(actor)) {
      throw new AppError('common/forbidden', 'user administration needs an administrator role');
    }
  }

  async function loadManageable(actor: Actor, id: string): Promise<UserRow> {
    assertAdmin(actor);
    const u = await repo.findUserById(id);
    if (!u || !canManageUser(actor, u.regionCode)) {
      // Users outside the actor's region are reported as missing, not as forbidden: no probing.
      throw new AppError('auth/user_not_found', `user ${id} not found or outside scope`);
    }
    return u;
  }

  async function dtos(rows: UserRow[]): Promise<User[]> {
    const ids = rows.map((r) => r.id);
    const [roles, ms] = await Promise.all([repo.rolesOf(ids), repo.membershipsOf(ids)]);
    return rows.map((u) =>
      toUserDto(
        u,
        roles.filter((r) => r.userId === u.id),
        ms.filter((m) => m.userId === u.id).map((m) => m.organisationId),
      ),
    );
  }

  return {
    /** Creates (or promotes) a platform administrator; used by `transfernet create-admin`. */
    async createPlatformAdmin(actor: Actor, input: { email: string; displayName: string; password: string }): Promise<User> {
      if (!isPlatformAdmin(actor)) {
        throw new AppError('common/forbidden', 'only platform admins create platform admins');
      }
      const email = EmailSchema.safeParse(input.email);
      const password = PasswordSchema.safeParse(input.password);
      if (!email.success || !password.success) {
        throw new AppError('common/validation_failed', `invalid ${!email.success ? 'e-mail' : 'password (min 10 characters, a letter and a digit)'}`);
      }
      const passwordHash = await hashPassword(password.data);
      const id = await db.transaction(async (tx) => {
        const existing = await repo.findUserByEmail(email.data, tx);
        const u = existing ?? (await repo.insertUser(tx, { email: email.data, passwordHash, displayName: input.displayName }));
        const before = await repo.rolesOf([u.id], tx);
        const role = await repo.insertRole(tx, { userId: u.id, role: 'platform_admin' });
        await audit.record(tx, {
          actor,
          action: existing ? 'user.role_granted' : 'user.registered',
          entityType: 'user',
          entityId: u.id,
          before: existing ? auditStateOfUser(u, before) : null,
          after: auditStateOfUser(u, role ? [...before, role] : before),
        });
        return u.id;
      });
      const [dto] = await dtos([(await repo.findUserById(id))!]);
      return dto!;
    },

    /** Lists users; regional administrators see only users of their region and below. */
    async list(actor: Actor, q: AdminUserQuery) {
      assertAdmin(actor);
      const scopes = userAdminScopes(actor);
      if (q.regionCode && scopes && !scopes.some((s) => isWithinRegion(s, q.regionCode!))) {
        throw new AppError('auth/region_out_of_scope', `region ${q.regionCode} outside scope`, undefined, { regionCode: q.regionCode });
      }
      const { items, total } = await repo.pageUsers(q, scopes);
      return { items: await dtos(items), total, page: q.page, pageSize: q.pageSize };
    },

    async get(actor: Actor, id: string): Promise<User> {
      const u = await loadManageable(actor, id);
      const [dto] = await dtos([u]);
      return dto!;
    },

    /** Grants a role; regional and organisation roles are checked against the granter's region. */
    async grantRole(actor: Actor, id: string, grant: GrantRole): Promise<User> {
      const target = await loadManageable(actor, id);
      if (isRegionalRole(grant.role) && !grant.regionCode) {
        throw new AppError('auth/role_requires_region', 'regional role needs regionCode', undefined, { role: grant.role });
      }
      if (ORGANISATION_ROLES.includes(grant.role) && !grant.organisationId) {
        throw new AppError('auth/role_requires_organisation', 'role needs organisationId', undefined, { role: grant.role });
      }
      if (grant.regionCode && !(await regionExists(grant.regionCode))) {
        throw fieldError('region/unknown_code', 'regionCode', { code: grant.regionCode });
      }
      let orgRegion: string | null = null;
      if (grant.organisationId) {
        orgRegion = await organisationRegion(grant.organisationId);
        if (!orgRegion) {
          throw new AppError('organisation/not_found', 'organisation not found');
        }
      }
      if (!canGrantRole(actor, grant, orgRegion)) {
        throw new AppError('auth/region_out_of_scope', 'grant outside scope', undefined, { regionCode: grant.regionCode ?? orgRegion ?? '' });
      }
      await db.transaction(async (tx) => {
        const before = await repo.rolesOf([target.id], tx);
        const row = await repo.insertRole(tx, {
          userId: target.id,
          role: grant.role,
          regionCode: isRegionalRole(grant.role) ? grant.regionCode! : null,
          organisationId: grant.organisationId ?? null,
          grantedBy: actor.kind === 'user' ? actor.userId : null,
        });
        if (row) {
          await audit.record(tx, {
            actor,
            action: 'user.role_granted',
            entityType: 'user',
            entityId: target.id,
            before: auditStateOfUser(target, before),
            after: auditStateOfUser(target, [...before, row]),
          });
        }
      });
      return this.get(actor, id);
    },

    async revokeRole(actor: Actor, id: string, assignmentId: string): Promise<User> {
      const target = await loadManageable(actor, id);
      const assignment = (await repo.rolesOf([target.id])).find((r) => r.id === assignmentId);
      const orgRegion = assignment?.organisationId ? await organisationRegion(assignment.organisationId) : null;
      await db.transaction(async (tx) => {
        const before = await repo.rolesOf([target.id], tx);
        const existing = before.find((r) => r.id === assignmentId);
        if (!existing) {
          throw new AppError('auth/role_assignment_not_found', 'no such assignment');
        }
        const grant = { role: existing.role, regionCode: existing.regionCode ?? undefined, organisationId: existing.organisationId ?? undefined };
        if (!canGrantRole(actor, grant, orgRegion)) {
          throw new AppError('auth/region_out_of_scope', 'revoke outside scope', undefined, { regionCode: existing.regionCode ?? orgRegion ?? '' });
        }
        if (existing.role === 'platform_admin' && (await repo.countRole(tx, 'platform_admin')) <= 1) {
          throw new AppError('auth/cannot_remove_last_admin', 'last platform admin');
        }
        await repo.deleteRole(tx, target.id, assignmentId);
        await audit.record(tx, {
          actor,
          action: 'user.role_revoked',
          entityType: 'user',
          entityId: target.id,
          before: auditStateOfUser(target, before),
          after: auditStateOfUser(target, before.filter((r) => r.id !== assignmentId)),
        });
      });
      return this.get(actor, id);
    },

    /** Disables or re-enables an account; disabling ends its sessions. */
    async setStatus(actor: Actor, id: string, status: 'active' | 'disabled'): Promise<User> {
      const target = await loadManageable(actor, id);
      if (actor.kind === 'user' && actor.userId === id && status === 'disabled') {
        throw new AppError('common/forbidden', 'cannot disable yourself');
      }
      if (status === 'disabled' && !isPlatformAdmin(actor)) {
        const roles = await repo.rolesOf([id]);
        if (roles.some((r) => r.role === 'platform_admin')) {
          throw new AppError('common/forbidden', 'only platform admins can disable platform admins');
        }
      }
      await db.transaction(async (tx) => {
        const u = await repo.updateUser(tx, id, { status });
        if (status === 'disabled') {
          await repo.deleteSessionsOfUser(tx, id);
        }
        await audit.record(tx, { actor, action: 'user.status_changed', entityType: 'user', entityId: id, before: auditStateOfUser(target), after: u ? auditStateOfUser(u) : null });
      });
      return this.get(actor, id);
    },
  };
}
export type UsersAdminService = ReturnType<typeof createUsersAdminService>;
