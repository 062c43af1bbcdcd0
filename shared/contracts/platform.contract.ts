import { z } from 'zod';

export const platformErrors = {} as const;

export const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.object({
    mode: z.enum(['embedded', 'postgres']),
    serverVersion: z.string(),
    extensions: z.object({
      vector: z.boolean(),
      pg_textsearch: z.boolean(),
      rum: z.boolean(),
      pg_trgm: z.boolean(),
    }),
    latencyMs: z.number(),
  }),
  uptimeSeconds: z.number(),
});
export type Health = z.infer<typeof HealthSchema>;

/** Live figures for the home page; every number is counted from the database. */
export const PlatformFiguresSchema = z.object({
  organisations: z.number().int(),
  organisationsByType: z.array(z.object({ type: z.string(), count: z.number().int() })),
  users: z.number().int(),
  provincesCovered: z.number().int(),
  organisationsByProvince: z.array(z.object({ provinceCode: z.string(), provinceName: z.string(), count: z.number().int() })),
  techTransferOrgs: z.number().int(),
  auditEvents: z.number().int(),
  generatedAt: z.string(),
});
export type PlatformFigures = z.infer<typeof PlatformFiguresSchema>;

export const ClientConfigSchema = z.object({
  version: z.string(),
  databaseMode: z.enum(['embedded', 'postgres']),
  demo: z.boolean(),
});
export type ClientConfig = z.infer<typeof ClientConfigSchema>;
