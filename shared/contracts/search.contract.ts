import { z } from 'zod';
import { AchievementSummarySchema, IP_KINDS, TRANSFER_MODES, TrlSchema } from './achievements.contract';
import { RegionCodeSchema } from './common.contract';

/**
 * Ranked search, similar listings and supply–demand matching (issue 3). The search module owns the
 * routes; the shapes live here so the web client and scripts use the same definitions.
 */
export const searchErrors = {
  /** A query that is empty after analysis, or longer than the limit. */
  'search/query_invalid': 400,
  /** `matching` got neither `text` nor `demandId`, or both. */
  'search/match_input_invalid': 400,
  /** A filter value that is not a known code (domain, industry, region…). */
  'search/unknown_filter': 400,
} as const;

/** Longest query accepted (characters, after trimming). */
export const MAX_QUERY_CHARS = 500;
/** Longest free text accepted by matching (a demand description). */
export const MAX_MATCH_TEXT_CHARS = 5000;

export const SEARCH_SORTS = ['relevance', 'newest', 'trl_desc', 'price_asc', 'price_desc'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

const QueryBoolean = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

/** A comma-separated list in the query string (`industryCode=3841,3849`), at most 20 values. */
const CsvList = z
  .string()
  .max(400)
  .transform((s) =>
    s
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== ''),
  )
  .pipe(z.array(z.string().max(12)).max(20))
  .optional();

/** Structured filters shared by search, similar and matching. All optional; all AND-combined. */
export const ListingFiltersSchema = z.object({
  /** 技术领域 codes (TD01…), any of. */
  domainCode: CsvList,
  /** GB/T 4754 codes, any of; a division or group covers the classes under it. */
  industryCode: CsvList,
  /** A GB/T 2260 region: everything under it (a province covers its cities and counties). */
  regionCode: RegionCodeSchema.optional(),
  trlMin: z.coerce.number().pipe(TrlSchema).optional(),
  trlMax: z.coerce.number().pipe(TrlSchema).optional(),
  /** Transfer modes offered, any of. */
  transferMode: z
    .string()
    .max(100)
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== ''),
    )
    .pipe(z.array(z.enum(TRANSFER_MODES)).max(5))
    .optional(),
  /** Price bounds in fen: listings whose price (or range) meets [priceMinFen, priceMaxFen]; 面议 listings pass. */
  priceMinFen: z.coerce.number().int().min(0).optional(),
  priceMaxFen: z.coerce.number().int().min(0).optional(),
  /** IP kinds held, any of. */
  ipKind: z
    .string()
    .max(200)
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== ''),
    )
    .pipe(z.array(z.enum(IP_KINDS)).max(7))
    .optional(),
  openLicence: QueryBoolean,
});
export type ListingFilters = z.infer<typeof ListingFiltersSchema>;

/** `GET /api/v1/achievements/search` */
export const AchievementSearchQuerySchema = ListingFiltersSchema.extend({
  /** Free text; may be empty when at least one filter is given (then sorted by `sort`, default newest). */
  q: z.string().max(10_000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
  sort: z.enum(SEARCH_SORTS).default('relevance'),
  /** Include facet counts (domain, industry division, province, TRL, transfer mode, IP kind). */
  facets: QueryBoolean,
});
export type AchievementSearchQuery = z.infer<typeof AchievementSearchQuerySchema>;

/**
 * A highlighted fragment: plain text plus the [start, end) offsets of the matched terms in it.
 * The client renders the marks itself, so no HTML ever travels in a highlight.
 */
export const HighlightSchema = z.object({
  field: z.enum(['title', 'abstract', 'keywords', 'description']),
  text: z.string(),
  ranges: z.array(z.tuple([z.number().int(), z.number().int()])),
});
export type Highlight = z.infer<typeof HighlightSchema>;

export const AchievementHitSchema = AchievementSummarySchema.extend({
  score: z.number(),
  highlights: z.array(HighlightSchema),
});
export type AchievementHit = z.infer<typeof AchievementHitSchema>;

export const FacetBucketSchema = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
export const FacetsSchema = z.object({
  domain: z.array(FacetBucketSchema),
  industry: z.array(FacetBucketSchema),
  province: z.array(FacetBucketSchema),
  trl: z.array(FacetBucketSchema),
  transferMode: z.array(FacetBucketSchema),
  ipKind: z.array(FacetBucketSchema),
});
export type Facets = z.infer<typeof FacetsSchema>;

export const AchievementSearchResultSchema = z.object({
  items: z.array(AchievementHitSchema),
  total: z.number().int(),
  /**
   * Set when a text query has at least `total` matches: ranking reads only the best candidates the
   * page (and facets) need from the index, so deeper pages keep working but the count is not exact.
   */
  totalIsLowerBound: z.boolean().optional(),
  /** The analysed query terms (jieba tokens), so a client can show what was searched. */
  terms: z.array(z.string()),
  /** Which engine answered: pg_textsearch (BM25 index), tsvector (portable fallback) … */
  engine: z.string(),
  facets: FacetsSchema.optional(),
  tookMs: z.number(),
});
export type AchievementSearchResult = z.infer<typeof AchievementSearchResultSchema>;

/** `GET /api/v1/demands/search`: same query and result envelope; a hit is a published demand. */
export const DemandHitSchema = z.object({
  id: z.uuid(),
  chainId: z.string(),
  externalId: z.string().nullable(),
  title: z.string(),
  descriptionExcerpt: z.string(),
  keywords: z.array(z.string()),
  domainCode: z.string().nullable(),
  industryCodes: z.array(z.string()),
  trlNeeded: z.number().int().nullable(),
  ownerOrgId: z.uuid(),
  ownerOrgName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  cooperationModes: z.array(z.enum(TRANSFER_MODES)),
  budgetMinFen: z.number().int().nullable(),
  budgetMaxFen: z.number().int().nullable(),
  deadline: z.string().nullable(),
  publishedAt: z.string().nullable(),
  score: z.number(),
  highlights: z.array(HighlightSchema),
});
export type DemandHit = z.infer<typeof DemandHitSchema>;
export const DemandSearchResultSchema = AchievementSearchResultSchema.extend({ items: z.array(DemandHitSchema) });
export type DemandSearchResult = z.infer<typeof DemandSearchResultSchema>;

/** `GET /api/v1/achievements/:id/similar?limit=` → same item shape as search. */
export const SimilarQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) });
export const SimilarResultSchema = z.object({ items: z.array(AchievementHitSchema) });
export type SimilarResult = z.infer<typeof SimilarResultSchema>;

/** One reason a match was made; `code` is stable, `message` localised, `weight` its share of the score. */
export const MatchReasonSchema = z.object({
  code: z.enum(['shared_terms', 'semantic', 'domain', 'industry', 'trl', 'region', 'budget', 'activity']),
  message: z.string(),
  weight: z.number(),
  /** For shared_terms: the terms in common. */
  terms: z.array(z.string()).optional(),
});
export type MatchReason = z.infer<typeof MatchReasonSchema>;

/** `POST /api/v1/matching/achievements`: exactly one of `text` or `demandId`. */
export const MatchAchievementsRequestSchema = z.strictObject({
  text: z.string().trim().min(1).max(MAX_MATCH_TEXT_CHARS).optional(),
  demandId: z.uuid().optional(),
  limit: z.number().int().min(1).max(50).default(10),
  filters: z
    .strictObject({
      domainCode: z.array(z.string().max(12)).max(20).optional(),
      industryCode: z.array(z.string().max(12)).max(20).optional(),
      regionCode: RegionCodeSchema.optional(),
      trlMin: TrlSchema.optional(),
      trlMax: TrlSchema.optional(),
      transferMode: z.array(z.enum(TRANSFER_MODES)).max(5).optional(),
      openLicence: z.boolean().optional(),
    })
    .optional(),
});
export type MatchAchievementsRequest = z.infer<typeof MatchAchievementsRequestSchema>;

export const AchievementMatchSchema = z.object({
  achievement: z.object({
    id: z.uuid(),
    externalId: z.string().nullable(),
    title: z.string(),
    ownerOrgName: z.string(),
    regionName: z.string(),
    trl: z.number().int().nullable(),
  }),
  score: z.number(),
  reasons: z.array(MatchReasonSchema),
});
export const MatchAchievementsResultSchema = z.object({ items: z.array(AchievementMatchSchema) });
export type AchievementMatch = z.infer<typeof AchievementMatchSchema>;

/** `GET /api/v1/achievements/:id/matches`: for the owner side — demands, experts and likely buyers. */
export const AchievementMatchesSchema = z.object({
  demands: z.array(
    z.object({
      demand: z.object({ id: z.uuid(), title: z.string(), ownerOrgName: z.string(), regionName: z.string() }),
      score: z.number(),
      reasons: z.array(MatchReasonSchema),
    }),
  ),
  experts: z.array(
    z.object({
      expert: z.object({ userId: z.uuid(), displayName: z.string(), title: z.string().nullable() }),
      score: z.number(),
      reasons: z.array(MatchReasonSchema),
    }),
  ),
  buyers: z.array(
    z.object({
      organisation: z.object({ id: z.uuid(), name: z.string(), regionName: z.string() }),
      score: z.number(),
      reasons: z.array(MatchReasonSchema),
    }),
  ),
});
export type AchievementMatches = z.infer<typeof AchievementMatchesSchema>;

/** `POST /api/v1/classify`: suggestions for a draft's technology domain and discipline. */
export const ClassifyRequestSchema = z.strictObject({
  title: z.string().trim().max(200).default(''),
  abstract: z.string().trim().max(5000).default(''),
  keywords: z.array(z.string().trim().max(40)).max(20).default([]),
});
export const ClassifySuggestionSchema = z.object({ code: z.string(), label: z.string(), confidence: z.number() });
export const ClassifyResultSchema = z.object({
  domain: z.array(ClassifySuggestionSchema),
  discipline: z.array(ClassifySuggestionSchema),
});
export type ClassifyResult = z.infer<typeof ClassifyResultSchema>;
