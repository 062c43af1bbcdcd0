import { z } from 'zod';
import { FenSchema, TRANSFER_MODES, TrlSchema } from './achievements.contract';
import { RegionCodeSchema } from './common.contract';

export const demandErrors = {
  'demand/not_found': 404,
  'demand/invalid_transition': 409,
  'demand/not_editable': 409,
  'demand/duplicate_external_id': 409,
  'demand/budget_range_invalid': 400,
  'demand/deadline_past': 400,
  'demand/unknown_code': 400,
} as const;

export const DEMAND_STATUSES = ['draft', 'published', 'closed', 'withdrawn'] as const;
export type DemandStatus = (typeof DEMAND_STATUSES)[number];

export const DEMAND_ACTIONS = ['publish', 'close', 'withdraw'] as const;
export type DemandAction = (typeof DEMAND_ACTIONS)[number];

// No defaults here: the PATCH body must leave absent fields alone; creation adds its defaults below.
const DemandFields = {
  externalId: z.string().trim().min(1).max(100),
  title: z.string().trim().min(2).max(200),
  /** The problem in the demander's words: what, why, constraints, what "solved" means. */
  description: z.string().trim().min(10).max(5000),
  keywords: z.array(z.string().trim().min(1).max(40)).max(20),
  domainCode: z.string().max(10),
  industryCodes: z.array(z.string().max(10)).max(10),
  regionCode: RegionCodeSchema,
  /** Budget in integer fen (分); min ≤ max is checked by the service (demand/budget_range_invalid). */
  budgetMinFen: FenSchema,
  budgetMaxFen: FenSchema,
  /** The lowest TRL the demander can take on. */
  trlNeeded: TrlSchema,
  /** ISO date (YYYY-MM-DD), China time; not in the past when created or published. */
  deadline: z.iso.date(),
  cooperationModes: z.array(z.enum(TRANSFER_MODES)).max(5),
};

export const CreateDemandSchema = z.strictObject({
  ownerOrgId: z.uuid(),
  externalId: DemandFields.externalId.optional(),
  title: DemandFields.title,
  description: DemandFields.description,
  keywords: DemandFields.keywords.default([]),
  domainCode: DemandFields.domainCode.optional(),
  industryCodes: DemandFields.industryCodes.default([]),
  /** Defaults to the owning organisation's region. */
  regionCode: DemandFields.regionCode.optional(),
  budgetMinFen: DemandFields.budgetMinFen.optional(),
  budgetMaxFen: DemandFields.budgetMaxFen.optional(),
  trlNeeded: DemandFields.trlNeeded.optional(),
  deadline: DemandFields.deadline.optional(),
  cooperationModes: DemandFields.cooperationModes.default([]),
});
export type CreateDemand = z.infer<typeof CreateDemandSchema>;

/** PATCH body (drafts only): absent fields stay as stored, `null` clears an optional field. */
export const UpdateDemandSchema = z.strictObject({
  externalId: DemandFields.externalId.nullable().optional(),
  title: DemandFields.title.optional(),
  description: DemandFields.description.optional(),
  keywords: DemandFields.keywords.optional(),
  domainCode: DemandFields.domainCode.nullable().optional(),
  industryCodes: DemandFields.industryCodes.optional(),
  regionCode: DemandFields.regionCode.optional(),
  budgetMinFen: DemandFields.budgetMinFen.nullable().optional(),
  budgetMaxFen: DemandFields.budgetMaxFen.nullable().optional(),
  trlNeeded: DemandFields.trlNeeded.nullable().optional(),
  deadline: DemandFields.deadline.nullable().optional(),
  cooperationModes: DemandFields.cooperationModes.optional(),
});
export type UpdateDemand = z.infer<typeof UpdateDemandSchema>;

export const DemandSchema = z.object({
  id: z.uuid(),
  chainId: z.string(),
  externalId: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  keywords: z.array(z.string()),
  domainCode: z.string().nullable(),
  industryCodes: z.array(z.string()),
  ownerOrgId: z.uuid(),
  ownerOrgName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  budgetMinFen: z.number().int().nullable(),
  budgetMaxFen: z.number().int().nullable(),
  trlNeeded: z.number().int().nullable(),
  deadline: z.string().nullable(),
  /** The deadline has passed (computed at read time, China time). */
  expired: z.boolean(),
  cooperationModes: z.array(z.enum(TRANSFER_MODES)),
  status: z.enum(DEMAND_STATUSES),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The caller may edit it and act on it as its owner. */
  canEdit: z.boolean(),
});
export type Demand = z.infer<typeof DemandSchema>;

export const DemandActionSchema = z.strictObject({ note: z.string().trim().max(1000).optional() });

/**
 * `GET /demands`: without `mine`, the public directory of published demands (newest first, expired
 * ones left out unless `includeExpired=true`); with `mine=true`, the demands of the caller's
 * organisations in any status.
 */
export const DemandQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
    mine: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    status: z.enum(DEMAND_STATUSES).optional(),
    ownerOrgId: z.uuid().optional(),
    domainCode: z.string().max(10).optional(),
    industryCode: z.string().max(10).optional(),
    /** Everything under the region. */
    regionCode: RegionCodeSchema.optional(),
    cooperationMode: z.enum(TRANSFER_MODES).optional(),
    /** The TRL on offer: keeps demands that need this level or less (or say nothing). */
    trl: z.coerce.number().int().min(1).max(9).optional(),
    includeExpired: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
  })
  .refine((q) => q.mine === true || q.status === undefined || q.status === 'published', {
    path: ['status'],
    message: 'status filters only your own demands (mine=true); the public directory holds published demands only',
  });
export type DemandQuery = z.infer<typeof DemandQuerySchema>;
