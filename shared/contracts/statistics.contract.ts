import { z } from 'zod';
import { RegionCodeSchema } from './common.contract';

// 技术市场统计 (domain-cn §5): counts, 成交额 and 技术交易额 of registered technology contracts.
// Money sums are decimal strings of fen: a national multi-year sum passes 2^53.

export const statisticsErrors = {
  'statistics/out_of_scope': 403,
  'statistics/dimension_unknown': 400,
  'statistics/period_invalid': 400,
  'statistics/region_unknown': 404,
} as const;

/** Breakdown dimensions (domain-cn §5.2). `flow` and `country` are the region-to-region and cross-border tables. */
export const STAT_DIMENSIONS = [
  'type',
  'subtype',
  'domain',
  'seller_type',
  'buyer_type',
  'ip_type',
  'plan',
  'objective',
  'industry',
  'cross_border',
] as const;
export type StatDimension = (typeof STAT_DIMENSIONS)[number];

/** 输出 (by the seller's region) or 吸纳 (by the buyer's region). */
export const STAT_SIDES = ['out', 'in'] as const;
export type StatSide = (typeof STAT_SIDES)[number];
export const STAT_PERIODS = ['year', 'quarter', 'month'] as const;
export type StatPeriod = (typeof STAT_PERIODS)[number];

export const FenSumSchema = z.string().regex(/^-?\d+$/);

export const StatValuesSchema = z.object({
  count: z.number().int(),
  amountFen: FenSumSchema,
  techAmountFen: FenSumSchema,
});
export type StatValues = z.infer<typeof StatValuesSchema>;

/** The previous period's values and growth in per cent (null when there is nothing to compare with). */
export const StatRowSchema = StatValuesSchema.extend({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  /** Share of the amount in the table's total, per cent. */
  amountShare: z.number().nullable(),
  prevCount: z.number().int().nullable(),
  prevAmountFen: FenSumSchema.nullable(),
  countGrowth: z.number().nullable(),
  amountGrowth: z.number().nullable(),
});
export type StatRow = z.infer<typeof StatRowSchema>;

const ScopeQuery = {
  /** Region the figures are about (default: national, or the caller's own region for regional roles). */
  region: RegionCodeSchema.optional(),
  side: z.enum(STAT_SIDES).default('out'),
};

export const OverviewQuerySchema = z.object({ ...ScopeQuery, year: z.coerce.number().int().min(1980).max(2100) });
export type OverviewQuery = z.infer<typeof OverviewQuerySchema>;
export const OverviewSchema = z.object({
  year: z.number().int(),
  region: z.string().nullable(),
  regionName: z.string(),
  side: z.enum(STAT_SIDES),
  total: StatRowSchema,
  /** Counties (区县) with at least one registered contract as seller or buyer, and all counties in scope. */
  coverage: z.object({ countiesWithContracts: z.number().int(), counties: z.number().int() }),
  /** Years that have registered contracts (for the year picker). */
  years: z.array(z.number().int()),
});
export type Overview = z.infer<typeof OverviewSchema>;

export const BreakdownQuerySchema = z.object({ ...ScopeQuery, year: z.coerce.number().int().min(1980).max(2100), dimension: z.enum(STAT_DIMENSIONS) });
export type BreakdownQuery = z.infer<typeof BreakdownQuerySchema>;
export const BreakdownSchema = z.object({ dimension: z.enum(STAT_DIMENSIONS), year: z.number().int(), rows: z.array(StatRowSchema), total: StatValuesSchema });
export type Breakdown = z.infer<typeof BreakdownSchema>;

export const TrendQuerySchema = z.object({
  ...ScopeQuery,
  from: z.coerce.number().int().min(1980).max(2100),
  to: z.coerce.number().int().min(1980).max(2100),
  period: z.enum(STAT_PERIODS).default('year'),
});
export type TrendQuery = z.infer<typeof TrendQuerySchema>;
/** `label`: 2024, 2024Q1 or 2024-01; growth against the same period a year earlier. */
export const TrendSchema = z.object({ period: z.enum(STAT_PERIODS), points: z.array(StatValuesSchema.extend({ label: z.string(), countGrowth: z.number().nullable(), amountGrowth: z.number().nullable() })) });
export type Trend = z.infer<typeof TrendSchema>;

/** The regions one level below `region` (provinces under the nation, cities, counties), for the map and drill-down. */
export const RegionsQuerySchema = z.object({ ...ScopeQuery, year: z.coerce.number().int().min(1980).max(2100) });
export type RegionsQuery = z.infer<typeof RegionsQuerySchema>;
export const RegionRowSchema = StatRowSchema.extend({ level: z.enum(['province', 'city', 'county', 'abroad']), hasChildren: z.boolean() });
export type RegionRow = z.infer<typeof RegionRowSchema>;
export const RegionsSchema = z.object({ year: z.number().int(), parent: z.string().nullable(), parentName: z.string(), side: z.enum(STAT_SIDES), rows: z.array(RegionRowSchema) });
export type Regions = z.infer<typeof RegionsSchema>;

export const FlowsQuerySchema = z.object({ year: z.coerce.number().int().min(1980).max(2100), region: RegionCodeSchema.optional() });
export type FlowsQuery = z.infer<typeof FlowsQuerySchema>;
export const FlowSchema = z.object({ from: z.string(), fromName: z.string(), to: z.string(), toName: z.string(), count: z.number().int(), amountFen: FenSumSchema, techAmountFen: FenSumSchema });
export type Flow = z.infer<typeof FlowSchema>;
/** Province → province (000000: 境外), and the same folded into 东部/中部/西部/东北/港澳台/境外. */
export const FlowsSchema = z.object({ year: z.number().int(), flows: z.array(FlowSchema), zones: z.array(FlowSchema) });
export type Flows = z.infer<typeof FlowsSchema>;

export const AnnualReportQuerySchema = z.object({ year: z.coerce.number().int().min(1980).max(2100), region: RegionCodeSchema.optional() });
export type AnnualReportQuery = z.infer<typeof AnnualReportQuerySchema>;
export const AnnualReportSchema = z.object({
  year: z.number().int(),
  region: z.string().nullable(),
  regionName: z.string(),
  generatedAt: z.string(),
  totals: z.object({ out: StatRowSchema, in: StatRowSchema }),
  /** One table per dimension, outflow side (by the seller's region). */
  tables: z.array(z.object({ dimension: z.enum(STAT_DIMENSIONS), rows: z.array(StatRowSchema) })),
  regionsOut: z.array(RegionRowSchema),
  regionsIn: z.array(RegionRowSchema),
  flows: z.array(FlowSchema),
  zoneFlows: z.array(FlowSchema),
  months: TrendSchema,
  coverage: z.object({ countiesWithContracts: z.number().int(), counties: z.number().int() }),
});
export type AnnualReport = z.infer<typeof AnnualReportSchema>;

/** Aggregates compared with a full recount over the raw contracts. */
export const VerifySchema = z.object({
  ok: z.boolean(),
  cells: z.number().int(),
  recounted: z.number().int(),
  mismatches: z.array(z.object({ key: z.string(), stored: StatValuesSchema.nullable(), recounted: StatValuesSchema.nullable() })),
  ms: z.number(),
});
export type Verify = z.infer<typeof VerifySchema>;

/** Definitions of every published figure (open data). */
export const DefinitionsSchema = z.object({
  measures: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string(), definition: z.string(), definitionEn: z.string() })),
  dimensions: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string(), codeList: z.string().nullable(), definition: z.string(), definitionEn: z.string() })),
  rules: z.array(z.string()),
  licence: z.string(),
});
export type Definitions = z.infer<typeof DefinitionsSchema>;
