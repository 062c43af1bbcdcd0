import type { CreateDemand, Demand, DemandAction, DemandQuery, UpdateDemand } from '#shared/contracts/demands.contract';
import { pgErrorCode, pgErrorConstraint, type Db, type DbConn } from '#server/db/types';
import { AppError } from '#server/lib/app-error';
import type { Clock } from '#server/lib/clock';
import { fieldError } from '#server/lib/field-error';
import { newChainId } from '#server/lib/ids';
import type { SearchIndexHook, UnknownCodes } from '#server/modules/achievements/index';
import type { AuditService } from '#server/modules/audit/index';
import { requireUser, type Actor } from '#server/modules/auth/index';
import { chinaToday, isDeadlinePast, isDemandEditable, nextDemandStatus, type DemandRole } from './demand.workflow';
import { auditStateOfDemand, toDemandDto, toDemandSearchDocument } from './demands.mapper';
import { canCreateDemandFor, canEditDemand, canViewDemand, demandOrgIds, demandRolesOf } from './demands.policy';
import type { DemandInsert, DemandsRepo, DemandWithOrg } from './demands.repo';

export type DemandsDeps = {
  db: Db;
  repo: DemandsRepo;
  audit: AuditService;
  clock: Clock;
  regionExists: (code: string) => Promise<boolean>;
  regionNames: (codes: string[]) => Promise<Map<string, string>>;
  unknownCodes: UnknownCodes;
  searchIndex?: SearchIndexHook;
};

type CheckedFields = {
  regionCode?: string | null;
  domainCode?: string | null;
  industryCodes?: readonly string[];
  budgetMinFen?: number | null;
  budgetMaxFen?: number | null;
  deadline?: string | null;
};

const AUDIT_ACTIONS: Record<DemandAction, string> = { publish: 'demand.published', close: 'demand.closed', withdraw: 'demand.withdrawn' };

/** The unique (organisation, external id) constraint as a field error; anything else rethrown. */
function mapUnique(externalId: string | null | undefined) {
  return (err: unknown): never => {
    if (pgErrorCode(err) === '23505' && pgErrorConstraint(err) === 'demands_external_id_key') {
      throw fieldError('demand/duplicate_external_id', 'externalId', { externalId });
    }
    throw err;
  };
}

/** Technology demands (技术需求): a problem an organisation wants solved, with budget and deadline. */
export function createDemandsService({ db, repo, audit, clock, regionExists, regionNames, unknownCodes, searchIndex }: DemandsDeps) {
  type Loaded = DemandWithOrg & { roles: DemandRole[] };
  const notFound = (id: string) => new AppError('demand/not_found', `demand ${id} not found`);

  async function load(actor: Actor, id: string, conn?: DbConn, forUpdate = false): Promise<Loaded> {
    const row = await repo.findById(id, conn, forUpdate);
    if (!row) {
      throw notFound(id);
    }
    const roles = demandRolesOf(actor, row.d);
    if (!canViewDemand(row.d, roles)) {
      throw notFound(id);
    }
    return { ...row, roles };
  }

  async function present({ d, org, roles }: Loaded): Promise<Demand> {
    const names = await regionNames([d.regionCode]);
    return toDemandDto(d, org, { regionName: names.get(d.regionCode) ?? d.regionCode, expired: isDeadlinePast(d.deadline, clock.now()), canEdit: canEditDemand(roles) });
  }

  /** Codes, ranges and dates the schema cannot check, on the values as they will be stored. */
  async function checkFields(f: CheckedFields) {
    if (f.regionCode && !(await regionExists(f.regionCode))) {
      throw fieldError('region/unknown_code', 'regionCode', { code: f.regionCode });
    }
    if (f.domainCode) {
      const [unknown] = await unknownCodes('technology-domains', [f.domainCode]);
      if (unknown !== undefined) {
        throw fieldError('demand/unknown_code', 'domainCode', { codes: unknown });
      }
    }
    if (f.industryCodes?.length) {
      const unknown = await unknownCodes('industries', f.industryCodes);
      if (unknown.length) {
        throw fieldError('demand/unknown_code', `industryCodes.${f.industryCodes.indexOf(unknown[0]!)}`, { codes: unknown.join('、') });
      }
    }
    if (typeof f.budgetMinFen === 'number' && typeof f.budgetMaxFen === 'number' && f.budgetMinFen > f.budgetMaxFen) {
      throw fieldError('demand/budget_range_invalid', 'budgetMaxFen', { min: f.budgetMinFen, max: f.budgetMaxFen });
    }
    if (f.deadline && isDeadlinePast(f.deadline, clock.now())) {
      throw fieldError('demand/deadline_past', 'deadline', { deadline: f.deadline });
    }
  }

  return {
    /** The public directory of published demands, or (`mine`) the caller's organisations' demands. */
    async list(actor: Actor, q: DemandQuery) {
      const mine = q.mine === true;
      if (mine) {
        requireUser(actor);
      }
      const now = clock.now();
      const { items, total } = await repo.page(q, mine ? { orgIds: demandOrgIds(actor) } : 'public', chinaToday(now));
      const names = await regionNames([...new Set(items.map((r) => r.d.regionCode))]);
      return {
        items: items.map(({ d, org }) =>
          toDemandDto(d, org, { regionName: names.get(d.regionCode) ?? d.regionCode, expired: isDeadlinePast(d.deadline, now), canEdit: canEditDemand(demandRolesOf(actor, d)) }),
        ),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    /** One demand; a `view` funnel event when someone outside the organisation opens a published one. */
    async get(actor: Actor, id: string): Promise<Demand> {
      const loaded = await load(actor, id);
      if (loaded.d.status === 'published' && !loaded.roles.includes('editor')) {
        await repo.recordView(db, id, actor.kind === 'user' ? actor.userId : null, clock.now());
      }
      return present(loaded);
    },

    /** Creates a draft demand for an organisation the actor belongs to. */
    async create(actor: Actor, input: CreateDemand): Promise<Demand> {
      const me = requireUser(actor);
      const org = await repo.findOrg(input.ownerOrgId);
      if (!org) {
        throw new AppError('organisation/not_found', `organisation ${input.ownerOrgId} not found`);
      }
      if (!canCreateDemandFor(actor, org.id)) {
        throw new AppError('common/forbidden', 'not a member of the owning organisation');
      }
      await checkFields(input);
      const { ownerOrgId, ...fields } = input;
      const row = await db
        .transaction(async (tx) => {
          const d = await repo.insert(tx, {
            ...fields,
            chainId: newChainId('D', clock.now()),
            ownerOrgId,
            createdBy: me.userId,
            regionCode: input.regionCode ?? org.regionCode,
          });
          await audit.record(tx, { actor, action: 'demand.created', entityType: 'demand', entityId: d.id, after: auditStateOfDemand(d) });
          return d;
        })
        .catch(mapUnique(input.externalId));
      return present(await load(actor, row.id));
    },

    /** Edits a draft (members of the owning organisation). */
    async update(actor: Actor, id: string, input: UpdateDemand): Promise<Demand> {
      requireUser(actor);
      const before = await load(actor, id);
      if (!canEditDemand(before.roles)) {
        throw new AppError('common/forbidden', 'not a member of the owning organisation');
      }
      if (!isDemandEditable(before.d.status)) {
        throw new AppError('demand/not_editable', `status ${before.d.status} is not editable`, { status: before.d.status }, { status: before.d.status });
      }
      await checkFields({
        regionCode: input.regionCode,
        domainCode: input.domainCode,
        industryCodes: input.industryCodes,
        budgetMinFen: input.budgetMinFen === undefined ? before.d.budgetMinFen : input.budgetMinFen,
        budgetMaxFen: input.budgetMaxFen === undefined ? before.d.budgetMaxFen : input.budgetMaxFen,
        deadline: input.deadline,
      });
      const values = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<DemandInsert>;
      await db
        .transaction(async (tx) => {
          const locked = await load(actor, id, tx, true);
          if (!isDemandEditable(locked.d.status)) {
            throw new AppError('demand/not_editable', `status ${locked.d.status} is not editable`, { status: locked.d.status }, { status: locked.d.status });
          }
          const after = await repo.update(tx, id, values);
          await audit.record(tx, { actor, action: 'demand.updated', entityType: 'demand', entityId: id, before: auditStateOfDemand(locked.d), after: auditStateOfDemand(after) });
        })
        .catch(mapUnique(input.externalId));
      return present(await load(actor, id));
    },

    /** publish / close / withdraw, audited, with the search index following inside the transaction. */
    async transition(actor: Actor, id: string, action: DemandAction, note: string | undefined): Promise<Demand> {
      requireUser(actor);
      await db.transaction(async (tx) => {
        const before = await load(actor, id, tx, true);
        if (before.roles.length === 0) {
          throw new AppError('common/forbidden', 'no role on this demand');
        }
        const next = nextDemandStatus(before.d.status, action, before.roles);
        if (!next.ok) {
          if (next.reason === 'not_allowed') {
            throw new AppError('common/forbidden', `${action} not allowed for ${before.roles.join('/')}`);
          }
          throw new AppError('demand/invalid_transition', `cannot ${action} from ${before.d.status}`, { from: before.d.status, action }, { from: before.d.status, action });
        }
        const now = clock.now();
        if (next.to === 'published' && before.org.status !== 'verified') {
          throw new AppError('organisation/not_verified', `organisation ${before.org.id} is ${before.org.status}`, { organisationId: before.org.id, status: before.org.status }, { name: before.org.name, status: before.org.status });
        }
        if (next.to === 'published' && isDeadlinePast(before.d.deadline, now)) {
          throw new AppError('demand/deadline_past', 'deadline has passed', { deadline: before.d.deadline }, { deadline: before.d.deadline });
        }
        const after = await repo.update(tx, id, { status: next.to, ...(next.to === 'published' ? { publishedAt: now } : {}) });
        await audit.record(tx, {
          actor,
          action: AUDIT_ACTIONS[action],
          entityType: 'demand',
          entityId: id,
          before: auditStateOfDemand(before.d),
          after: { ...auditStateOfDemand(after), note: note ?? null },
        });
        if (searchIndex) {
          if (next.to === 'published') {
            await searchIndex.upsert(toDemandSearchDocument(after, before.org), tx);
          } else if (before.d.status === 'published') {
            await searchIndex.remove(id, tx);
          }
        }
      });
      return present(await load(actor, id));
    },
  };
}
export type DemandsService = ReturnType<typeof createDemandsService>;
