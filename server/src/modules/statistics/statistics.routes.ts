import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AnnualReportQuerySchema,
  AnnualReportSchema,
  BreakdownQuerySchema,
  BreakdownSchema,
  DefinitionsSchema,
  FlowsQuerySchema,
  FlowsSchema,
  OverviewQuerySchema,
  OverviewSchema,
  RegionsQuerySchema,
  RegionsSchema,
  STAT_DIMENSIONS,
  TrendQuerySchema,
  TrendSchema,
  VerifySchema,
  type StatRow,
} from '#shared/contracts/statistics.contract';
import { RegionCodeSchema } from '#shared/contracts/common.contract';
import { AppError } from '#server/lib/app-error';
import { regionLevelOf } from '#shared/format/region-scope';
import { annualReportCsv, annualReportXlsx } from './statistics.export';
import { DEFINITIONS, SUPPRESS_BELOW } from './definitions';
import type { StatisticsService } from './statistics.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Open data: a row of fewer than SUPPRESS_BELOW contracts is published as zero (statistical disclosure control). */
function suppress<T extends StatRow>(rows: T[]): T[] {
  return rows.map((r) =>
    r.count > 0 && r.count < SUPPRESS_BELOW
      ? { ...r, count: 0, amountFen: '0', techAmountFen: '0', amountShare: null, prevCount: null, prevAmountFen: null, countGrowth: null, amountGrowth: null }
      : r,
  );
}

/** Open data covers the nation and provinces only. */
function provinceOrNation(region: string | undefined): string | null {
  if (region === undefined) {
    return null;
  }
  if (regionLevelOf(region) !== 'province') {
    throw new AppError('statistics/out_of_scope', 'open data is published for the nation and provinces');
  }
  return region;
}

function download(name: string): string {
  return `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export const statisticsRoutes: FastifyPluginAsyncZod<{ service: StatisticsService }> = async (app, { service }) => {
  const tags = ['statistics'];
  app.get('/statistics/overview', { schema: { tags, summary: 'Totals of a year with YoY and county coverage (own region for regional roles)', querystring: OverviewQuerySchema, response: { 200: OverviewSchema } } }, (req) => service.overview(req.actor, req.query));
  app.get('/statistics/breakdown', { schema: { tags, summary: 'One dimension of a year (share, YoY)', querystring: BreakdownQuerySchema, response: { 200: BreakdownSchema } } }, (req) => service.breakdown(req.actor, req.query));
  app.get('/statistics/trend', { schema: { tags, summary: 'Years, quarters or months with YoY', querystring: TrendQuerySchema, response: { 200: TrendSchema } } }, (req) => service.trend(req.actor, req.query));
  app.get('/statistics/regions', { schema: { tags, summary: 'The regions one level below (drill-down: nation → province → city → county)', querystring: RegionsQuerySchema, response: { 200: RegionsSchema } } }, (req) => service.regions(req.actor, req.query));
  app.get('/statistics/flows', { schema: { tags, summary: 'Province-to-province and zone-to-zone flows (seller → buyer)', querystring: FlowsQuerySchema, response: { 200: FlowsSchema } } }, (req) => service.flows(req.actor, req.query));
  app.get('/statistics/annual-report', { schema: { tags, summary: 'The annual statistical report: every table at once', querystring: AnnualReportQuerySchema, response: { 200: AnnualReportSchema } } }, (req) => service.annualReport(req.actor, req.query));
  app.get('/statistics/annual-report.xlsx', { schema: { tags, summary: 'The annual report as an XLSX workbook (one sheet per table)', querystring: AnnualReportQuerySchema } }, async (req, reply) => {
    const r = await service.annualReport(req.actor, req.query);
    return reply.header('content-type', XLSX).header('content-disposition', download(`技术市场统计年报-${r.year}-${r.regionName}.xlsx`)).send(await annualReportXlsx(r));
  });
  app.get('/statistics/annual-report.csv', { schema: { tags, summary: 'The annual report as CSV (tables one after another)', querystring: AnnualReportQuerySchema } }, async (req, reply) => {
    const r = await service.annualReport(req.actor, req.query);
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', download(`技术市场统计年报-${r.year}-${r.regionName}.csv`)).send(annualReportCsv(r));
  });
  app.get('/statistics/verify', { schema: { tags, summary: 'Aggregates against a full recount of the registered contracts (platform administrators)', response: { 200: VerifySchema } } }, (req) => service.verify(req.actor));

  // ── Open data: public, no login; nation and provinces; small cells suppressed ──
  const open = ['open-data'];
  const OpenYear = z.object({ year: z.coerce.number().int().min(1980).max(2100) });
  const OpenRegion = z.object({ region: RegionCodeSchema.optional() });
  app.get('/open-data/technology-market/definitions', { schema: { tags: open, summary: 'Definitions of every published figure and dimension', response: { 200: DefinitionsSchema } } }, () => DEFINITIONS);
  app.get('/open-data/technology-market/overview', { schema: { tags: open, summary: 'National (or provincial) totals of a year', querystring: OpenYear.extend(OpenRegion.shape), response: { 200: OverviewSchema } } }, (req) =>
    service.overviewOf(provinceOrNation(req.query.region), req.query.year, 'out'),
  );
  app.get('/open-data/technology-market/breakdown', { schema: { tags: open, summary: 'One dimension of a year (nation or province)', querystring: OpenYear.extend({ ...OpenRegion.shape, dimension: z.enum(STAT_DIMENSIONS) }), response: { 200: BreakdownSchema } } }, async (req) => {
    const b = await service.breakdownOf(provinceOrNation(req.query.region), req.query.year, req.query.dimension, 'out');
    return { ...b, rows: suppress(b.rows) };
  });
  app.get('/open-data/technology-market/trend', { schema: { tags: open, summary: 'National years, quarters or months', querystring: TrendQuerySchema.omit({ side: true }), response: { 200: TrendSchema } } }, (req) =>
    service.trendOf(provinceOrNation(req.query.region), { ...req.query, side: 'out' }),
  );
  app.get('/open-data/technology-market/regions', { schema: { tags: open, summary: 'Provinces of a year (outflow by seller, or inflow by buyer)', querystring: OpenYear.extend({ side: z.enum(['out', 'in']).default('out') }), response: { 200: RegionsSchema } } }, async (req) => {
    const r = await service.regionsOf(null, req.query.year, req.query.side);
    return { ...r, rows: suppress(r.rows).map((row) => ({ ...row, hasChildren: false })) };
  });
  app.get('/open-data/technology-market/flows', { schema: { tags: open, summary: 'Zone-to-zone flows of a year (东部/中部/西部/东北/港澳台/境外)', querystring: OpenYear, response: { 200: FlowsSchema } } }, async (req) => {
    const f = await service.flowsOf(null, req.query.year);
    return { year: f.year, flows: [], zones: f.zones.filter((z) => z.count >= SUPPRESS_BELOW) };
  });
  app.get('/open-data/technology-market/annual-report.csv', { schema: { tags: open, summary: 'The national annual report as CSV (small cells suppressed)', querystring: OpenYear } }, async (req, reply) => {
    const r = await service.annualReportOf(null, req.query.year);
    const safe = {
      ...r,
      tables: r.tables.map((t) => ({ ...t, rows: suppress(t.rows) })),
      regionsOut: suppress(r.regionsOut),
      regionsIn: suppress(r.regionsIn),
      flows: r.flows.filter((f) => f.count >= SUPPRESS_BELOW),
      zoneFlows: r.zoneFlows.filter((f) => f.count >= SUPPRESS_BELOW),
    };
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', download(`全国技术市场统计-${r.year}.csv`)).send(annualReportCsv(safe));
  });
};
