import { z } from 'zod';
import { RegionCodeSchema } from './common.contract';

export const organisationErrors = {
  'organisation/not_found': 404,
  'organisation/credit_code_invalid': 400,
  'organisation/credit_code_taken': 409,
  'organisation/member_exists': 409,
  'organisation/member_not_found': 404,
  'organisation/last_owner': 409,
  /** Listings and demands go public only for organisations a regional administrator has verified. */
  'organisation/not_verified': 409,
} as const;

/** 交易主体类型 as the technology-market statistics use them (domain-cn §5.2). */
export const ORGANISATION_TYPES = [
  'enterprise', // 企业法人
  'research_institute', // 科研机构
  'university', // 高等院校
  'medical', // 医疗卫生机构
  'other_public', // 其他事业法人
  'government', // 机关法人
  'association', // 社团法人
  'individual', // 自然人
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const ENTERPRISE_OWNERSHIPS = ['domestic', 'hmt', 'foreign'] as const; // 内资 / 港澳台 / 外资

export const ORG_MEMBER_ROLES = ['owner', 'admin', 'member'] as const;
export type OrgMemberRole = (typeof ORG_MEMBER_ROLES)[number];

export const OrganisationFlagsSchema = z.object({
  isTechTransferOrg: z.boolean(), // 技术转移机构
  isInvestor: z.boolean(), // 投资机构
  isServiceProvider: z.boolean(), // 服务机构
});

export const OrganisationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  type: z.enum(ORGANISATION_TYPES),
  enterpriseOwnership: z.enum(ENTERPRISE_OWNERSHIPS).nullable(),
  creditCode: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  address: z.string().nullable(),
  website: z.string().nullable(),
  description: z.string().nullable(),
  status: z.enum(['pending', 'verified', 'suspended']),
  flags: OrganisationFlagsSchema,
  memberCount: z.number().int(),
  createdAt: z.string(),
});
export type Organisation = z.infer<typeof OrganisationSchema>;

/** 统一社会信用代码: 18 characters; format only here, the GB 32100 checksum is checked in the service. */
export const CreditCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/, 'unified social credit code: 18 characters');

export const CreateOrganisationSchema = z.strictObject({
  name: z.string().trim().min(2).max(120),
  type: z.enum(ORGANISATION_TYPES),
  enterpriseOwnership: z.enum(ENTERPRISE_OWNERSHIPS).optional(),
  creditCode: CreditCodeSchema.optional(),
  regionCode: RegionCodeSchema,
  address: z.string().trim().max(200).optional(),
  website: z
    .url({ protocol: /^https?$/ })
    .max(200)
    .optional(),
  description: z.string().trim().max(2000).optional(),
  flags: OrganisationFlagsSchema.partial().optional(),
});
export type CreateOrganisation = z.infer<typeof CreateOrganisationSchema>;

/** Optional text fields may be cleared with null. */
export const UpdateOrganisationSchema = CreateOrganisationSchema.partial()
  .extend({
    creditCode: CreditCodeSchema.nullable().optional(),
    address: z.string().trim().max(200).nullable().optional(),
    website: z
      .url({ protocol: /^https?$/ })
      .max(200)
      .nullable()
      .optional(),
    description: z.string().trim().max(2000).nullable().optional(),
  })
  .strict();
export type UpdateOrganisation = z.infer<typeof UpdateOrganisationSchema>;

export const SetOrganisationStatusSchema = z.strictObject({
  status: z.enum(['pending', 'verified', 'suspended']),
});

export const OrganisationQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().trim().max(100).optional(),
  type: z.enum(ORGANISATION_TYPES).optional(),
  regionCode: RegionCodeSchema.optional(),
  flag: z.enum(['isTechTransferOrg', 'isInvestor', 'isServiceProvider']).optional(),
  status: z.enum(['pending', 'verified', 'suspended']).optional(),
  /** Only organisations the signed-in user belongs to. */
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type OrganisationQuery = z.infer<typeof OrganisationQuerySchema>;

export const MemberSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  email: z.string(),
  role: z.enum(ORG_MEMBER_ROLES),
  platformRoles: z.array(z.string()),
  joinedAt: z.string(),
});
export type Member = z.infer<typeof MemberSchema>;

export const AddMemberSchema = z.strictObject({
  email: z
    .email()
    .max(254)
    .transform((s) => s.toLowerCase()),
  role: z.enum(ORG_MEMBER_ROLES).default('member'),
});
export const UpdateMemberSchema = z.strictObject({ role: z.enum(ORG_MEMBER_ROLES) });
export const MemberParamsSchema = z.object({ id: z.uuid(), userId: z.uuid() });
