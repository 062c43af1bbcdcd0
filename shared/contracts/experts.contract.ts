import { z } from 'zod';
import { RegionCodeSchema } from './common.contract';

export const expertErrors = {
  'expert/not_found': 404,
  'expert/unknown_code': 400,
} as const;

/** How an expert wants to be approached: platform message, through their TTO, or by e-mail. */
export const CONTACT_POLICIES = ['platform_message', 'via_tto', 'public_email'] as const;
export type ContactPolicy = (typeof CONTACT_POLICIES)[number];

/** `PUT /experts/me`: the whole profile (absent fields take their defaults). */
export const UpsertExpertProfileSchema = z.strictObject({
  /** 职称 / position, e.g. 教授、高级工程师. */
  title: z.string().trim().max(60).optional(),
  bio: z.string().trim().max(3000).optional(),
  /** Technology-domain codes (TD01–TD11). */
  domainCodes: z.array(z.string().max(10)).max(11).default([]),
  discipline: z.string().trim().max(60).optional(),
  keywords: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  regionCode: RegionCodeSchema.optional(),
  contactPolicy: z.enum(CONTACT_POLICIES).default('platform_message'),
  isPublic: z.boolean().default(true),
});
export type UpsertExpertProfile = z.infer<typeof UpsertExpertProfileSchema>;

export const ExpertSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  title: z.string().nullable(),
  bio: z.string().nullable(),
  domainCodes: z.array(z.string()),
  discipline: z.string().nullable(),
  keywords: z.array(z.string()),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  contactPolicy: z.enum(CONTACT_POLICIES),
  /** Only when the expert chose `public_email`. */
  email: z.string().nullable(),
  isPublic: z.boolean(),
  /** Verified organisations the expert belongs to. */
  organisations: z.array(z.object({ id: z.uuid(), name: z.string() })),
  /** Published achievements that name the expert (by user id) in their team. */
  publishedAchievements: z.number().int(),
  updatedAt: z.string(),
});
export type Expert = z.infer<typeof ExpertSchema>;

export const ExpertQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  domainCode: z.string().max(10).optional(),
  /** Everything under the region. */
  regionCode: RegionCodeSchema.optional(),
  /** Substring of the name, title, discipline or a keyword. */
  q: z.string().trim().max(100).optional(),
});
export type ExpertQuery = z.infer<typeof ExpertQuerySchema>;

export const ExpertParamsSchema = z.object({ userId: z.uuid() });
