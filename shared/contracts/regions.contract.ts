import { z } from 'zod';

export const regionErrors = {
  'region/not_found': 404,
  /** A region code in a request body that GB/T 2260 does not have. */
  'region/unknown_code': 400,
  'code_list/not_found': 404,
} as const;

export const REGION_LEVELS = ['province', 'city', 'county'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** 东部 / 中部 / 西部 / 东北, as in the 火炬统计年鉴. */
export const ECONOMIC_ZONES = ['east', 'central', 'west', 'northeast', 'hmt'] as const; // hmt: 港澳台, outside the four mainland zones
export type EconomicZone = (typeof ECONOMIC_ZONES)[number];

export const RegionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(REGION_LEVELS),
  parentCode: z.string().nullable(),
  provinceCode: z.string(),
  zone: z.enum(ECONOMIC_ZONES),
});
export type Region = z.infer<typeof RegionSchema>;

export const CODE_LIST_NAMES = [
  'regions',
  'economic-zones',
  'industries',
  'technology-domains',
  'trl',
  'contract-types',
  'organisation-types',
  'roles',
  'contract-ip-types',
  'plan-categories',
  'socio-economic-objectives',
] as const;
export type CodeListName = (typeof CODE_LIST_NAMES)[number];

/** One entry of any code list; `parentCode` makes trees (regions, industries, contract sub-types). */
export const CodeListItemSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().optional(),
  parentCode: z.string().nullable(),
  level: z.number().int(),
  description: z.string().optional(),
  extra: z.record(z.string(), z.unknown()).optional(),
});
export type CodeListItem = z.infer<typeof CodeListItemSchema>;

export const CodeListSchema = z.object({
  name: z.string(),
  title: z.string(),
  titleEn: z.string(),
  source: z.string(),
  licence: z.string().optional(),
  items: z.array(CodeListItemSchema),
  total: z.number().int(),
});
export type CodeList = z.infer<typeof CodeListSchema>;

export const CodeListParamsSchema = z.object({ name: z.string().max(64) });
export const CodeListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  parent: z.string().max(20).optional(),
  level: z.coerce.number().int().min(0).max(5).optional(),
});
export type CodeListQuery = z.infer<typeof CodeListQuerySchema>;
