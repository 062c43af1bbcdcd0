import { z } from 'zod';

export const auditErrors = {} as const;

export const AuditEventSchema = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  beforeDigest: z.string().nullable(),
  afterDigest: z.string().nullable(),
  requestId: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const AuditVerifyResultSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  headSeq: z.number().int().nullable(),
  headHash: z.string().nullable(),
  firstBroken: z
    .object({
      seq: z.number().int(),
      reason: z.enum(['hash_mismatch', 'prev_hash_mismatch', 'sequence_gap']),
      expected: z.string(),
      actual: z.string(),
    })
    .nullable(),
  durationMs: z.number(),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResultSchema>;

export const AuditQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  actorId: z.uuid().optional(),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;
