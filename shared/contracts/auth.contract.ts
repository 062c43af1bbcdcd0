import { z } from 'zod';
import { RegionCodeSchema } from './common.contract';

export const authErrors = {
  'auth/invalid_credentials': 401,
  'auth/account_locked': 423,
  'auth/account_disabled': 403,
  'auth/email_taken': 409,
  'auth/weak_password': 400,
  'auth/role_not_self_service': 403,
  'auth/role_requires_region': 400,
  'auth/role_requires_organisation': 400,
  'auth/region_out_of_scope': 403,
  'auth/user_not_found': 404,
  'auth/token_not_found': 404,
  'auth/role_assignment_not_found': 404,
  'auth/cannot_remove_last_admin': 409,
} as const;

/**
 * Platform roles. Regional roles (regional_admin, registrar, market_operator: a technology exchange
 * running listings, auctions and notices for its area) carry a GB/T 2260 region and see
 * everything under it; organisation roles (tto_officer, broker, enterprise_member, researcher,
 * investor) may name the organisation they act for. A signed-in user with no role is a visitor.
 */
export const ROLES = [
  'platform_admin',
  'regional_admin',
  'registrar',
  'market_operator',
  'tto_officer',
  'broker',
  'researcher',
  'enterprise_member',
  'investor',
  'visitor',
] as const;
export type Role = (typeof ROLES)[number];

export const REGIONAL_ROLES = ['regional_admin', 'registrar', 'market_operator'] as const satisfies readonly Role[];
/** Roles a person may take at registration without anyone's approval. */
export const SELF_SERVICE_ROLES = ['visitor', 'researcher', 'enterprise_member', 'investor'] as const satisfies readonly Role[];

export const RoleAssignmentSchema = z.object({
  id: z.uuid(),
  role: z.enum(ROLES),
  regionCode: z.string().nullable(),
  organisationId: z.uuid().nullable(),
});
export type RoleAssignment = z.infer<typeof RoleAssignmentSchema>;

export const UserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  regionCode: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  roles: z.array(RoleAssignmentSchema),
  organisationIds: z.array(z.uuid()),
  createdAt: z.string(),
});
export type User = z.infer<typeof UserSchema>;

export const SessionSchema = z.object({
  user: UserSchema,
  csrfToken: z.string(),
  expiresAt: z.string(),
});
export type Session = z.infer<typeof SessionSchema>;

export const EmailSchema = z
  .email()
  .max(254)
  .transform((s) => s.toLowerCase());
// Length and classes are checked here; a denylist of common passwords is checked in the service.
export const PasswordSchema = z
  .string()
  .min(10, 'at least 10 characters')
  .max(200)
  .regex(/[A-Za-z]/, 'needs a letter')
  .regex(/\d/, 'needs a digit');

export const LoginSchema = z.strictObject({
  email: EmailSchema,
  password: z.string().min(1).max(200),
});
export type Login = z.infer<typeof LoginSchema>;

export const RegisterSchema = z.strictObject({
  email: EmailSchema,
  password: PasswordSchema,
  displayName: z.string().trim().min(1).max(80),
  phone: z
    .string()
    .regex(/^1\d{10}$/, 'mainland mobile number, 11 digits')
    .optional(),
  regionCode: RegionCodeSchema.optional(),
  role: z.enum(SELF_SERVICE_ROLES).default('visitor'),
});
export type Register = z.infer<typeof RegisterSchema>;

export const UpdateProfileSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(80).optional(),
  phone: z
    .string()
    .regex(/^1\d{10}$/)
    .nullable()
    .optional(),
  regionCode: RegionCodeSchema.nullable().optional(),
});
export type UpdateProfile = z.infer<typeof UpdateProfileSchema>;

export const ChangePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: PasswordSchema,
});

export const TOKEN_SCOPES = ['read', 'write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const CreateApiTokenSchema = z.strictObject({
  name: z.string().trim().min(1).max(80),
  scopes: z.array(z.enum(TOKEN_SCOPES)).min(1).max(2),
  expiresInDays: z.number().int().min(1).max(366).default(90),
});
export type CreateApiToken = z.infer<typeof CreateApiTokenSchema>;

export const ApiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(TOKEN_SCOPES)),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;
/** Returned once at creation: the secret is never shown again. */
export const CreatedApiTokenSchema = ApiTokenSchema.extend({ token: z.string() });

export const GrantRoleSchema = z.strictObject({
  role: z.enum(ROLES),
  regionCode: RegionCodeSchema.optional(),
  organisationId: z.uuid().optional(),
});
export type GrantRole = z.infer<typeof GrantRoleSchema>;

export const AdminUserQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  regionCode: RegionCodeSchema.optional(),
  role: z.enum(ROLES).optional(),
  q: z.string().trim().max(100).optional(),
});
export type AdminUserQuery = z.infer<typeof AdminUserQuerySchema>;

export const SetUserStatusSchema = z.strictObject({ status: z.enum(['active', 'disabled']) });
