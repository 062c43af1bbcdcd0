import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type {
  ContractIpType,
  ContractSubtype,
  CrossBorder,
  LicenceMode,
  ParameterKey,
  PaymentMethod,
  PlanCategory,
  RecognitionOutcome,
  RefusalReason,
  RegistrationPointLevel,
  RegistrationStatus,
  SocioEconomicObjective,
} from '../../../../shared/contracts/registrations.contract';
import type { ENTERPRISE_OWNERSHIPS, OrganisationType } from '../../../../shared/contracts/organisations.contract';
import { users } from '../auth/auth.tables';
import { marketDeals } from '../market/market.tables';
import { organisations } from '../organisations/organisations.tables';
import { regions } from '../regions/regions.tables';

/**
 * 技术合同登记点: where contracts are registered. A point serves its region and everything under it;
 * `maxContractAmountFen` models delegated jurisdiction (e.g. a city point for contracts below ¥10M).
 * `code` (6 digits) is the middle of the registration numbers it issues.
 */
export const registrationPoints = pgTable(
  'registration_points',
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull(),
    name: text().notNull(),
    level: text().$type<RegistrationPointLevel>().notNull(),
    /** Null for the national point. */
    regionCode: text().references(() => regions.code),
    maxContractAmountFen: bigint({ mode: 'number' }),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('registration_points_code_key').on(t.code), index('registration_points_region_idx').on(t.regionCode)],
);

/** Registration numbers: one counter per point and year (row-locked by the upsert that takes a number). */
export const registrationSequences = pgTable(
  'registration_sequences',
  {
    pointId: uuid()
      .notNull()
      .references(() => registrationPoints.id),
    year: integer().notNull(),
    last: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.pointId, t.year] })],
);

/** Dated parameters of the recognition rules, deadlines and tax treatment (domain-cn §1.3–§1.8). */
export const registrationParameters = pgTable(
  'registration_parameters',
  {
    key: text().$type<ParameterKey>().notNull(),
    effectiveFrom: date().notNull(),
    value: jsonb().$type<Record<string, unknown>>().notNull(),
    source: text().notNull(),
    updatedBy: uuid().references(() => users.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.key, t.effectiveFrom] })],
);

export type PartyColumns = {
  organisationId: string | null;
  name: string;
  type: OrganisationType;
  enterpriseOwnership: (typeof ENTERPRISE_OWNERSHIPS)[number] | null;
  creditCode: string | null;
  countryCode: string;
  regionCode: string | null;
};

/** A technology contract and its registration (技术合同登记表 + the registry's decision). */
export const techContracts = pgTable(
  'tech_contracts',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The chain id: the deal's (and so the achievement's or demand's), or a new `TNC…` for contracts signed elsewhere. */
    chainId: text().notNull(),
    dealId: uuid().references(() => marketDeals.id),
    /** The organisation that applies (the seller; the domestic buyer of a technology import). */
    applicantOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    externalId: text(),
    contractNo: text(),
    registrationNo: text(),
    projectName: text().notNull(),
    subtype: text().$type<ContractSubtype>().notNull(),
    licenceMode: text().$type<LicenceMode>(),
    summary: text().notNull().default(''),
    seller: jsonb().$type<PartyColumns>().notNull(),
    buyer: jsonb().$type<PartyColumns>().notNull(),
    /** Denormalised for the registrar's scope and the statistics (null for a party abroad). */
    sellerRegionCode: text(),
    buyerRegionCode: text(),
    technologyDomain: text().notNull(),
    industryCode: text().notNull(),
    /** The GB/T 4754 section (门类 A–T) of `industryCode`, for the statistics. */
    industrySection: text().notNull(),
    ipTypes: jsonb().$type<ContractIpType[]>().notNull().default([]),
    ipNumbers: jsonb().$type<string[]>().notNull().default([]),
    planCategory: text().$type<PlanCategory>().notNull(),
    planProjectNo: text(),
    socioEconomicObjective: text().$type<SocioEconomicObjective>().notNull(),
    crossBorder: text().$type<CrossBorder>().notNull(),
    signedOn: date().notNull(),
    validFrom: date().notNull(),
    validTo: date().notNull(),
    paymentMethod: text().$type<PaymentMethod>().notNull(),
    paymentSchedule: jsonb().$type<{ dueOn: string; amountFen: number; note?: string }[]>().notNull().default([]),
    contractAmountFen: bigint({ mode: 'number' }).notNull(),
    nonTechnicalCosts: jsonb().$type<{ item: string; amountFen: number }[]>().notNull().default([]),
    techAmountFen: bigint({ mode: 'number' }).notNull(),
    expectedInvestmentFen: bigint({ mode: 'number' }),
    expectedOutputFen: bigint({ mode: 'number' }),
    status: text().$type<RegistrationStatus>().notNull().default('draft'),
    pointId: uuid().references(() => registrationPoints.id),
    submittedAt: timestamp({ withTimezone: true }),
    /** The review deadline (working days from submission, per the parameters in force). */
    decideBy: date(),
    outcome: text().$type<RecognitionOutcome>(),
    recognisedTechAmountFen: bigint({ mode: 'number' }),
    recognisedSubtype: text().$type<ContractSubtype>(),
    reasons: jsonb().$type<RefusalReason[]>().notNull().default([]),
    decisionNote: text(),
    decidedBy: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    /** 登记日期 (China date): the statistics period. */
    registeredOn: date(),
    pendingChange: jsonb().$type<{ kind: 'amend' | 'cancel'; reason: string; changes: Record<string, unknown> | null }>(),
    version: integer().notNull().default(1),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('tech_contracts_registration_no_key').on(t.registrationNo),
    // One registration per market deal, and per external id of an applicant (double registration is refused).
    unique('tech_contracts_deal_key').on(t.dealId),
    unique('tech_contracts_external_key').on(t.applicantOrgId, t.externalId),
    index('tech_contracts_applicant_idx').on(t.applicantOrgId, t.updatedAt),
    index('tech_contracts_point_status_idx').on(t.pointId, t.status),
    index('tech_contracts_chain_idx').on(t.chainId),
    index('tech_contracts_seller_region_idx')
      .on(t.sellerRegionCode, t.registeredOn)
      .where(sql`status in ('registered', 'change_requested')`),
    index('tech_contracts_buyer_region_idx')
      .on(t.buyerRegionCode, t.registeredOn)
      .where(sql`status in ('registered', 'change_requested')`),
    index('tech_contracts_registered_on_idx')
      .on(t.registeredOn)
      .where(sql`status in ('registered', 'change_requested')`),
  ],
);

/** Every step of a registration, append-only: who did what, why, and what changed. */
export const techContractEvents = pgTable(
  'tech_contract_events',
  {
    contractId: uuid()
      .notNull()
      .references(() => techContracts.id),
    seq: integer().notNull(),
    action: text().notNull(),
    fromStatus: text(),
    toStatus: text().notNull(),
    actorId: uuid().references(() => users.id),
    note: text(),
    reasons: jsonb().$type<string[]>().notNull().default([]),
    changes: jsonb().$type<Record<string, { before: unknown; after: unknown }>>(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.seq] })],
);
