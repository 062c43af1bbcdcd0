import type {
  CreateOrganisation,
  Member,
  Organisation,
  OrganisationQuery,
  OrgMemberRole,
  UpdateOrganisation,
} from '#shared/contracts/organisations.contract';
import { isValidCreditCode } from '#shared/format/credit-code';
import type { Db } from '#server/db/types';
import { pgErrorCode } from '#server/db/types';
import { AppError } from '#server/lib/app-error';
import { fieldError } from '#server/lib/field-error';
import type { AuditService } from '../audit/audit.service';
import { canAdministerRegion, type Actor } from '../auth/actor';
import { requireUser } from '../auth/auth.service';
import { auditStateOfOrganisation, toMemberDto, toOrganisationDto } from './organisations.mapper';
import {
  canEditOrganisation,
  canManageOwners,
  canSetOrganisationStatus,
  canViewMembers,
  canViewOrganisation,
  unverifiedVisibleScopes,
} from './organisations.policy';
import type { OrganisationRow, OrganisationsRepo } from './organisations.repo';

type Deps = {
  db: Db;
  repo: OrganisationsRepo;
  audit: AuditService;
  regionExists: (code: string) => Promise<boolean>;
  regionNames: (codes: string[]) => Promise<Map<string, string>>;
};

export function createOrganisationsService({ db, repo, audit, regionExists, regionNames }: Deps) {
  async function toDtos(rows: OrganisationRow[]): Promise<Organisation[]> {
    const ids = rows.map((r) => r.id);
    const [names, counts] = await Promise.all([regionNames([...new Set(rows.map((r) => r.regionCode))]), repo.memberCounts(ids)]);
    return rows.map((r) => toOrganisationDto(r, names.get(r.regionCode) ?? r.regionCode, counts.get(r.id) ?? 0));
  }

  /** The organisation as it is now, after a write the actor was allowed to make. */
  async function fresh(id: string): Promise<Organisation> {
    const [dto] = await toDtos([(await repo.findById(id))!]);
    return dto!;
  }

  async function load(actor: Actor, id: string): Promise<OrganisationRow> {
    const row = await repo.findById(id);
    if (!row || !canViewOrganisation(actor, row)) {
      throw new AppError('organisation/not_found', `organisation ${id} not found`);
    }
    return row;
  }

  async function validateFields(input: Partial<CreateOrganisation> | UpdateOrganisation, type: OrganisationRow['type']) {
    if (typeof input.creditCode === 'string' && !isValidCreditCode(input.creditCode)) {
      throw fieldError('organisation/credit_code_invalid', 'creditCode');
    }
    if (input.regionCode !== undefined && !(await regionExists(input.regionCode))) {
      throw fieldError('region/unknown_code', 'regionCode', { code: input.regionCode });
    }
    if (type !== 'enterprise' && input.enterpriseOwnership) {
      throw new AppError('common/validation_failed', 'ownership only for enterprises', {
        issues: [{ path: 'body.enterpriseOwnership', code: 'not_applicable', message: 'only for enterprise' }],
      });
    }
  }

  function mapUnique(err: unknown): never {
    if (pgErrorCode(err) === '23505') {
      throw fieldError('organisation/credit_code_taken', 'creditCode');
    }
    throw err;
  }

  return {
    /** Directory search; the public sees verified organisations only. */
    async list(actor: Actor, q: OrganisationQuery) {
      const myOrgIds = actor.kind === 'user' ? actor.memberships.map((m) => m.organisationId) : [];
      const { items, total } = await repo.page(q, { unverifiedScopes: unverifiedVisibleScopes(actor), myOrgIds });
      return { items: await toDtos(items), total, page: q.page, pageSize: q.pageSize };
    },

    async get(actor: Actor, id: string): Promise<Organisation> {
      const [dto] = await toDtos([await load(actor, id)]);
      return dto!;
    },

    /** Registers an organisation; its creator becomes owner. Verified at once when created by an administrator of its region. */
    async create(actor: Actor, input: CreateOrganisation): Promise<Organisation> {
      const me = requireUser(actor);
      await validateFields(input, input.type);
      const row = await db
        .transaction(async (tx) => {
          const o = await repo.insert(tx, {
            name: input.name,
            type: input.type,
            enterpriseOwnership: input.type === 'enterprise' ? (input.enterpriseOwnership ?? 'domestic') : null,
            creditCode: input.creditCode ?? null,
            regionCode: input.regionCode,
            address: input.address ?? null,
            website: input.website ?? null,
            description: input.description ?? null,
            status: canAdministerRegion(actor, input.regionCode) ? 'verified' : 'pending',
            isTechTransferOrg: input.flags?.isTechTransferOrg ?? false,
            isInvestor: input.flags?.isInvestor ?? false,
            isServiceProvider: input.flags?.isServiceProvider ?? false,
            createdBy: me.userId,
          });
          await repo.insertMember(tx, { organisationId: o.id, userId: me.userId, role: 'owner' });
          await audit.record(tx, { actor, action: 'organisation.created', entityType: 'organisation', entityId: o.id, after: auditStateOfOrganisation(o) });
          return o;
        })
        .catch(mapUnique);
      return fresh(row.id);
    },

    async update(actor: Actor, id: string, input: UpdateOrganisation): Promise<Organisation> {
      requireUser(actor);
      const before = await load(actor, id);
      if (!canEditOrganisation(actor, before)) {
        throw new AppError('common/forbidden', 'not an owner or admin of this organisation');
      }
      if (input.regionCode && input.regionCode !== before.regionCode && !canEditOrganisation(actor, { ...before, regionCode: input.regionCode })) {
        throw new AppError('auth/region_out_of_scope', 'moving outside scope', undefined, { regionCode: input.regionCode });
      }
      const type = input.type ?? before.type;
      await validateFields(input, type);
      const { flags, ...rest } = input;
      await db
        .transaction(async (tx) => {
          const after = await repo.update(tx, id, {
            ...rest,
            ...(type !== 'enterprise' ? { enterpriseOwnership: null } : {}),
            ...(flags?.isTechTransferOrg !== undefined ? { isTechTransferOrg: flags.isTechTransferOrg } : {}),
            ...(flags?.isInvestor !== undefined ? { isInvestor: flags.isInvestor } : {}),
            ...(flags?.isServiceProvider !== undefined ? { isServiceProvider: flags.isServiceProvider } : {}),
          });
          await audit.record(tx, {
            actor,
            action: 'organisation.updated',
            entityType: 'organisation',
            entityId: id,
            before: auditStateOfOrganisation(before),
            after: after ? auditStateOfOrganisation(after) : null,
          });
        })
        .catch(mapUnique);
      return fresh(id);
    },

    /** Verifies, suspends or reopens an organisation (administrators of its region). */
    async setStatus(actor: Actor, id: string, status: OrganisationRow['status']): Promise<Organisation> {
      requireUser(actor);
      const before = await load(actor, id);
      if (!canSetOrganisationStatus(actor, before)) {
        throw new AppError('auth/region_out_of_scope', 'status change outside scope', undefined, { regionCode: before.regionCode });
      }
      await db.transaction(async (tx) => {
        const after = await repo.update(tx, id, { status });
        await audit.record(tx, {
          actor,
          action: 'organisation.status_changed',
          entityType: 'organisation',
          entityId: id,
          before: auditStateOfOrganisation(before),
          after: after ? auditStateOfOrganisation(after) : null,
        });
      });
      return fresh(id);
    },

    async members(actor: Actor, id: string): Promise<{ items: Member[] }> {
      requireUser(actor);
      const org = await load(actor, id);
      if (!canViewMembers(actor, org)) {
        throw new AppError('common/forbidden', 'members are visible to members and administrators');
      }
      return { items: (await repo.members(id)).map(toMemberDto) };
    },

    async addMember(actor: Actor, id: string, email: string, role: OrgMemberRole): Promise<Member> {
      requireUser(actor);
      const org = await load(actor, id);
      if (!canEditOrganisation(actor, org) || (role === 'owner' && !canManageOwners(actor, org))) {
        throw new AppError('common/forbidden', 'cannot add members');
      }
      const userId = await repo.userIdByEmail(email);
      if (!userId) {
        throw new AppError('auth/user_not_found', 'no user with that e-mail', { issues: [{ path: 'body.email', code: 'user_not_found', message: 'unknown' }] });
      }
      await db.transaction(async (tx) => {
        const row = await repo.insertMember(tx, { organisationId: id, userId, role });
        if (!row) {
          throw new AppError('organisation/member_exists', 'already a member');
        }
        await audit.record(tx, { actor, action: 'organisation.member_added', entityType: 'organisation', entityId: id, after: { userId, role } });
      });
      const member = (await repo.members(id)).find((m) => m.userId === userId);
      return toMemberDto(member!);
    },

    async updateMember(actor: Actor, id: string, userId: string, role: OrgMemberRole): Promise<Member> {
      requireUser(actor);
      const org = await load(actor, id);
      if (!canEditOrganisation(actor, org)) {
        throw new AppError('common/forbidden', 'cannot change members');
      }
      await db.transaction(async (tx) => {
        const owners = await repo.lockOwners(tx, id);
        const current = (await repo.members(id, tx)).find((m) => m.userId === userId);
        if (!current) {
          throw new AppError('organisation/member_not_found', 'not a member');
        }
        if ((current.role === 'owner' || role === 'owner') && !canManageOwners(actor, org)) {
          throw new AppError('common/forbidden', 'only owners manage owners');
        }
        if (current.role === 'owner' && role !== 'owner' && owners.length <= 1) {
          throw new AppError('organisation/last_owner', 'last owner');
        }
        await repo.updateMember(tx, id, userId, role);
        await audit.record(tx, { actor, action: 'organisation.member_role_changed', entityType: 'organisation', entityId: id, before: { userId, role: current.role }, after: { userId, role } });
      });
      const member = (await repo.members(id)).find((m) => m.userId === userId);
      return toMemberDto(member!);
    },

    async removeMember(actor: Actor, id: string, userId: string) {
      const me = requireUser(actor);
      const org = await load(actor, id);
      const leavingSelf = me.userId === userId;
      if (!leavingSelf && !canEditOrganisation(actor, org)) {
        throw new AppError('common/forbidden', 'cannot remove members');
      }
      await db.transaction(async (tx) => {
        const owners = await repo.lockOwners(tx, id);
        const current = (await repo.members(id, tx)).find((m) => m.userId === userId);
        if (!current) {
          throw new AppError('organisation/member_not_found', 'not a member');
        }
        if (current.role === 'owner' && !leavingSelf && !canManageOwners(actor, org)) {
          throw new AppError('common/forbidden', 'only owners remove owners');
        }
        if (current.role === 'owner' && owners.length <= 1) {
          throw new AppError('organisation/last_owner', 'last owner');
        }
        await repo.deleteMember(tx, id, userId);
        await audit.record(tx, { actor, action: 'organisation.member_removed', entityType: 'organisation', entityId: id, before: { userId, role: current.role } });
      });
      return { ok: true as const };
    },

    /** Region of an organisation (for role grants), or null when unknown. */
    async regionOf(id: string): Promise<string | null> {
      return (await repo.findById(id))?.regionCode ?? null;
    },
  };
}
export type OrganisationsService = ReturnType<typeof createOrganisationsService>;
