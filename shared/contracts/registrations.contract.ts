import { z } from 'zod';
import { FenSchema } from './achievements.contract';
import { PageQuerySchema, pageOf, RegionCodeSchema } from './common.contract';
import { CreditCodeSchema, ENTERPRISE_OWNERSHIPS, ORGANISATION_TYPES } from './organisations.contract';

// 技术合同认定登记: technology-contract registration (domain-cn §1). Codes follow the platform code
// list `contract-types` (GET /api/v1/code-lists/contract-types).

export const registrationErrors = {
  'registration/not_found': 404,
  'registration/deal_not_found': 404,
  'registration/deal_not_concluded': 409,
  /** One contract is registered once: a second registration of the same deal or the same external id. */
  'registration/duplicate': 409,
  'registration/invalid_transition': 409,
  /** 技术交易额 above 成交额, or 成交额 − non-technical costs ≠ 技术交易额. */
  'registration/amounts_inconsistent': 400,
  'registration/payment_schedule_mismatch': 400,
  'registration/dates_out_of_order': 400,
  'registration/unknown_code': 400,
  'registration/party_incomplete': 400,
  /** A recognition rule in force refuses the application (details list every finding). */
  'registration/rules_not_met': 400,
  'registration/deadline_passed': 409,
  'registration/no_registration_point': 409,
  'registration/out_of_region': 403,
  'registration/not_applicant': 403,
  'registration/recognised_amount_invalid': 400,
  'registration/not_registered': 409,
  'registration/parameter_invalid': 400,
  'registration/point_not_found': 404,
} as const;

/** Contract categories (合同类别) and sub-types (子类) of the code list `contract-types`. */
export const CONTRACT_CATEGORIES = ['DEV', 'TRF', 'LIC', 'CON', 'SVC'] as const;
export type ContractCategory = (typeof CONTRACT_CATEGORIES)[number];
/** Registrable sub-types; CON and SVC are registrable themselves (技术咨询; 一般技术服务). */
export const CONTRACT_SUBTYPES = [
  'DEV-COM',
  'DEV-COOP',
  'TRF-PAT',
  'TRF-APP',
  'TRF-SEC',
  'TRF-OTH',
  'LIC-PAT',
  'LIC-SEC',
  'LIC-OTH',
  'CON',
  'SVC',
  'SVC-TRN',
  'SVC-BRK',
] as const;
export type ContractSubtype = (typeof CONTRACT_SUBTYPES)[number];
export function categoryOf(subtype: ContractSubtype): ContractCategory {
  return subtype.slice(0, 3) as ContractCategory;
}
/** Sub-types that need a licence mode (解释 art 25). */
export const LICENSABLE_SUBTYPES: readonly ContractSubtype[] = ['LIC-PAT', 'LIC-SEC'];
export const LICENCE_MODES = ['exclusive', 'sole', 'non_exclusive'] as const; // 独占 / 排他 / 普通
export type LicenceMode = (typeof LICENCE_MODES)[number];

/** 知识产权类型 (domain-cn §5.2); the first listed is the contract's statistical IP type. */
export const CONTRACT_IP_TYPES = [
  'patent_invention',
  'patent_utility',
  'patent_design',
  'technical_secret',
  'software_copyright',
  'ic_layout',
  'plant_variety',
  'biomedicine_variety',
  'other',
] as const;
export type ContractIpType = (typeof CONTRACT_IP_TYPES)[number];

/** 计划类别 (domain-cn §5.2): 国家计划 / 部门计划 / 省级计划 / 地市县计划 / 计划外. */
export const PLAN_CATEGORIES = ['national', 'ministerial', 'provincial', 'local', 'none'] as const;
export type PlanCategory = (typeof PLAN_CATEGORIES)[number];

/**
 * 社会经济目标: platform codes SE01–SE14 after the 14 chapters of OECD NABS 2007, on which
 * GB/T 24450-2009 is modelled (the standard's own code table is UNCONFIRMED; code list
 * `socio-economic-objectives`).
 */
export const SOCIO_ECONOMIC_OBJECTIVES = ['SE01', 'SE02', 'SE03', 'SE04', 'SE05', 'SE06', 'SE07', 'SE08', 'SE09', 'SE10', 'SE11', 'SE12', 'SE13', 'SE14'] as const;
export type SocioEconomicObjective = (typeof SOCIO_ECONOMIC_OBJECTIVES)[number];

/** Technology domains TD01–TD11 (code list `technology-domains`). */
export const TECHNOLOGY_DOMAIN_CODES = ['TD01', 'TD02', 'TD03', 'TD04', 'TD05', 'TD06', 'TD07', 'TD08', 'TD09', 'TD10', 'TD11'] as const;

/** 支付方式 (民法典 846). */
export const PAYMENT_METHODS = ['lump_sum', 'instalments', 'royalty', 'royalty_with_entry_fee'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** 涉外: derived from the parties' countries (港澳台 counts as 境外 here, as in the yearbook's 涉外 tables). */
export const CROSS_BORDER = ['domestic', 'export', 'import'] as const;
export type CrossBorder = (typeof CROSS_BORDER)[number];

export const REGISTRATION_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'registered',
  'rejected',
  'withdrawn',
  'change_requested',
  'cancelled',
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
/** Statuses whose contracts count in the statistics. */
export const COUNTED_STATUSES: readonly RegistrationStatus[] = ['registered', 'change_requested'];

export const REGISTRATION_ACTIONS = [
  'submit',
  'withdraw',
  'return',
  'register',
  'reject',
  'request_change',
  'approve_amendment',
  'approve_cancellation',
  'decline_change',
  'amend',
  'cancel',
] as const;
export type RegistrationAction = (typeof REGISTRATION_ACTIONS)[number];

/** 认定结论: recognised in full, in part (a lower 技术交易额 or another sub-type), or not (不予登记). */
export const RECOGNITION_OUTCOMES = ['full', 'partial', 'none'] as const;
export type RecognitionOutcome = (typeof RECOGNITION_OUTCOMES)[number];

/**
 * 不予登记 / return reasons (火炬中心 list 2021-01-13, domain-cn §1.3), platform codes R01–R09.
 */
export const REFUSAL_REASONS = ['R01', 'R02', 'R03', 'R04', 'R05', 'R06', 'R07', 'R08', 'R09'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];
export const REFUSAL_REASON_NAMES: Record<RefusalReason, { zh: string; en: string }> = {
  R01: { zh: '无效或未生效合同', en: 'Invalid or not yet effective contract' },
  R02: { zh: '非技术合同', en: 'Not a technology contract' },
  R03: { zh: '主体、技术标的、价款/报酬/使用费约定不明确', en: 'Parties, subject or price not clearly agreed' },
  R04: { zh: '需审批而未审批', en: 'Required approval missing' },
  R05: { zh: '合同名称与权利义务不一致且不补正', en: 'Title does not match the rights and duties and was not corrected' },
  R06: { zh: '含非法垄断技术、妨碍技术进步等不合理限制条款', en: 'Unreasonable restrictive clauses (monopolising technology, hindering progress)' },
  R07: { zh: '证明文件不出具或不合要求', en: 'Supporting documents missing or inadequate' },
  R08: { zh: '印章不齐全或与名称不一致', en: 'Seals incomplete or not matching the names' },
  R09: { zh: '其他', en: 'Other' },
};

export const REGISTRATION_POINT_LEVELS = ['national', 'province', 'city', 'county'] as const;
export type RegistrationPointLevel = (typeof REGISTRATION_POINT_LEVELS)[number];

const DaySchema = z.iso.date();
const CountryCodeSchema = z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 country code');

/** A party (买方/卖方) as it stands on the registration form. */
export const PartySchema = z.strictObject({
  /** The platform organisation, when the party has one (its name, type and region are then taken from it). */
  organisationId: z.uuid().optional(),
  name: z.string().trim().min(2).max(200),
  type: z.enum(ORGANISATION_TYPES),
  enterpriseOwnership: z.enum(ENTERPRISE_OWNERSHIPS).optional(),
  /** Required for a domestic party other than a natural person. */
  creditCode: CreditCodeSchema.optional(),
  countryCode: CountryCodeSchema.default('CN'),
  /** GB/T 2260 code; required for a party in mainland China. */
  regionCode: RegionCodeSchema.optional(),
});
export type Party = z.infer<typeof PartySchema>;

export const PaymentSchema = z.strictObject({
  dueOn: DaySchema,
  amountFen: FenSchema,
  note: z.string().trim().max(200).optional(),
});
export const NonTechnicalCostSchema = z.strictObject({
  /** 购置设备、仪器、零部件、原材料等非技术性费用. */
  item: z.string().trim().min(1).max(100),
  amountFen: FenSchema,
});

const ContractFields = {
  /** The submitter's own id for idempotent import. */
  externalId: z.string().trim().min(1).max(100).optional(),
  /** The parties' own contract number. */
  contractNo: z.string().trim().max(60).optional(),
  projectName: z.string().trim().min(2).max(200),
  subtype: z.enum(CONTRACT_SUBTYPES),
  licenceMode: z.enum(LICENCE_MODES).optional(),
  /** 标的内容、范围和要求 (what the contract is about, objectives, quantified indicators). */
  summary: z.string().trim().max(4000).default(''),
  seller: PartySchema,
  buyer: PartySchema,
  technologyDomain: z.enum(TECHNOLOGY_DOMAIN_CODES),
  /** GB/T 4754-2017 code of any level: a section letter (C) or a division/group/class number (35, 351, 3511). */
  industryCode: z.string().trim().regex(/^([A-T]|\d{2,4})$/, 'GB/T 4754 code, e.g. C, 35 or 3511'),
  ipTypes: z.array(z.enum(CONTRACT_IP_TYPES)).max(9).default([]),
  /** Patent numbers and other IP identifiers involved. */
  ipNumbers: z.array(z.string().trim().min(1).max(40)).max(50).default([]),
  planCategory: z.enum(PLAN_CATEGORIES).default('none'),
  planProjectNo: z.string().trim().max(60).optional(),
  socioEconomicObjective: z.enum(SOCIO_ECONOMIC_OBJECTIVES),
  signedOn: DaySchema,
  validFrom: DaySchema,
  validTo: DaySchema,
  paymentMethod: z.enum(PAYMENT_METHODS),
  paymentSchedule: z.array(PaymentSchema).max(60).default([]),
  /** 成交额, fen. */
  contractAmountFen: FenSchema.min(1),
  nonTechnicalCosts: z.array(NonTechnicalCostSchema).max(50).default([]),
  /** 技术交易额, fen = 成交额 − non-technical costs (both are stored). */
  techAmountFen: FenSchema,
  /** 预计新增投入 / 预计新增产值 (the form asks them of 技术转让 contracts). */
  expectedInvestmentFen: FenSchema.optional(),
  expectedOutputFen: FenSchema.optional(),
};

export const CreateRegistrationSchema = z.strictObject(ContractFields);
export type CreateRegistration = z.infer<typeof CreateRegistrationSchema>;
/** A draft or returned application may be corrected; every field optional, the whole is re-checked. */
// Defaults are the create's business: a correction that leaves a field out must not reset it.
export const UpdateRegistrationSchema = z.strictObject(
  Object.fromEntries(Object.entries(ContractFields).map(([k, v]) => [k, (v instanceof z.ZodDefault ? (v.unwrap() as z.ZodType) : v).optional()])) as {
    [K in keyof typeof ContractFields]: z.ZodOptional<(typeof ContractFields)[K]>;
  },
);
export type UpdateRegistration = z.infer<typeof UpdateRegistrationSchema>;

export const FromDealSchema = z.strictObject({ dealId: z.uuid() });

export const DecideSchema = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('register'),
    outcome: z.enum(['full', 'partial']),
    /** 核定技术交易额 when recognised in part; defaults to the declared amount. */
    recognisedTechAmountFen: FenSchema.optional(),
    /** The registrar may recognise it as another sub-type (e.g. 技术服务 rather than 技术开发). */
    recognisedSubtype: z.enum(CONTRACT_SUBTYPES).optional(),
    note: z.string().trim().max(2000).optional(),
  }),
  z.strictObject({
    action: z.literal('reject'),
    reasons: z.array(z.enum(REFUSAL_REASONS)).min(1).max(9),
    note: z.string().trim().min(2).max(2000),
  }),
  z.strictObject({
    action: z.literal('return'),
    reasons: z.array(z.enum(REFUSAL_REASONS)).min(1).max(9),
    note: z.string().trim().min(2).max(2000),
  }),
]);
export type Decide = z.infer<typeof DecideSchema>;

/** 变更 / 撤销: requested by the applicant, decided by a registrar of the point (or done by the registrar directly). */
export const ChangeRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('amend'), changes: UpdateRegistrationSchema, reason: z.string().trim().min(2).max(2000) }),
  z.strictObject({ kind: z.literal('cancel'), reason: z.string().trim().min(2).max(2000) }),
]);
export type ChangeRequest = z.infer<typeof ChangeRequestSchema>;
export const ChangeDecisionSchema = z.strictObject({
  approve: z.boolean(),
  note: z.string().trim().min(2).max(2000),
  /** When approving an amendment: the re-recognised 技术交易额 (defaults to the amended declaration). */
  recognisedTechAmountFen: FenSchema.optional(),
});
export type ChangeDecision = z.infer<typeof ChangeDecisionSchema>;

export const RegistrationQuerySchema = PageQuerySchema.extend({
  /** `mine`: applications of my organisations; `queue`: what my registrar scope decides. */
  view: z.enum(['mine', 'queue', 'all']).default('mine'),
  status: z.enum(REGISTRATION_STATUSES).optional(),
  q: z.string().trim().max(100).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  regionCode: RegionCodeSchema.optional(),
});
export type RegistrationQuery = z.infer<typeof RegistrationQuerySchema>;

export const FindingSchema = z.object({
  ruleId: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  field: z.string().nullable(),
  message: z.string(),
  messageEn: z.string(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const TaxEffectsSchema = z.object({
  /** Per-contract flags, each with its basis (dated parameters). */
  vat: z.object({ eligible: z.boolean(), basis: z.string(), note: z.string() }),
  eit: z.object({
    eligible: z.boolean(),
    basis: z.string(),
    note: z.string(),
    /** Seller's registered 技术转让收入 in the registration year (this contract included), and the split. */
    year: z.number().int().nullable(),
    sellerYearIncomeFen: z.string().nullable(),
    exemptFen: z.string().nullable(),
    halvedFen: z.string().nullable(),
  }),
  pit: z.object({ eligible: z.boolean(), basis: z.string(), note: z.string(), rewardWindowEndsOn: z.string().nullable() }),
});
export type TaxEffects = z.infer<typeof TaxEffectsSchema>;

const PartyOutSchema = z.object({
  organisationId: z.string().nullable(),
  name: z.string(),
  type: z.enum(ORGANISATION_TYPES),
  enterpriseOwnership: z.enum(ENTERPRISE_OWNERSHIPS).nullable(),
  creditCode: z.string().nullable(),
  countryCode: z.string(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
});

export const RegistrationSummarySchema = z.object({
  id: z.uuid(),
  chainId: z.string(),
  registrationNo: z.string().nullable(),
  projectName: z.string(),
  subtype: z.enum(CONTRACT_SUBTYPES),
  sellerName: z.string(),
  buyerName: z.string(),
  contractAmountFen: z.number().int(),
  techAmountFen: z.number().int(),
  status: z.enum(REGISTRATION_STATUSES),
  pointName: z.string().nullable(),
  submittedAt: z.string().nullable(),
  decideBy: z.string().nullable(),
  registeredOn: z.string().nullable(),
  updatedAt: z.string(),
});
export type RegistrationSummary = z.infer<typeof RegistrationSummarySchema>;
export const RegistrationPageSchema = pageOf(RegistrationSummarySchema);
export type RegistrationPage = z.infer<typeof RegistrationPageSchema>;

export const RegistrationEventSchema = z.object({
  seq: z.number().int(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  reasons: z.array(z.string()),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })).nullable(),
  at: z.string(),
});
export type RegistrationEvent = z.infer<typeof RegistrationEventSchema>;

export const RegistrationSchema = RegistrationSummarySchema.extend({
  externalId: z.string().nullable(),
  dealId: z.string().nullable(),
  contractNo: z.string().nullable(),
  category: z.enum(CONTRACT_CATEGORIES),
  licenceMode: z.enum(LICENCE_MODES).nullable(),
  summary: z.string(),
  seller: PartyOutSchema,
  buyer: PartyOutSchema,
  technologyDomain: z.string(),
  industryCode: z.string(),
  ipTypes: z.array(z.enum(CONTRACT_IP_TYPES)),
  ipNumbers: z.array(z.string()),
  planCategory: z.enum(PLAN_CATEGORIES),
  planProjectNo: z.string().nullable(),
  socioEconomicObjective: z.enum(SOCIO_ECONOMIC_OBJECTIVES),
  crossBorder: z.enum(CROSS_BORDER),
  signedOn: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  paymentMethod: z.enum(PAYMENT_METHODS),
  paymentSchedule: z.array(z.object({ dueOn: z.string(), amountFen: z.number().int(), note: z.string().optional() })),
  nonTechnicalCosts: z.array(z.object({ item: z.string(), amountFen: z.number().int() })),
  expectedInvestmentFen: z.number().int().nullable(),
  expectedOutputFen: z.number().int().nullable(),
  applicantOrgId: z.string(),
  applicantOrgName: z.string(),
  pointId: z.string().nullable(),
  recognition: z
    .object({
      outcome: z.enum(RECOGNITION_OUTCOMES),
      recognisedTechAmountFen: z.number().int().nullable(),
      recognisedSubtype: z.enum(CONTRACT_SUBTYPES).nullable(),
      reasons: z.array(z.enum(REFUSAL_REASONS)),
      note: z.string().nullable(),
      decidedAt: z.string(),
    })
    .nullable(),
  pendingChange: z.object({ kind: z.enum(['amend', 'cancel']), reason: z.string(), changes: z.record(z.string(), z.unknown()).nullable() }).nullable(),
  version: z.number().int(),
  findings: z.array(FindingSchema),
  taxEffects: TaxEffectsSchema.nullable(),
  history: z.array(RegistrationEventSchema),
  /** What the caller may do now (from the transition table and policy). */
  allowedActions: z.array(z.enum(REGISTRATION_ACTIONS)),
});
export type Registration = z.infer<typeof RegistrationSchema>;

export const RegistrationPointSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  level: z.enum(REGISTRATION_POINT_LEVELS),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  /** Delegated jurisdiction: this point takes contracts with 成交额 below this amount (null: any). */
  maxContractAmountFen: z.number().int().nullable(),
  active: z.boolean(),
});
export type RegistrationPoint = z.infer<typeof RegistrationPointSchema>;

/** A dated parameter of the recognition rules (every threshold and deadline is one of these). */
export const PARAMETER_KEYS = ['deadline', 'review_period', 'recognition_checks', 'tax_vat', 'tax_eit', 'tax_pit'] as const;
export type ParameterKey = (typeof PARAMETER_KEYS)[number];
export const ParameterSchema = z.object({
  key: z.enum(PARAMETER_KEYS),
  effectiveFrom: z.string(),
  value: z.record(z.string(), z.unknown()),
  source: z.string(),
  updatedAt: z.string(),
});
export type Parameter = z.infer<typeof ParameterSchema>;
export const PutParameterSchema = z.strictObject({
  key: z.enum(PARAMETER_KEYS),
  effectiveFrom: DaySchema,
  value: z.record(z.string(), z.unknown()),
  source: z.string().trim().min(2).max(500),
});
export type PutParameter = z.infer<typeof PutParameterSchema>;

/** Public check of a certificate by its registration number (no personal data). */
export const CertificateCheckSchema = z.object({
  registrationNo: z.string(),
  projectName: z.string(),
  subtype: z.enum(CONTRACT_SUBTYPES),
  sellerName: z.string(),
  buyerName: z.string(),
  pointName: z.string(),
  registeredOn: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  version: z.number().int(),
  digest: z.string(),
});
export type CertificateCheck = z.infer<typeof CertificateCheckSchema>;
