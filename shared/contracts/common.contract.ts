import { z } from 'zod';

export const commonErrors = {
  'common/validation_failed': 400,
  'common/bad_request': 400,
  'common/unauthenticated': 401,
  'common/session_expired': 401,
  'common/csrf_invalid': 403,
  'common/forbidden': 403,
  'common/token_scope_insufficient': 403,
  'common/not_found': 404,
  'common/route_not_found': 404,
  'common/conflict': 409,
  'common/idempotency_in_progress': 409,
  'common/idempotency_key_reused': 422,
  'common/payload_too_large': 413,
  'common/unsupported_media_type': 415,
  'common/rate_limited': 429,
  'common/internal': 500,
  'common/unavailable': 503,
} as const;

export const UuidSchema = z.uuid();
export const IdParamSchema = z.object({ id: z.uuid() });

/** 6-digit GB/T 2260 administrative division code. */
/**
 * An instant sent by a client: ISO 8601 with an offset, in years 1–9999 UTC. The format alone lets
 * through `0000-…` or `9999-12-31T23:59:59-14:00` (year 10000 in UTC), which PostgreSQL refuses —
 * a 500 instead of a clear 400. Every instant in a request body uses this schema.
 */
export const InstantSchema = z.iso.datetime({ offset: true }).superRefine((v, ctx) => {
  const year = new Date(v).getUTCFullYear();
  if (!(year >= 1 && year <= 9999)) {
    ctx.addIssue({ code: 'invalid_format', format: 'datetime', input: v, message: 'Invalid datetime (a year between 1 and 9999)' });
  }
});

export const RegionCodeSchema = z.string().regex(/^\d{6}$/, 'region code is 6 digits');

export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

/** Wraps an item schema in the house list shape `{ items, total, page, pageSize }`. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const ValidationIssueSchema = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
});
export type ValidationIssue = z.infer<typeof ValidationIssueSchema>;

export const ErrorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

export const OkSchema = z.object({ ok: z.literal(true) });
