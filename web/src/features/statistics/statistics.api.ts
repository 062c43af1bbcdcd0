import type {
  Breakdown,
  Definitions,
  Flows,
  Overview,
  Regions,
  StatDimension,
  StatPeriod,
  StatSide,
  Trend,
} from '#shared/contracts/statistics.contract';
import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import { API_BASE, buildQueryString, http } from '../../shared/api/http';

/**
 * Two sources with the same shapes: the signed-in dashboards (/statistics, scoped to the caller's
 * region, both sides) and the public open data (/open-data/technology-market: national and
 * province level, outflow side, small cells suppressed).
 */
export type StatSource = 'internal' | 'open';

const BASE: Record<StatSource, string> = {
  internal: '/statistics',
  open: '/open-data/technology-market',
};

export type ScopeQuery = { region?: string; side?: StatSide };
export type OverviewParams = ScopeQuery & { year: number };
export type BreakdownParams = ScopeQuery & { year: number; dimension: StatDimension };
export type TrendParams = ScopeQuery & { from: number; to: number; period: StatPeriod };
export type RegionsParams = ScopeQuery & { year: number };
export type FlowsParams = { year: number };

/** Open data takes no side (it publishes 输出) and only a province for breakdowns; keep its queries to what it accepts. */
function scoped<Q extends ScopeQuery>(source: StatSource, q: Q): Q {
  if (source === 'internal') {
    return q;
  }
  const { side: _side, ...rest } = q;
  return rest as Q;
}

export const statisticsKeys = {
  all: ['statistics'] as const,
  overview: (s: StatSource, q: OverviewParams) => ['statistics', s, 'overview', q] as const,
  breakdown: (s: StatSource, q: BreakdownParams) => ['statistics', s, 'breakdown', q] as const,
  trend: (s: StatSource, q: TrendParams) => ['statistics', s, 'trend', q] as const,
  regions: (s: StatSource, q: RegionsParams) => ['statistics', s, 'regions', q] as const,
  flows: (s: StatSource, q: FlowsParams) => ['statistics', s, 'flows', q] as const,
  definitions: () => ['statistics', 'open', 'definitions'] as const,
};

export function getOverview(source: StatSource, q: OverviewParams, signal?: AbortSignal): Promise<Overview> {
  return http.get(`${BASE[source]}/overview`, { query: scoped(source, q), signal });
}
export function getBreakdown(source: StatSource, q: BreakdownParams, signal?: AbortSignal): Promise<Breakdown> {
  return http.get(`${BASE[source]}/breakdown`, { query: scoped(source, q), signal });
}
export function getTrend(source: StatSource, q: TrendParams, signal?: AbortSignal): Promise<Trend> {
  return http.get(`${BASE[source]}/trend`, { query: scoped(source, q), signal });
}
export function getRegions(source: StatSource, q: RegionsParams, signal?: AbortSignal): Promise<Regions> {
  return http.get(`${BASE[source]}/regions`, { query: scoped(source, q), signal });
}
export function getFlows(source: StatSource, q: FlowsParams, signal?: AbortSignal): Promise<Flows> {
  return http.get(`${BASE[source]}/flows`, { query: q, signal });
}
export function getDefinitions(signal?: AbortSignal): Promise<Definitions> {
  return http.get(`${BASE.open}/definitions`, { signal });
}

/** Address of the annual report file (a plain link: the browser downloads it with the session cookie). */
export function annualReportUrl(source: StatSource, format: 'xlsx' | 'csv', year: number, region?: string): string {
  return `${API_BASE}${BASE[source]}/annual-report.${format}${buildQueryString({ year, region: source === 'internal' ? region : undefined })}`;
}

/** Address of an API endpoint as a scripter would call it (listed on the open-data page). */
export function openDataUrl(endpoint: string, query?: Record<string, string | number>): string {
  return `${API_BASE}${BASE.open}/${endpoint}${buildQueryString(query)}`;
}

// Figures change only when a registration is decided: a minute of freshness spares refetches while
// the user flips between panels.
const FRESH = { staleTime: 60_000, placeholderData: keepPreviousData } as const;

export function useStatOverview(source: StatSource, q: OverviewParams | null) {
  return useQuery({
    queryKey: statisticsKeys.overview(source, q ?? { year: 0 }),
    queryFn: q ? ({ signal }) => getOverview(source, q, signal) : skipToken,
    ...FRESH,
  });
}
export function useStatBreakdown(source: StatSource, q: BreakdownParams | null) {
  return useQuery({
    queryKey: statisticsKeys.breakdown(source, q ?? { year: 0, dimension: 'type' }),
    queryFn: q ? ({ signal }) => getBreakdown(source, q, signal) : skipToken,
    ...FRESH,
  });
}
export function useStatTrend(source: StatSource, q: TrendParams | null) {
  return useQuery({
    queryKey: statisticsKeys.trend(source, q ?? { from: 0, to: 0, period: 'year' }),
    queryFn: q ? ({ signal }) => getTrend(source, q, signal) : skipToken,
    ...FRESH,
  });
}
export function useStatRegions(source: StatSource, q: RegionsParams | null) {
  return useQuery({
    queryKey: statisticsKeys.regions(source, q ?? { year: 0 }),
    queryFn: q ? ({ signal }) => getRegions(source, q, signal) : skipToken,
    ...FRESH,
  });
}
export function useStatFlows(source: StatSource, q: FlowsParams | null) {
  return useQuery({
    queryKey: statisticsKeys.flows(source, q ?? { year: 0 }),
    queryFn: q ? ({ signal }) => getFlows(source, q, signal) : skipToken,
    ...FRESH,
  });
}
export function useOpenDataDefinitions() {
  return useQuery({
    queryKey: statisticsKeys.definitions(),
    queryFn: ({ signal }) => getDefinitions(signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The province map, served from web/public/maps (see its README for provenance and licence). */
export const CHINA_MAP_URL = '/maps/china.json';

export function useChinaMapJson() {
  return useQuery({
    queryKey: ['maps', 'china'] as const,
    queryFn: async ({ signal }): Promise<unknown> => {
      const res = await fetch(CHINA_MAP_URL, { signal, credentials: 'same-origin' });
      if (!res.ok) {
        throw new Error(`map ${res.status}`);
      }
      return (await res.json()) as unknown;
    },
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
}
