import { z } from 'zod';
import { RegionCodeSchema } from './common.contract';

export const achievementErrors = {
  'achievement/not_found': 404,
  'achievement/invalid_transition': 409,
  'achievement/not_editable': 409,
  'achievement/duplicate_external_id': 409,
  'achievement/price_range_invalid': 400,
  'achievement/access_request_exists': 409,
  'achievement/access_request_not_found': 404,
  'achievement/detail_restricted': 403,
  'achievement/unknown_code': 400,
} as const;

/** 技术成熟度 TRL 1–9 (domain-cn §4.2). */
export const TrlSchema = z.number().int().min(1).max(9);

/** 转化方式 offered (促进科技成果转化法 art 16, with 技术服务 added as platforms do). */
export const TRANSFER_MODES = ['ASSIGN', 'LICENSE', 'EQUITY', 'JOINT', 'SERVICE'] as const;
export type TransferMode = (typeof TRANSFER_MODES)[number];

export const IP_KINDS = ['patent', 'patent_application', 'software_copyright', 'ic_layout', 'plant_variety', 'know_how', 'other'] as const;
export const PATENT_TYPES = ['invention', 'utility_model', 'design'] as const; // 发明 / 实用新型 / 外观设计
export const PATENT_STATUSES = ['pending', 'granted', 'expired', 'invalidated'] as const;

export const IpItemSchema = z.strictObject({
  kind: z.enum(IP_KINDS),
  /** Patent or registration number, e.g. ZL202310123456.7 or 2023SR0123456. */
  number: z.string().trim().max(40).optional(),
  patentType: z.enum(PATENT_TYPES).optional(),
  legalStatus: z.enum(PATENT_STATUSES).optional(),
  title: z.string().trim().max(200).optional(),
});
export type IpItem = z.infer<typeof IpItemSchema>;

export const TeamMemberSchema = z.strictObject({
  name: z.string().trim().min(1).max(60),
  role: z.string().trim().max(60).optional(),
  userId: z.uuid().optional(),
});

export const FundingSchema = z.strictObject({
  /** 财政资金 (the basis of unified submission 汇交). */
  fiscal: z.boolean(),
  programme: z.string().trim().max(120).optional(),
  projectNumber: z.string().trim().max(60).optional(),
});

export const PRICE_MODES = ['negotiable', 'fixed', 'range'] as const;

/** Money is integer fen (分), never floats. */
export const FenSchema = z.number().int().min(0).max(1e15);

export const ACHIEVEMENT_STATUSES = ['draft', 'submitted', 'published', 'withdrawn', 'archived'] as const;
export type AchievementStatus = (typeof ACHIEVEMENT_STATUSES)[number];

const AchievementFields = {
  externalId: z.string().trim().min(1).max(100).optional(),
  title: z.string().trim().min(2).max(200),
  abstract: z.string().trim().min(10).max(5000),
  /** NDA-gated detail, shown only to the owner and to granted access requests. */
  detail: z.string().trim().max(20000).optional(),
  keywords: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  domainCode: z.string().max(10).optional(),
  industryCodes: z.array(z.string().max(10)).max(10).default([]),
  discipline: z.string().trim().max(60).optional(),
  trl: TrlSchema.optional(),
  trlEvidence: z.string().trim().max(2000).optional(),
  ip: z.array(IpItemSchema).max(50).default([]),
  team: z.array(TeamMemberSchema).max(50).default([]),
  regionCode: RegionCodeSchema.optional(),
  funding: FundingSchema.optional(),
  awards: z.array(z.string().trim().max(200)).max(20).default([]),
  transferModes: z.array(z.enum(TRANSFER_MODES)).max(5).default([]),
  priceMode: z.enum(PRICE_MODES).default('negotiable'),
  priceMinFen: FenSchema.optional(),
  priceMaxFen: FenSchema.optional(),
  openLicence: z.boolean().default(false),
  dualUse: z.boolean().default(false),
  exportControlled: z.boolean().default(false),
  /** Competitive advantage versus incumbent solutions (a quality-score input). */
  comparison: z.string().trim().max(3000).optional(),
  applications: z.string().trim().max(3000).optional(),
};

export const CreateAchievementSchema = z.strictObject({
  ...AchievementFields,
  ownerOrgId: z.uuid(),
});
export type CreateAchievement = z.infer<typeof CreateAchievementSchema>;

export const UpdateAchievementSchema = z.strictObject(AchievementFields).partial();
export type UpdateAchievement = z.infer<typeof UpdateAchievementSchema>;

export const QualityHintSchema = z.object({ code: z.string(), message: z.string(), weight: z.number() });
export const QualitySchema = z.object({ score: z.number().int().min(0).max(100), hints: z.array(QualityHintSchema) });
export type Quality = z.infer<typeof QualitySchema>;

export const AchievementSchema = z.object({
  id: z.uuid(),
  chainId: z.string(),
  externalId: z.string().nullable(),
  title: z.string(),
  abstract: z.string(),
  /** null when the caller may not see it. */
  detail: z.string().nullable(),
  detailRestricted: z.boolean(),
  keywords: z.array(z.string()),
  domainCode: z.string().nullable(),
  industryCodes: z.array(z.string()),
  discipline: z.string().nullable(),
  trl: z.number().int().nullable(),
  trlEvidence: z.string().nullable(),
  ip: z.array(IpItemSchema),
  team: z.array(TeamMemberSchema),
  ownerOrgId: z.uuid(),
  ownerOrgName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  funding: FundingSchema.nullable(),
  awards: z.array(z.string()),
  transferModes: z.array(z.enum(TRANSFER_MODES)),
  priceMode: z.enum(PRICE_MODES),
  priceMinFen: z.number().int().nullable(),
  priceMaxFen: z.number().int().nullable(),
  openLicence: z.boolean(),
  dualUse: z.boolean(),
  exportControlled: z.boolean(),
  comparison: z.string().nullable(),
  applications: z.string().nullable(),
  status: z.enum(ACHIEVEMENT_STATUSES),
  stale: z.boolean(),
  confirmedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Present for the owner only. */
  quality: QualitySchema.optional(),
});
export type Achievement = z.infer<typeof AchievementSchema>;

export const ACHIEVEMENT_ACTIONS = ['submit', 'approve', 'return', 'withdraw', 'republish', 'archive', 'confirm'] as const;
export type AchievementAction = (typeof ACHIEVEMENT_ACTIONS)[number];
export const AchievementActionSchema = z.strictObject({ note: z.string().trim().max(1000).optional() });

export const AccessRequestSchema = z.object({
  id: z.uuid(),
  achievementId: z.uuid(),
  requesterId: z.uuid(),
  requesterName: z.string(),
  message: z.string().nullable(),
  status: z.enum(['pending', 'granted', 'denied']),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});
export const CreateAccessRequestSchema = z.strictObject({
  message: z.string().trim().max(1000).optional(),
  /** The requester accepts the confidentiality terms (NDA) of the detail section. */
  acceptNda: z.literal(true),
});
export const DecideAccessRequestSchema = z.strictObject({
  decision: z.enum(['granted', 'denied']),
  note: z.string().trim().max(500).optional(),
});

export const FunnelSchema = z.object({
  achievementId: z.uuid(),
  views: z.number().int(),
  detailOpens: z.number().int(),
  accessRequests: z.number().int(),
  enquiries: z.number().int(),
  byMonth: z.array(
    z.object({
      month: z.string(),
      views: z.number().int(),
      detailOpens: z.number().int(),
      accessRequests: z.number().int(),
      enquiries: z.number().int(),
    }),
  ),
});

// ── Added by the catalogue module (issue 3): list, patch, enquiry and search-document shapes ──

/**
 * PATCH body. UpdateAchievementSchema keeps the creation defaults (`keywords: []`, `priceMode:
 * 'negotiable'`…), so a partial update through it would reset every absent field; this one has no
 * defaults, and `null` clears an optional field.
 */
export const PatchAchievementSchema = z.strictObject({
  ...UpdateAchievementSchema.shape,
  keywords: AchievementFields.keywords.unwrap().optional(),
  industryCodes: AchievementFields.industryCodes.unwrap().optional(),
  ip: AchievementFields.ip.unwrap().optional(),
  team: AchievementFields.team.unwrap().optional(),
  awards: AchievementFields.awards.unwrap().optional(),
  transferModes: AchievementFields.transferModes.unwrap().optional(),
  priceMode: AchievementFields.priceMode.unwrap().optional(),
  openLicence: AchievementFields.openLicence.unwrap().optional(),
  dualUse: AchievementFields.dualUse.unwrap().optional(),
  exportControlled: AchievementFields.exportControlled.unwrap().optional(),
  externalId: AchievementFields.externalId.unwrap().nullable().optional(),
  detail: AchievementFields.detail.unwrap().nullable().optional(),
  domainCode: AchievementFields.domainCode.unwrap().nullable().optional(),
  discipline: AchievementFields.discipline.unwrap().nullable().optional(),
  trl: TrlSchema.nullable().optional(),
  trlEvidence: AchievementFields.trlEvidence.unwrap().nullable().optional(),
  funding: FundingSchema.nullable().optional(),
  priceMinFen: FenSchema.nullable().optional(),
  priceMaxFen: FenSchema.nullable().optional(),
  comparison: AchievementFields.comparison.unwrap().nullable().optional(),
  applications: AchievementFields.applications.unwrap().nullable().optional(),
});
export type PatchAchievement = z.infer<typeof PatchAchievementSchema>;

const QueryBoolean = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

/**
 * `GET /achievements`: without `mine`, the public directory of published listings (newest first);
 * with `mine=true`, every listing of the organisations the caller belongs to or reviews for, in any
 * status (`status` filters them). Not the ranked search, which lives in the search module.
 */
export const AchievementQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
    mine: QueryBoolean,
    status: z.enum(ACHIEVEMENT_STATUSES).optional(),
    ownerOrgId: z.uuid().optional(),
    domainCode: z.string().max(10).optional(),
    industryCode: z.string().max(10).optional(),
    /** Everything under the region (a province covers its cities and counties). */
    regionCode: RegionCodeSchema.optional(),
    trlMin: z.coerce.number().int().min(1).max(9).optional(),
    trlMax: z.coerce.number().int().min(1).max(9).optional(),
    transferMode: z.enum(TRANSFER_MODES).optional(),
    openLicence: QueryBoolean,
  })
  .refine((q) => q.mine === true || q.status === undefined || q.status === 'published', {
    path: ['status'],
    message: 'status filters only your own listings (mine=true); the public directory holds published listings only',
  });
export type AchievementQuery = z.infer<typeof AchievementQuerySchema>;

/** One row of a list: public fields only, the abstract cut to an excerpt. */
export const AchievementSummarySchema = z.object({
  id: z.uuid(),
  chainId: z.string(),
  externalId: z.string().nullable(),
  title: z.string(),
  abstractExcerpt: z.string(),
  keywords: z.array(z.string()),
  domainCode: z.string().nullable(),
  industryCodes: z.array(z.string()),
  trl: z.number().int().nullable(),
  ownerOrgId: z.uuid(),
  ownerOrgName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  transferModes: z.array(z.enum(TRANSFER_MODES)),
  priceMode: z.enum(PRICE_MODES),
  priceMinFen: z.number().int().nullable(),
  priceMaxFen: z.number().int().nullable(),
  openLicence: z.boolean(),
  status: z.enum(ACHIEVEMENT_STATUSES),
  stale: z.boolean(),
  confirmedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  /** Present in `mine=true` lists (the owner dashboard). */
  qualityScore: z.number().int().optional(),
});
export type AchievementSummary = z.infer<typeof AchievementSummarySchema>;

export type AccessRequest = z.infer<typeof AccessRequestSchema>;
export type CreateAccessRequest = z.infer<typeof CreateAccessRequestSchema>;
export type DecideAccessRequest = z.infer<typeof DecideAccessRequestSchema>;
export type Funnel = z.infer<typeof FunnelSchema>;

export const AchievementDetailSchema = z.object({ detail: z.string().nullable() });

/** An enquiry to the owner; only its funnel event and an audit digest are kept (messages belong to the market module). */
export const CreateEnquirySchema = z.strictObject({ message: z.string().trim().min(1).max(2000) });
export const EnquiryReceiptSchema = z.object({ ok: z.literal(true), recordedAt: z.string() });

export const AccessRequestParamsSchema = z.object({ id: z.uuid(), requestId: z.uuid() });
