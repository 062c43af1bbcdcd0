import type {
  CertificateCheck,
  ChangeDecision,
  ChangeRequest,
  CreateRegistration,
  Decide,
  Finding,
  Parameter,
  Party,
  PutParameter,
  Registration,
  RegistrationAction,
  RegistrationPage,
  RegistrationPoint,
  RegistrationQuery,
  TaxEffects,
  UpdateRegistration,
} from '#shared/contracts/registrations.contract';
import { LICENSABLE_SUBTYPES } from '#shared/contracts/registrations.contract';
import { chinaToday } from '#shared/format/china-time';
import { isWithinRegion, regionPrefix } from '#shared/format/region-scope';
import type { Db, DbConn, Tx } from '#server/db/types';
import { AppError } from '#server/lib/app-error';
import type { Clock } from '#server/lib/clock';
import { canonicalJson, sha256Hex } from '#server/lib/crypto';
import { fieldError } from '#server/lib/field-error';
import { newChainId } from '#server/lib/ids';
import type { AuditService } from '#server/modules/audit/index';
import { isPlatformAdmin, regionsFor, requireUser, type Actor } from '#server/modules/auth/index';
import type { ContractForStats } from '#server/modules/statistics/index';
import type { CalendarExceptions } from '#server/modules/notices/index';
import { addWorkingDays } from '#server/modules/notices/index';
import type { PartyColumns } from './registrations.tables';
import type { ContractInsert, ContractRow, PointRow, RegistrationsRepo } from './registrations.repo';
import { allowedRegistrationActions, nextRegistrationStatus, type RegistrationRole } from './registration.workflow';
import {
  addMonths,
  eitEligible,
  eitSplit,
  matchesSubtype,
  PARAMETER_VALUE_SCHEMAS,
  parameterAt,
  registrationDeadline,
  reviewDays,
  runChecks,
  scheduleMismatch,
} from './registration.rules';
import { applicantOrgIdsOf, isApplicantSide, readerOrgIds } from './registrations.policy';
import { certificateFacts, toRegistrationDto, toRegistrationSummary } from './registrations.mapper';
import { renderCertificatePdf } from './certificate-pdf';

export type RegistrationsDeps = {
  db: Db;
  repo: RegistrationsRepo;
  audit: AuditService;
  clock: Clock;
  /** Keeps the statistics' aggregates current in the same transaction. */
  statistics: { applyChange(tx: DbConn, before: ContractForStats | null, after: ContractForStats | null): Promise<void>; applyMany(tx: DbConn, added: Iterable<ContractForStats>): Promise<void> };
  regionNames: (codes: string[]) => Promise<Map<string, string>>;
  /** The working-day calendar's exceptions between two days (holidays, 调休). */
  calendar: (conn: DbConn, from: string, to: string) => Promise<CalendarExceptions>;
  /** Subtype and domain names for certificates. */
  codeName: (list: 'contract-types' | 'technology-domains', code: string) => Promise<string>;
  /** Public address certificates point to for checking (e.g. https://tn.example.cn). */
  publicUrl?: string;
};

/** A contract to register directly (bulk: historical records entered by a registry, demo and benchmark data). */
export type BulkRegistration = CreateRegistration & { registeredOn: string; applicantOrgId: string };

/** The contract's fields as checked and stored (a create, a correction or an amendment). */
type ContractValues = Omit<ContractInsert, 'id' | 'chainId' | 'dealId' | 'applicantOrgId' | 'createdBy' | 'createdAt' | 'updatedAt' | 'status'>;

const FIELD_KEYS = [
  'externalId',
  'contractNo',
  'projectName',
  'subtype',
  'licenceMode',
  'summary',
  'seller',
  'buyer',
  'technologyDomain',
  'industryCode',
  'ipTypes',
  'ipNumbers',
  'planCategory',
  'planProjectNo',
  'socioEconomicObjective',
  'signedOn',
  'validFrom',
  'validTo',
  'paymentMethod',
  'paymentSchedule',
  'contractAmountFen',
  'nonTechnicalCosts',
  'techAmountFen',
  'expectedInvestmentFen',
  'expectedOutputFen',
] as const satisfies readonly (keyof CreateRegistration)[];

function toPartyInput(p: PartyColumns): Party {
  return {
    ...(p.organisationId ? { organisationId: p.organisationId } : {}),
    name: p.name,
    type: p.type,
    ...(p.enterpriseOwnership ? { enterpriseOwnership: p.enterpriseOwnership } : {}),
    ...(p.creditCode ? { creditCode: p.creditCode } : {}),
    countryCode: p.countryCode,
    ...(p.regionCode ? { regionCode: p.regionCode } : {}),
  };
}

/** The stored row as the create input (to merge a correction into). Pure. */
export function inputOf(row: ContractRow): CreateRegistration {
  return {
    ...(row.externalId ? { externalId: row.externalId } : {}),
    ...(row.contractNo ? { contractNo: row.contractNo } : {}),
    projectName: row.projectName,
    subtype: row.subtype,
    ...(row.licenceMode ? { licenceMode: row.licenceMode } : {}),
    summary: row.summary,
    seller: toPartyInput(row.seller),
    buyer: toPartyInput(row.buyer),
    technologyDomain: row.technologyDomain as CreateRegistration['technologyDomain'],
    industryCode: row.industryCode,
    ipTypes: row.ipTypes,
    ipNumbers: row.ipNumbers,
    planCategory: row.planCategory,
    ...(row.planProjectNo ? { planProjectNo: row.planProjectNo } : {}),
    socioEconomicObjective: row.socioEconomicObjective,
    signedOn: row.signedOn,
    validFrom: row.validFrom,
    validTo: row.validTo,
    paymentMethod: row.paymentMethod,
    paymentSchedule: row.paymentSchedule,
    contractAmountFen: row.contractAmountFen,
    nonTechnicalCosts: row.nonTechnicalCosts,
    techAmountFen: row.techAmountFen,
    ...(row.expectedInvestmentFen !== null ? { expectedInvestmentFen: row.expectedInvestmentFen } : {}),
    ...(row.expectedOutputFen !== null ? { expectedOutputFen: row.expectedOutputFen } : {}),
  };
}

/** Fields whose stored value differs, with before and after (the history of a correction). Pure. */
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, { before: unknown; after: unknown }> | null {
  const out: Record<string, { before: unknown; after: unknown }> = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (canonicalJson(before[k] ?? null) !== canonicalJson(after[k] ?? null)) {
      out[k] = { before: before[k] ?? null, after: after[k] ?? null };
    }
  }
  return Object.keys(out).length ? out : null;
}

/** The registration number: year, the point's 6-digit code, a 6-digit sequence — 16 digits. Pure. */
export function registrationNumber(year: number, pointCode: string, seq: number): string {
  return `${year}${pointCode}${String(seq).padStart(6, '0')}`;
}

/** The most local active point that serves the region and the amount (a delegated point has a ceiling). Pure. */
export function choosePoint(points: readonly PointRow[], regionCode: string | null, contractAmountFen: number): PointRow | undefined {
  const depth = { national: 0, province: 1, city: 2, county: 3 } as const;
  return points
    .filter((p) => p.active && (p.maxContractAmountFen === null || contractAmountFen < p.maxContractAmountFen))
    .filter((p) => (p.regionCode === null ? true : regionCode !== null && isWithinRegion(p.regionCode, regionCode)))
    .sort((a, b) => depth[b.level] - depth[a.level])[0];
}

export function createRegistrationsService(deps: RegistrationsDeps) {
  const { db, repo, audit, clock, statistics } = deps;

  function notFound(id: string) {
    return new AppError('registration/not_found', `registration ${id} not found`);
  }

  async function pointOf(conn: DbConn, row: ContractRow): Promise<PointRow | undefined> {
    return row.pointId ? repo.point(conn, row.pointId) : undefined;
  }

  /** Registrar of a point: platform admins everywhere; registrars whose region covers the point (the national point: admins only). */
  function isPointRegistrar(actor: Actor, point: PointRow | undefined): boolean {
    if (isPlatformAdmin(actor)) {
      return true;
    }
    if (!point?.regionCode) {
      return false;
    }
    return regionsFor(actor, 'registrar').some((scope) => isWithinRegion(scope, point.regionCode!));
  }

  function rolesOf(actor: Actor, row: ContractRow, point: PointRow | undefined): RegistrationRole[] {
    const roles: RegistrationRole[] = [];
    if (isApplicantSide(actor, row.applicantOrgId)) {
      roles.push('applicant');
    }
    if (point && isPointRegistrar(actor, point)) {
      roles.push('registrar');
    }
    return roles;
  }

  function canRead(actor: Actor, row: ContractRow, point: PointRow | undefined): boolean {
    if (rolesOf(actor, row, point).length > 0) {
      return true;
    }
    const orgs = readerOrgIds(actor);
    return [row.applicantOrgId, row.seller.organisationId, row.buyer.organisationId].some((id) => id !== null && orgs.includes(id));
  }

  function transition(row: ContractRow, action: RegistrationAction, roles: RegistrationRole[]) {
    const t = nextRegistrationStatus(row.status, action, roles);
    if (!t.ok) {
      if (t.reason === 'not_allowed') {
        if (roles.length === 0) {
          throw notFound(row.id);
        }
        // The applicant's own steps name the applicant rule; a registrar's step taken by the applicant is plainly forbidden.
        throw new AppError(action === 'submit' || action === 'withdraw' || action === 'request_change' ? 'registration/not_applicant' : 'common/forbidden', `${action} not allowed`);
      }
      throw new AppError('registration/invalid_transition', `cannot ${action} from ${row.status}`, undefined, { from: row.status, action });
    }
    return t.to;
  }

  /** One party as stored: a platform organisation's own data wins; a domestic party needs a region (and a credit code unless a person). */
  /** Lookups memoised over one bulk call (regions and industry sections do not change within it). */
  type Lookups = { regions: Map<string, boolean>; sections: Map<string, string | undefined> };
  const noCache = (): Lookups => ({ regions: new Map(), sections: new Map() });
  async function regionKnown(conn: DbConn, code: string, cache: Lookups): Promise<boolean> {
    let v = cache.regions.get(code);
    if (v === undefined) {
      v = await repo.regionExists(conn, code);
      cache.regions.set(code, v);
    }
    return v;
  }
  async function sectionOf(conn: DbConn, code: string, cache: Lookups): Promise<string | undefined> {
    if (!cache.sections.has(code)) {
      cache.sections.set(code, await repo.industrySection(conn, code));
    }
    return cache.sections.get(code);
  }

  async function party(conn: DbConn, p: Party, label: 'seller' | 'buyer', cache: Lookups): Promise<PartyColumns> {
    const name = label === 'seller' ? '卖方' : '买方';
    if (p.organisationId) {
      const org = await repo.org(conn, p.organisationId);
      if (!org) {
        throw fieldError('registration/party_incomplete', `${label}.organisationId`, { party: name, reason: 'organisation not found' });
      }
      return { organisationId: org.id, name: org.name, type: org.type, enterpriseOwnership: org.enterpriseOwnership ?? null, creditCode: org.creditCode, countryCode: 'CN', regionCode: org.regionCode };
    }
    if (p.countryCode === 'CN') {
      if (!p.regionCode) {
        throw fieldError('registration/party_incomplete', `${label}.regionCode`, { party: name, reason: '境内当事人须填写行政区划代码' });
      }
      if (!(await regionKnown(conn, p.regionCode, cache))) {
        throw fieldError('registration/unknown_code', `${label}.regionCode`, { codes: p.regionCode });
      }
      if (p.type !== 'individual' && !p.creditCode) {
        throw fieldError('registration/party_incomplete', `${label}.creditCode`, { party: name, reason: '境内法人须填写统一社会信用代码' });
      }
    } else if (p.regionCode) {
      throw fieldError('registration/party_incomplete', `${label}.regionCode`, { party: name, reason: '境外当事人不填行政区划代码' });
    }
    return {
      organisationId: null,
      name: p.name,
      type: p.type,
      enterpriseOwnership: p.type === 'enterprise' ? (p.enterpriseOwnership ?? 'domestic') : null,
      creditCode: p.creditCode ?? null,
      countryCode: p.countryCode,
      regionCode: p.countryCode === 'CN' ? (p.regionCode ?? null) : null,
    };
  }

  /** Checks a whole contract and returns the values to store. Throws the first problem, field by field. */
  async function contractValues(conn: DbConn, input: CreateRegistration, cache: Lookups = noCache()): Promise<ContractValues & { applicantSide: 'seller' | 'buyer' }> {
    const seller = await party(conn, input.seller, 'seller', cache);
    const buyer = await party(conn, input.buyer, 'buyer', cache);
    const crossBorder = seller.countryCode === 'CN' ? (buyer.countryCode === 'CN' ? 'domestic' : 'export') : buyer.countryCode === 'CN' ? 'import' : null;
    if (crossBorder === null) {
      throw fieldError('registration/party_incomplete', 'seller.countryCode', { party: '卖方', reason: '至少一方须在境内' });
    }
    const costs = input.nonTechnicalCosts.reduce((s, c) => s + c.amountFen, 0);
    if (input.techAmountFen > input.contractAmountFen) {
      throw fieldError('registration/amounts_inconsistent', 'techAmountFen', { reason: '技术交易额不能大于成交额' });
    }
    if (input.contractAmountFen - costs !== input.techAmountFen) {
      throw fieldError('registration/amounts_inconsistent', 'techAmountFen', { reason: `技术交易额须等于成交额减非技术性费用（${input.contractAmountFen} − ${costs} = ${input.contractAmountFen - costs} 分）` });
    }
    const today = chinaToday(clock.now());
    if (input.validFrom > input.validTo) {
      throw fieldError('registration/dates_out_of_order', 'validTo', { reason: '有效期止不能早于有效期起' });
    }
    if (input.signedOn > input.validTo) {
      throw fieldError('registration/dates_out_of_order', 'signedOn', { reason: '签订日期不能晚于有效期止' });
    }
    if (input.signedOn > today) {
      throw fieldError('registration/dates_out_of_order', 'signedOn', { reason: '签订日期不能晚于今天' });
    }
    const mismatch = scheduleMismatch(input.paymentMethod, input.paymentSchedule, input.contractAmountFen);
    if (mismatch !== null) {
      throw fieldError('registration/payment_schedule_mismatch', 'paymentSchedule', { sum: mismatch, amount: input.contractAmountFen });
    }
    const licensable = LICENSABLE_SUBTYPES.includes(input.subtype);
    if (licensable && !input.licenceMode) {
      throw fieldError('registration/party_incomplete', 'licenceMode', { party: '合同', reason: '专利、技术秘密许可须写明许可方式（独占/排他/普通）' });
    }
    const industrySection = await sectionOf(conn, input.industryCode, cache);
    if (!industrySection) {
      throw fieldError('registration/unknown_code', 'industryCode', { codes: input.industryCode });
    }
    if (new Set(input.ipTypes).size !== input.ipTypes.length) {
      throw fieldError('registration/unknown_code', 'ipTypes', { codes: 'duplicate IP types' });
    }
    return {
      externalId: input.externalId ?? null,
      contractNo: input.contractNo ?? null,
      projectName: input.projectName,
      subtype: input.subtype,
      licenceMode: licensable ? (input.licenceMode ?? null) : null,
      summary: input.summary,
      seller,
      buyer,
      sellerRegionCode: seller.regionCode,
      buyerRegionCode: buyer.regionCode,
      technologyDomain: input.technologyDomain,
      industryCode: input.industryCode,
      industrySection,
      ipTypes: input.ipTypes,
      ipNumbers: input.ipNumbers,
      planCategory: input.planCategory,
      planProjectNo: input.planProjectNo ?? null,
      socioEconomicObjective: input.socioEconomicObjective,
      crossBorder,
      signedOn: input.signedOn,
      validFrom: input.validFrom,
      validTo: input.validTo,
      paymentMethod: input.paymentMethod,
      paymentSchedule: input.paymentSchedule,
      contractAmountFen: input.contractAmountFen,
      nonTechnicalCosts: input.nonTechnicalCosts,
      techAmountFen: input.techAmountFen,
      expectedInvestmentFen: input.expectedInvestmentFen ?? null,
      expectedOutputFen: input.expectedOutputFen ?? null,
      // 技术进口合同由境内买方申请 (domain-cn §1.5).
      applicantSide: crossBorder === 'import' ? 'buyer' : 'seller',
    };
  }

  function merged(row: ContractRow, patch: UpdateRegistration): CreateRegistration {
    const base = inputOf(row);
    const out: Record<string, unknown> = { ...base };
    for (const k of FIELD_KEYS) {
      if (patch[k] !== undefined) {
        out[k] = patch[k];
      }
    }
    return out as CreateRegistration;
  }

  async function params() {
    return repo.parameters();
  }

  function findingsOf(paramRows: Awaited<ReturnType<typeof params>>, row: Pick<ContractRow, 'subtype' | 'summary' | 'projectName' | 'ipTypes' | 'ipNumbers' | 'expectedInvestmentFen' | 'expectedOutputFen' | 'contractNo' | 'planCategory' | 'planProjectNo' | 'techAmountFen'>, day: string): Finding[] {
    const rule = parameterAt(paramRows, 'recognition_checks', day);
    return rule ? runChecks(rule.checks, row) : [];
  }

  async function record(tx: Tx, actor: Actor, row: ContractRow, action: string, fromStatus: string | null, extra: { note?: string | null; reasons?: string[]; changes?: Record<string, { before: unknown; after: unknown }> | null } = {}) {
    const me = actor.kind === 'user' ? actor.userId : null;
    await repo.addEvent(tx, { contractId: row.id, action, fromStatus, toStatus: row.status, actorId: me, note: extra.note ?? null, reasons: extra.reasons ?? [], changes: extra.changes ?? null, at: clock.now() });
    await audit.record(tx, {
      actor,
      action: `registration.${action}`,
      entityType: 'registration',
      entityId: row.id,
      after: { status: row.status, registrationNo: row.registrationNo, version: row.version, chainId: row.chainId, contractAmountFen: row.contractAmountFen, techAmountFen: row.techAmountFen },
    });
  }

  async function taxEffects(row: ContractRow, paramRows: Awaited<ReturnType<typeof params>>): Promise<TaxEffects | null> {
    if (!row.registeredOn) {
      return null;
    }
    const day = row.registeredOn;
    const subtype = row.recognisedSubtype ?? row.subtype;
    const vat = parameterAt(paramRows, 'tax_vat', day);
    const vatEligible = !!vat && vat.status !== 'repealed' && vat.eligible.some((p) => matchesSubtype(p, subtype));
    const vatConditional = !!vat && vat.conditional.some((p) => matchesSubtype(p, subtype));
    const eit = parameterAt(paramRows, 'tax_eit', day);
    const e = eitEligible(eit, { subtype, licenceMode: row.licenceMode, sellerType: row.seller.type, crossBorder: row.crossBorder, validFrom: row.validFrom, validTo: row.validTo, registeredOn: row.registeredOn });
    const year = Number(day.slice(0, 4));
    let income: bigint | null = null;
    let split: { exemptFen: bigint; halvedFen: bigint } | null = null;
    if (e.eligible && eit) {
      const subtypes = ['TRF-PAT', 'TRF-APP', 'TRF-SEC', 'TRF-OTH', 'LIC-PAT', 'LIC-SEC', 'LIC-OTH'].filter((s) => [...eit.transfer, ...eit.licence].some((p) => matchesSubtype(p, s as ContractRow['subtype'])));
      income = await repo.sellerYearIncome(db, row.seller, year, subtypes);
      split = eitSplit(income, eit.exemptFen);
    }
    const pit = parameterAt(paramRows, 'tax_pit', day);
    const pitEligible = !!pit && pit.sellerTypes.includes(row.seller.type);
    return {
      vat: {
        eligible: vatEligible || vatConditional,
        basis: vat?.basis ?? '—',
        note: vat ? `${vatConditional && !vatEligible ? '仅当与技术转让/开发同一发票开具时免税。' : ''}${vat.note}${vat.status === 'unconfirmed' ? '（现行有效性未核实）' : ''}` : '无适用参数',
      },
      eit: {
        eligible: e.eligible,
        basis: eit?.basis ?? '—',
        note: `${e.why}。${eit?.note ?? ''}${row.crossBorder === 'export' ? '；技术出口须经省级以上商务部门认定登记' : ''}`,
        year: e.eligible ? year : null,
        sellerYearIncomeFen: income === null ? null : income.toString(),
        exemptFen: split ? split.exemptFen.toString() : null,
        halvedFen: split ? split.halvedFen.toString() : null,
      },
      pit: {
        eligible: pitEligible,
        basis: pit?.basis ?? '—',
        note: pitEligible ? pit.note : '卖方非高校或非营利性科研机构，不适用职务成果转化现金奖励个税优惠',
        rewardWindowEndsOn: pitEligible ? addMonths(day, pit.windowMonths) : null,
      },
    };
  }

  async function dto(actor: Actor, row: ContractRow): Promise<Registration> {
    const point = await pointOf(db, row);
    const paramRows = await params();
    const day = row.submittedAt ? chinaToday(row.submittedAt) : chinaToday(clock.now());
    const regionNames = await deps.regionNames([row.sellerRegionCode, row.buyerRegionCode].filter((c): c is string => c !== null));
    const applicant = await repo.org(db, row.applicantOrgId);
    return toRegistrationDto(row, {
      point,
      applicantName: applicant?.name ?? '',
      regionNames,
      findings: findingsOf(paramRows, row, day),
      taxEffects: await taxEffects(row, paramRows),
      history: await repo.events(row.id),
      allowedActions: allowedRegistrationActions(row.status, rolesOf(actor, row, point)),
    });
  }

  async function load(actor: Actor, id: string): Promise<ContractRow> {
    requireUser(actor);
    const row = await repo.byId(db, id);
    if (!row || !canRead(actor, row, await pointOf(db, row))) {
      throw notFound(id);
    }
    return row;
  }

  /** A write on one registration: row locked, roles computed, the change applied by `fn`. */
  async function change(actor: Actor, id: string, fn: (tx: Tx, row: ContractRow, roles: RegistrationRole[], point: PointRow | undefined) => Promise<ContractRow>): Promise<Registration> {
    requireUser(actor);
    const after = await db.transaction(async (tx) => {
      const row = await repo.byId(tx, id, true);
      if (!row) {
        throw notFound(id);
      }
      const point = await pointOf(tx, row);
      const roles = rolesOf(actor, row, point);
      if (roles.length === 0 && !canRead(actor, row, point)) {
        throw notFound(id);
      }
      const next = await fn(tx, row, roles, point);
      await statistics.applyChange(tx, row, next);
      return next;
    });
    return dto(actor, after);
  }

  function recognisedAmount(techAmountFen: number, input: number | undefined): number {
    const v = input ?? techAmountFen;
    if (v < 0 || v > techAmountFen) {
      throw fieldError('registration/recognised_amount_invalid', 'recognisedTechAmountFen');
    }
    return v;
  }

  async function applicantOrgFor(actor: Actor, values: Awaited<ReturnType<typeof contractValues>>): Promise<string> {
    const side = values.applicantSide === 'seller' ? values.seller : values.buyer;
    if (!side.organisationId || !isApplicantSide(actor, side.organisationId)) {
      throw new AppError('registration/not_applicant', 'the applicant must be the seller organisation (the domestic buyer for imports) and you must act for it');
    }
    return side.organisationId;
  }

  return {
    async create(actor: Actor, input: CreateRegistration): Promise<Registration> {
      const me = requireUser(actor);
        const row = await db.transaction(async (tx) => {
        const values = await contractValues(tx, input);
        const applicantOrgId = await applicantOrgFor(actor, values);
        if (values.externalId && (await repo.byExternalId(tx, applicantOrgId, values.externalId))) {
          throw fieldError('registration/duplicate', 'externalId', { registration: values.externalId });
        }
        const { applicantSide: _side, ...stored } = values;
        const created = await repo.insert(tx, { ...stored, chainId: newChainId('C', clock.now()), applicantOrgId, createdBy: me.userId, status: 'draft' });
        await record(tx, actor, created, 'create', null);
        return created;
      });
      return dto(actor, row);
    },

    /**
     * Many applications (drafts) in one transaction — an all-or-nothing import. A refused row throws
     * its AppError with `details.row` (0-based index into `inputs`); nothing is written then.
     * Rows whose externalId the applicant already has are skipped and reported by index.
     */
    async createMany(actor: Actor, inputs: readonly CreateRegistration[]): Promise<{ ids: (string | null)[]; skipped: number[] }> {
      const me = requireUser(actor);
      return db.transaction(async (tx) => {
        const cache = noCache();
        const ids: (string | null)[] = [];
        const skipped: number[] = [];
        for (const [i, input] of inputs.entries()) {
          try {
            const values = await contractValues(tx, input, cache);
            const applicantOrgId = await applicantOrgFor(actor, values);
            if (values.externalId && (await repo.byExternalId(tx, applicantOrgId, values.externalId))) {
              ids.push(null);
              skipped.push(i);
              continue;
            }
            const { applicantSide: _side, ...stored } = values;
            const created = await repo.insert(tx, { ...stored, chainId: newChainId('C', clock.now()), applicantOrgId, createdBy: me.userId, status: 'draft' });
            await record(tx, actor, created, 'import', null);
            ids.push(created.id);
          } catch (err) {
            if (err instanceof AppError) {
              throw new AppError(err.code, err.message, { ...err.details, row: i }, err.params);
            }
            throw err;
          }
        }
        return { ids, skipped };
      });
    },

    /** Checks every row as `createMany` would, writing nothing; returns every refusal (an import's full report). */
    async checkMany(actor: Actor, inputs: readonly CreateRegistration[]): Promise<{ index: number; error: AppError }[]> {
      requireUser(actor);
      const cache = noCache();
      const out: { index: number; error: AppError }[] = [];
      for (const [index, input] of inputs.entries()) {
        try {
          await applicantOrgFor(actor, await contractValues(db, input, cache));
        } catch (err) {
          if (!(err instanceof AppError)) {
            throw err;
          }
          out.push({ index, error: err });
        }
      }
      return out;
    },

    /** A draft pre-filled from a concluded market deal, carrying its chain id (one registration per deal). */
    async fromDeal(actor: Actor, dealId: string): Promise<Registration> {
      const me = requireUser(actor);
        const row = await db.transaction(async (tx) => {
        const deal = await repo.deal(tx, dealId);
        if (!deal || !isApplicantSide(actor, deal.sellerOrgId)) {
          throw new AppError('registration/deal_not_found', `deal ${dealId} not found`);
        }
        if (deal.status !== 'concluded' || !deal.contractDraft) {
          throw new AppError('registration/deal_not_concluded', 'deal not concluded', undefined, { status: deal.status });
        }
        const existing = await repo.byDeal(tx, dealId);
        if (existing) {
          throw new AppError('registration/duplicate', 'deal already registered', { registrationId: existing.id }, { registration: existing.registrationNo ?? existing.id });
        }
        const draft = deal.contractDraft as {
          contractName?: string;
          contractSubtype?: CreateRegistration['subtype'];
          licenceMode?: CreateRegistration['licenceMode'] | null;
          technologyDomain?: string | null;
          industryCodes?: string[];
          ip?: { kind: string; number?: string }[];
          fiscalFunding?: { fiscal: boolean; projectNumber?: string } | null;
          concludedOn?: string;
        };
        const signedOn = draft.concludedOn ?? chinaToday(clock.now());
        const validTo = `${Number(signedOn.slice(0, 4)) + 5}${signedOn.slice(4)}`.replace('-02-29', '-02-28');
        const ipTypes = [...new Set((draft.ip ?? []).map((i) => (i.kind === 'patent' || i.kind === 'patent_application' ? 'patent_invention' : i.kind === 'know_how' ? 'technical_secret' : i.kind === 'software_copyright' ? 'software_copyright' : i.kind === 'ic_layout' ? 'ic_layout' : i.kind === 'plant_variety' ? 'plant_variety' : 'other')))] as CreateRegistration['ipTypes'];
        const seller = await repo.org(tx, deal.sellerOrgId);
        const buyer = await repo.org(tx, deal.buyerOrgId);
        const industry = draft.industryCodes?.[0] ?? 'M';
        const section = await repo.industrySection(tx, industry);
        const created = await repo.insert(tx, {
          chainId: deal.chainId,
          dealId: deal.id,
          applicantOrgId: deal.sellerOrgId,
          projectName: draft.contractName ?? deal.title,
          subtype: draft.contractSubtype ?? 'TRF-OTH',
          licenceMode: draft.licenceMode ?? null,
          summary: '',
          seller: { organisationId: seller!.id, name: seller!.name, type: seller!.type, enterpriseOwnership: seller!.enterpriseOwnership ?? null, creditCode: seller!.creditCode, countryCode: 'CN', regionCode: seller!.regionCode },
          buyer: { organisationId: buyer!.id, name: buyer!.name, type: buyer!.type, enterpriseOwnership: buyer!.enterpriseOwnership ?? null, creditCode: buyer!.creditCode, countryCode: 'CN', regionCode: buyer!.regionCode },
          sellerRegionCode: seller!.regionCode,
          buyerRegionCode: buyer!.regionCode,
          technologyDomain: draft.technologyDomain ?? 'TD01',
          industryCode: section ? industry : 'M',
          industrySection: section ?? 'M',
          ipTypes,
          ipNumbers: (draft.ip ?? []).flatMap((i) => (i.number ? [i.number] : [])),
          planCategory: draft.fiscalFunding?.fiscal ? 'national' : 'none',
          planProjectNo: draft.fiscalFunding?.projectNumber ?? null,
          socioEconomicObjective: 'SE06',
          crossBorder: 'domestic',
          signedOn,
          validFrom: signedOn,
          validTo,
          paymentMethod: 'lump_sum',
          paymentSchedule: [{ dueOn: signedOn, amountFen: deal.priceFen }],
          contractAmountFen: deal.priceFen,
          nonTechnicalCosts: [],
          techAmountFen: deal.priceFen,
          createdBy: me.userId,
          status: 'draft',
        });
        await record(tx, actor, created, 'create_from_deal', null, { note: deal.dealNo });
        return created;
      });
      return dto(actor, row);
    },

    async get(actor: Actor, id: string): Promise<Registration> {
      return dto(actor, await load(actor, id));
    },

    async list(actor: Actor, q: RegistrationQuery): Promise<RegistrationPage> {
      requireUser(actor);
      const page = { page: q.page, pageSize: q.pageSize, ...(q.q ? { q: q.q } : {}), ...(q.year ? { year: q.year } : {}) };
      const prefix = q.regionCode ? regionPrefix(q.regionCode) : undefined;
      const scopes = isPlatformAdmin(actor) ? null : regionsFor(actor, 'registrar');
      let res;
      if (q.view === 'mine') {
        res = await repo.list({ ...page, applicantOrgIds: applicantOrgIdsOf(actor, true), ...(q.status ? { statuses: [q.status] } : {}), ...(prefix ? { regionPrefix: prefix } : {}) });
      } else {
        if (scopes !== null && scopes.length === 0) {
          throw new AppError('common/forbidden', 'registrars only');
        }
        const statuses = q.status ? [q.status] : q.view === 'queue' ? (['submitted', 'change_requested'] as const) : (['submitted', 'returned', 'registered', 'rejected', 'change_requested', 'cancelled'] as const);
        if (q.status === 'draft') {
          // Drafts are the applicant's own until submitted.
          return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
        }
        res = await repo.list({ ...page, pointRegionPrefixes: scopes === null ? null : scopes.map(regionPrefix), statuses: [...statuses], ...(prefix ? { regionPrefix: prefix } : {}) });
      }
      return { items: res.rows.map((r) => toRegistrationSummary(r, r.pointName)), total: res.total, page: q.page, pageSize: q.pageSize };
    },

    async update(actor: Actor, id: string, patch: UpdateRegistration): Promise<Registration> {
      return change(actor, id, async (tx, row, roles) => {
        if (!roles.includes('applicant')) {
          throw new AppError('registration/not_applicant', 'only the applicant corrects an application');
        }
        if (row.status !== 'draft' && row.status !== 'returned') {
          throw new AppError('registration/invalid_transition', 'not editable', undefined, { from: row.status, action: 'update' });
        }
        const values = await contractValues(tx, merged(row, patch));
        const applicantOrgId = await applicantOrgFor(actor, values);
        if (applicantOrgId !== row.applicantOrgId) {
          throw new AppError('registration/not_applicant', 'the applicant organisation cannot change');
        }
        const { applicantSide: _side, ...stored } = values;
        const next = await repo.update(tx, id, stored);
        await record(tx, actor, next, 'update', row.status, { changes: diffFields(inputOf(row), inputOf(next)) });
        return next;
      });
    },

    async submit(actor: Actor, id: string): Promise<Registration> {
      return change(actor, id, async (tx, row, roles) => {
        const to = transition(row, 'submit', roles);
        const now = clock.now();
        const today = chinaToday(now);
        const paramRows = await repo.parameters(tx);
        const errors = findingsOf(paramRows, row, today).filter((f) => f.severity === 'error');
        if (errors.length) {
          throw new AppError(
            'registration/rules_not_met',
            'recognition rules not met',
            { issues: errors.map((f) => ({ path: `body.${f.field ?? ''}`, code: f.ruleId, message: f.message })), findings: errors },
            { rules: errors.map((f) => f.message).join('；') },
          );
        }
        const deadline = registrationDeadline(parameterAt(paramRows, 'deadline', today), row);
        if (deadline && today > deadline) {
          throw new AppError('registration/deadline_passed', 'deadline passed', { deadline }, { deadline });
        }
        const region = row.crossBorder === 'import' ? row.buyerRegionCode : row.sellerRegionCode;
        const point = choosePoint(await repo.points(tx), region, row.contractAmountFen);
        if (!point) {
          throw new AppError('registration/no_registration_point', 'no point', undefined, { region: region ?? '—' });
        }
        const review = reviewDays(parameterAt(paramRows, 'review_period', today), row.techAmountFen);
        let decideBy: string;
        if (review.unit === 'working') {
          const exceptions = await deps.calendar(tx, today, addDays(today, review.days * 3 + 60));
          decideBy = addWorkingDays(today, review.days, exceptions);
        } else {
          decideBy = addDays(today, review.days);
        }
        const next = await repo.update(tx, id, { status: to, pointId: point.id, submittedAt: now, decideBy, reasons: [], decisionNote: null });
        await record(tx, actor, next, 'submit', row.status, { note: `${point.name}；审核期限 ${decideBy}` });
        return next;
      });
    },

    async withdraw(actor: Actor, id: string): Promise<Registration> {
      return change(actor, id, async (tx, row, roles) => {
        const to = transition(row, 'withdraw', roles);
        const next = await repo.update(tx, id, { status: to });
        await record(tx, actor, next, 'withdraw', row.status);
        return next;
      });
    },

    async decide(actor: Actor, id: string, input: Decide): Promise<Registration> {
      const me = requireUser(actor);
      return change(actor, id, async (tx, row, roles, point) => {
        const to = transition(row, input.action, roles);
        const now = clock.now();
        if (input.action === 'register') {
          const recognised = recognisedAmount(row.techAmountFen, input.recognisedTechAmountFen);
          const subtypeChanged = input.recognisedSubtype !== undefined && input.recognisedSubtype !== row.subtype;
          if (input.outcome === 'full' && (recognised !== row.techAmountFen || subtypeChanged)) {
            throw fieldError('registration/recognised_amount_invalid', 'outcome');
          }
          const registeredOn = chinaToday(now);
          const seq = await repo.nextSequence(tx, point!.id, Number(registeredOn.slice(0, 4)));
          const next = await repo.update(tx, id, {
            status: to,
            outcome: input.outcome,
            recognisedTechAmountFen: recognised,
            recognisedSubtype: subtypeChanged ? input.recognisedSubtype! : null,
            reasons: [],
            decisionNote: input.note ?? null,
            decidedBy: me.userId,
            decidedAt: now,
            registeredOn,
            registrationNo: registrationNumber(Number(registeredOn.slice(0, 4)), point!.code, seq),
          });
          await record(tx, actor, next, 'register', row.status, { note: input.note ?? null });
          return next;
        }
        const next = await repo.update(tx, id, {
          status: to,
          outcome: input.action === 'reject' ? 'none' : null,
          reasons: input.reasons,
          decisionNote: input.note,
          decidedBy: me.userId,
          decidedAt: now,
        });
        await record(tx, actor, next, input.action, row.status, { note: input.note, reasons: input.reasons });
        return next;
      });
    },

    /** 变更 / 撤销: the applicant requests; a registrar of the point changes directly. */
    async requestChange(actor: Actor, id: string, input: ChangeRequest): Promise<Registration> {
      return change(actor, id, async (tx, row, roles) => {
        const direct = roles.includes('registrar') && !roles.includes('applicant');
        if (direct) {
          return applyChange(tx, actor, row, input.kind === 'amend' ? 'amend' : 'cancel', roles, { reason: input.reason, changes: input.kind === 'amend' ? input.changes : null });
        }
        const to = transition(row, 'request_change', roles);
        if (input.kind === 'amend') {
          // Checked now, so the registrar decides on a valid amendment.
          await contractValues(tx, merged(row, input.changes));
        }
        const next = await repo.update(tx, id, { status: to, pendingChange: { kind: input.kind, reason: input.reason, changes: input.kind === 'amend' ? (input.changes) : null } });
        await record(tx, actor, next, `request_${input.kind}`, row.status, { note: input.reason });
        return next;
      });
    },

    async decideChange(actor: Actor, id: string, input: ChangeDecision): Promise<Registration> {
      return change(actor, id, async (tx, row, roles) => {
        const pending = row.pendingChange;
        if (!input.approve || !pending) {
          const to = transition(row, 'decline_change', roles);
          const next = await repo.update(tx, id, { status: to, pendingChange: null });
          await record(tx, actor, next, 'decline_change', row.status, { note: input.note });
          return next;
        }
        return applyChange(tx, actor, row, pending.kind === 'amend' ? 'approve_amendment' : 'approve_cancellation', roles, {
          reason: `${pending.reason}；${input.note}`,
          changes: pending.changes,
          ...(input.recognisedTechAmountFen !== undefined ? { recognisedTechAmountFen: input.recognisedTechAmountFen } : {}),
        });
      });
    },

    async certificate(actor: Actor, id: string): Promise<{ fileName: string; pdf: Buffer }> {
      const row = await load(actor, id);
      if (!row.registrationNo || !row.registeredOn || !(row.status === 'registered' || row.status === 'change_requested' || row.status === 'cancelled')) {
        throw new AppError('registration/not_registered', 'not registered');
      }
      const point = await pointOf(db, row);
      const names = await deps.regionNames([row.sellerRegionCode, row.buyerRegionCode].filter((c): c is string => c !== null));
      const subtype = row.recognisedSubtype ?? row.subtype;
      const facts = certificateFacts(row, point?.name ?? '');
      const base = deps.publicUrl ?? '';
      const pdf = renderCertificatePdf({
        registrationNo: row.registrationNo,
        projectName: row.projectName,
        subtypeName: `${await deps.codeName('contract-types', subtype.slice(0, 3))} · ${await deps.codeName('contract-types', subtype)}`,
        licenceModeName: row.licenceMode ? { exclusive: '独占许可', sole: '排他许可', non_exclusive: '普通许可' }[row.licenceMode] : null,
        sellerName: row.seller.name,
        sellerRegionName: row.sellerRegionCode ? (names.get(row.sellerRegionCode) ?? null) : row.seller.countryCode,
        sellerCreditCode: row.seller.creditCode,
        buyerName: row.buyer.name,
        buyerRegionName: row.buyerRegionCode ? (names.get(row.buyerRegionCode) ?? null) : row.buyer.countryCode,
        buyerCreditCode: row.buyer.creditCode,
        signedOn: row.signedOn,
        validFrom: row.validFrom,
        validTo: row.validTo,
        contractAmountFen: row.contractAmountFen,
        techAmountFen: row.recognisedTechAmountFen ?? row.techAmountFen,
        technologyDomainName: await deps.codeName('technology-domains', row.technologyDomain),
        pointName: point?.name ?? '',
        registeredOn: row.registeredOn,
        version: row.version,
        chainId: row.chainId,
        status: row.status === 'cancelled' ? 'cancelled' : row.status === 'change_requested' ? 'change_requested' : 'registered',
        digest: sha256Hex(canonicalJson(facts)),
        verifyUrl: `${base}/registrations/check?no=${row.registrationNo}`,
        issuedAt: clock.now().toISOString(),
      });
      return { fileName: `技术合同登记证明-${row.registrationNo}.pdf`, pdf };
    },

    /** Public check of a certificate: the facts it states and their digest. */
    async checkCertificate(registrationNo: string): Promise<CertificateCheck> {
      const row = /^\d{16}$/.test(registrationNo) ? await repo.byRegistrationNo(registrationNo) : undefined;
      if (!row || !row.registeredOn) {
        throw new AppError('registration/not_found', 'no such registration number');
      }
      const point = await pointOf(db, row);
      return {
        registrationNo,
        projectName: row.projectName,
        subtype: row.recognisedSubtype ?? row.subtype,
        sellerName: row.seller.name,
        buyerName: row.buyer.name,
        pointName: point?.name ?? '',
        registeredOn: row.registeredOn,
        status: row.status,
        version: row.version,
        digest: sha256Hex(canonicalJson(certificateFacts(row, point?.name ?? ''))),
      };
    },

    async points(): Promise<RegistrationPoint[]> {
      const rows = await repo.points();
      const names = await deps.regionNames(rows.flatMap((r) => (r.regionCode ? [r.regionCode] : [])));
      return rows.map((p) => ({ id: p.id, code: p.code, name: p.name, level: p.level, regionCode: p.regionCode, regionName: p.regionCode ? (names.get(p.regionCode) ?? null) : null, maxContractAmountFen: p.maxContractAmountFen, active: p.active }));
    },

    async parameters(actor: Actor): Promise<Parameter[]> {
      requireUser(actor);
      return (await repo.parameters()).map((p) => ({ key: p.key, effectiveFrom: p.effectiveFrom, value: p.value, source: p.source, updatedAt: p.updatedAt.toISOString() }));
    },

    /** A new dated version of a parameter (platform administrators); the value is checked against its key's schema. */
    async putParameter(actor: Actor, input: PutParameter): Promise<Parameter> {
      const me = requireUser(actor);
      if (!isPlatformAdmin(actor)) {
        throw new AppError('common/forbidden', 'platform administrators only');
      }
      const parsed = PARAMETER_VALUE_SCHEMAS[input.key].safeParse(input.value);
      if (!parsed.success) {
        throw new AppError(
          'registration/parameter_invalid',
          'bad parameter value',
          { issues: parsed.error.issues.map((i) => ({ path: `body.value.${i.path.join('.')}`, code: i.code, message: i.message })) },
          { reason: parsed.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ') },
        );
      }
      const row = await db.transaction(async (tx) => {
        const r = await repo.putParameter(tx, { key: input.key, effectiveFrom: input.effectiveFrom, value: parsed.data, source: input.source, updatedBy: me.userId });
        await audit.record(tx, { actor, action: 'registration.parameter_set', entityType: 'registration_parameter', entityId: `${input.key}@${input.effectiveFrom}`, after: { value: parsed.data, source: input.source } });
        return r;
      });
      return { key: row.key, effectiveFrom: row.effectiveFrom, value: row.value, source: row.source, updatedAt: row.updatedAt.toISOString() };
    },

    /**
     * Registers many contracts directly (records entered by a registry, demo and benchmark data):
     * each checked like an application, numbered at its point, written with its history and added to
     * the statistics in one transaction per call. Returns the registration numbers.
     */
    async registerBulk(actor: Actor, items: readonly BulkRegistration[]): Promise<string[]> {
      const me = requireUser(actor);
      if (!isPlatformAdmin(actor)) {
        throw new AppError('common/forbidden', 'bulk registration is for platform administrators');
      }
      const points = await repo.points();
        return db.transaction(async (tx) => {
        const now = clock.now();
        const rows: ContractInsert[] = [];
        const byPointYear = new Map<string, number[]>();
        const cache = noCache();
        for (const [i, item] of items.entries()) {
          const values = await contractValues(tx, item, cache);
          const { applicantSide, ...stored } = values;
          const region = applicantSide === 'buyer' ? stored.buyerRegionCode : stored.sellerRegionCode;
          const point = choosePoint(points, region ?? null, stored.contractAmountFen);
          if (!point) {
            throw new AppError('registration/no_registration_point', 'no point', { row: i }, { region: region ?? '—' });
          }
          const key = `${point.id}|${item.registeredOn.slice(0, 4)}`;
          byPointYear.set(key, [...(byPointYear.get(key) ?? []), i]);
          rows.push({
            ...stored,
            chainId: newChainId('C', now),
            applicantOrgId: item.applicantOrgId,
            createdBy: me.userId,
            status: 'registered',
            pointId: point.id,
            submittedAt: now,
            outcome: 'full',
            recognisedTechAmountFen: stored.techAmountFen,
            decidedAt: now,
            registeredOn: item.registeredOn,
          });
        }
        for (const [key, idx] of byPointYear) {
          const [pointId, year] = key.split('|') as [string, string];
          const point = points.find((p) => p.id === pointId)!;
          const first = await repo.reserveSequences(tx, pointId, Number(year), idx.length);
          idx.forEach((rowIndex, k) => {
            rows[rowIndex]!.registrationNo = registrationNumber(Number(year), point.code, first + k);
          });
        }
        const inserted = await repo.insertMany(tx, rows);
        await statistics.applyMany(tx, inserted);
        await audit.record(tx, { actor, action: 'registration.bulk_registered', entityType: 'registration', entityId: inserted[0]?.id ?? 'none', after: { count: inserted.length, first: inserted[0]?.registrationNo ?? null, last: inserted.at(-1)?.registrationNo ?? null } });
        return inserted.map((r) => r.registrationNo!);
      });
    },
  };

  /** Amend or cancel a registered contract (directly by a registrar, or approving the applicant's request). */
  async function applyChange(
    tx: Tx,
    actor: Actor,
    row: ContractRow,
    action: 'amend' | 'cancel' | 'approve_amendment' | 'approve_cancellation',
    roles: RegistrationRole[],
    c: { reason: string; changes: UpdateRegistration | null; recognisedTechAmountFen?: number },
  ): Promise<ContractRow> {
    const to = transition(row, action, roles);
    if (action === 'cancel' || action === 'approve_cancellation') {
      const next = await repo.update(tx, row.id, { status: to, pendingChange: null });
      await record(tx, actor, next, action, row.status, { note: c.reason });
      return next;
    }
    const values = await contractValues(tx, merged(row, c.changes ?? {}));
    const { applicantSide: _side, ...stored } = values;
    const recognised = recognisedAmount(stored.techAmountFen, c.recognisedTechAmountFen);
    const next = await repo.update(tx, row.id, {
      ...stored,
      externalId: row.externalId,
      status: to,
      pendingChange: null,
      recognisedTechAmountFen: recognised,
      outcome: recognised < stored.techAmountFen || row.recognisedSubtype ? 'partial' : 'full',
      version: row.version + 1,
    });
    await record(tx, actor, next, action, row.status, { note: c.reason, changes: diffFields(inputOf(row), inputOf(next)) });
    return next;
  }
}
export type RegistrationsService = ReturnType<typeof createRegistrationsService>;

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
