import type { Flow, RegionRow, StatRow, Trend } from '#shared/contracts/statistics.contract';
import type { ChartOption } from '../../dashboards/chart-option';
import { CHART_PALETTE, CHART_PRIMARY, doughnutOption, horizontalBarOption } from '../../dashboards/chart-shapes';
import type { StatChartOption } from './charts/stat-chart-option';
import type { LonLat, MapProvince, ProvinceIndex } from './geo';
import { fenToUnitNumber, formatCountPlain, formatFenSum, formatGrowth, formatShare, parseFen, type AmountUnit } from './stat-format';
import type { ZoneSummary } from './zones';

// Pure builders of the statistics charts' ECharts options (tested without a browser), in the
// manner of web/src/dashboards/platform.options.ts. Amounts are drawn in 亿元 or 万元, converted
// from the API's fen strings with BigInt first.

export type StatMeasure = 'amount' | 'count';
export type Lang = 'zh' | 'en';

const PRIMARY = CHART_PRIMARY;
const SECONDARY = '#ea580c';
const POSITIVE = '#16a34a';
const NEGATIVE = '#dc2626';
const PALETTE = [...CHART_PALETTE, '#0f766e', '#be185d', '#4d7c0f'];
/** Light to dark blue for the choropleth. */
export const MAP_COLOURS = ['#eff6ff', '#bfdbfe', '#60a5fa', '#2563eb', '#1e3a8a'];

/** Chart text supplied by the page (messages.ts), so the builders stay language-neutral. */
export type ChartText = {
  amount: string;
  count: string;
  unit: string;
  share: string;
  growth: string;
  high: string;
  low: string;
};

/** The row's name in the language; the Chinese name when there is no English one. */
export function rowLabel(row: Pick<StatRow, 'name' | 'nameEn'>, lang: Lang): string {
  return lang === 'en' && row.nameEn ? row.nameEn : row.name;
}

/** The measure of a row as a chart number: the count, or the amount in `unit`. */
export function measureValue(row: Pick<StatRow, 'count' | 'amountFen'>, measure: StatMeasure, unit: AmountUnit): number {
  return measure === 'count' ? row.count : fenToUnitNumber(row.amountFen, unit);
}

/** Rows sorted by amount (then count, then code), largest first; BigInt comparison. */
export function sortByAmount<R extends Pick<StatRow, 'amountFen' | 'count' | 'code'>>(rows: readonly R[]): R[] {
  return [...rows].sort((a, b) => {
    const fa = parseFen(a.amountFen) ?? 0n;
    const fb = parseFen(b.amountFen) ?? 0n;
    if (fa !== fb) {
      return fa > fb ? -1 : 1;
    }
    return b.count - a.count || a.code.localeCompare(b.code);
  });
}

/** Height in pixels that gives each bar of a horizontal bar chart room for its label. */
export function barHeight(rowCount: number): number {
  return Math.max(240, 26 * rowCount + 60);
}

/** Text of one row in a tooltip: name, count, amount, share and growth. */
export function rowTooltip(row: StatRow, unit: AmountUnit, lang: Lang, text: ChartText): string {
  return [
    rowLabel(row, lang),
    `${text.count}: ${formatCountPlain(row.count)}`,
    `${text.amount}: ${formatFenSum(row.amountFen, unit)} ${text.unit}`,
    `${text.share}: ${formatShare(row.amountShare)}`,
    `${text.growth}: ${formatGrowth(row.amountGrowth)}`,
  ].join('<br/>');
}

// ── 2. the province map ──

/** A map region's data item; extra fields ride along for the tooltip and the click handler. */
export type MapDatum = { name: string; value: number; code: string; tooltip: string };

export type ChoroplethInput = {
  mapName: string;
  provinces: readonly MapProvince[];
  rows: readonly RegionRow[];
  measure: StatMeasure;
  unit: AmountUnit;
  lang: Lang;
  text: ChartText;
  lines?: readonly FlowLine[];
};

/** One map data item per province that has a row (matched by code; the map's names are short forms). */
export function choroplethData(input: Pick<ChoroplethInput, 'provinces' | 'rows' | 'measure' | 'unit' | 'lang' | 'text'>): MapDatum[] {
  const byCode = new Map(input.rows.map((r) => [r.code, r] as const));
  return input.provinces.flatMap((p) => {
    const row = byCode.get(p.code);
    return row
      ? [
          {
            name: p.mapName,
            value: measureValue(row, input.measure, input.unit),
            code: p.code,
            tooltip: rowTooltip(row, input.unit, input.lang, input.text),
          },
        ]
      : [];
  });
}

/** The tooltip for a map region or a flow line (ECharts passes the data item as `data`). */
export function mapTooltip(params: unknown): string {
  const p = params as { name?: unknown; data?: { tooltip?: unknown } | null } | null;
  if (p?.data && typeof p.data.tooltip === 'string') {
    return p.data.tooltip;
  }
  return typeof p?.name === 'string' ? p.name : '';
}

/** The choropleth of 成交额 (or counts) by province, with optional flow lines on the same geo. */
export function buildChoroplethOption(input: ChoroplethInput): StatChartOption {
  const data = choroplethData(input);
  const max = data.reduce((m, d) => Math.max(m, d.value), 0);
  const seriesName = input.measure === 'count' ? input.text.count : `${input.text.amount} (${input.text.unit})`;
  const lines = input.lines ?? [];
  const maxLine = lines.reduce((m, l) => Math.max(m, l.value), 0);
  return {
    tooltip: { trigger: 'item', formatter: mapTooltip },
    visualMap: {
      type: 'continuous',
      seriesIndex: 0,
      min: 0,
      max: max > 0 ? max : 1,
      left: 8,
      bottom: 8,
      calculable: true,
      text: [input.text.high, input.text.low],
      inRange: { color: MAP_COLOURS },
    },
    geo: {
      map: input.mapName,
      roam: false,
      layoutCenter: ['50%', '58%'],
      layoutSize: '118%',
      label: { show: false },
      itemStyle: { areaColor: '#f1f5f9', borderColor: '#94a3b8', borderWidth: 0.6 },
      emphasis: { label: { show: true }, itemStyle: { areaColor: '#fde68a' } },
      select: { disabled: true },
    },
    series: [
      { type: 'map', name: seriesName, geoIndex: 0, data },
      ...(lines.length > 0
        ? [
            {
              type: 'lines' as const,
              name: 'flows',
              coordinateSystem: 'geo' as const,
              zlevel: 1,
              effect: { show: true, period: 6, trailLength: 0, symbol: 'arrow', symbolSize: 5, color: SECONDARY },
              lineStyle: { color: SECONDARY, opacity: 0.55, curveness: 0.25 },
              data: lines.map((l) => ({
                name: `${l.fromName} → ${l.toName}`,
                coords: [l.fromCentre, l.toCentre],
                value: l.value,
                tooltip: l.tooltip,
                lineStyle: { width: lineWidth(l.value, maxLine) },
              })),
            },
          ]
        : []),
    ],
  };
}

// ── 3. flows ──

export type FlowLine = {
  from: string;
  to: string;
  fromName: string;
  toName: string;
  fromCentre: LonLat;
  toCentre: LonLat;
  /** amount in the unit */
  value: number;
  count: number;
  amountFen: string;
  tooltip: string;
};

/** 1–6 px, in proportion to the largest flow shown. */
export function lineWidth(value: number, max: number): number {
  if (max <= 0) {
    return 1;
  }
  return Math.round((1 + (5 * value) / max) * 10) / 10;
}

/**
 * The largest province → province flows that both ends of are on the map (境外 and flows inside one
 * province are left to the tables), as lines between province centres.
 */
export function buildFlowLines(
  flows: readonly Flow[],
  index: ProvinceIndex,
  unit: AmountUnit,
  text: Pick<ChartText, 'count' | 'amount' | 'unit'>,
  limit = 30,
): FlowLine[] {
  const candidates = flows.filter(
    (f) => f.from !== f.to && index.byCode.has(f.from) && index.byCode.has(f.to) && (parseFen(f.amountFen) ?? 0n) > 0n,
  );
  return sortByAmount(candidates.map((f) => ({ ...f, code: `${f.from}>${f.to}` })))
    .slice(0, limit)
    .map((f) => {
      const from = index.byCode.get(f.from) as MapProvince;
      const to = index.byCode.get(f.to) as MapProvince;
      return {
        from: f.from,
        to: f.to,
        fromName: f.fromName,
        toName: f.toName,
        fromCentre: from.centre,
        toCentre: to.centre,
        value: fenToUnitNumber(f.amountFen, unit),
        count: f.count,
        amountFen: f.amountFen,
        tooltip: `${f.fromName} → ${f.toName}<br/>${text.count}: ${formatCountPlain(f.count)}<br/>${text.amount}: ${formatFenSum(f.amountFen, unit)} ${text.unit}`,
      };
    });
}

/** Net flow of each zone (输出 − 吸纳 across zones): the east → centre → west gradient. */
export function buildZoneNetOption(summaries: readonly ZoneSummary[], unit: AmountUnit, seriesName: string): ChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: summaries.map((s) => s.name), axisTick: { show: false } },
    yAxis: { type: 'value', name: seriesName },
    series: [
      {
        type: 'bar',
        name: seriesName,
        barMaxWidth: 36,
        data: summaries.map((s) => {
          const value = fenToUnitNumber(s.netFen, unit, 2);
          return { value, itemStyle: { color: value >= 0 ? POSITIVE : NEGATIVE } };
        }),
      },
    ],
  };
}

// ── drill-down below the province ──

/** A bar's data item; `code` and `clickable` tell the click handler where to drill. */
export type BarDatum = { value: number; code: string; clickable: boolean };

/** Horizontal bars of child regions (or any rows), largest at the top; a region with children is a darker bar. */
export function buildRegionBarOption(
  rows: readonly RegionRow[],
  measure: StatMeasure,
  unit: AmountUnit,
  lang: Lang,
  seriesName: string,
): StatChartOption {
  return horizontalBarOption(rows, {
    seriesName,
    label: (r) => rowLabel(r, lang),
    item: (r): BarDatum & { itemStyle: { color: string } } => ({
      value: measureValue(r, measure, unit),
      code: r.code,
      clickable: r.hasChildren,
      itemStyle: { color: r.hasChildren ? PRIMARY : '#60a5fa' },
    }),
    valueRoom: 56,
    wholeNumbers: measure === 'count',
  });
}

// ── 4. trend ──

/** Amount bars (left axis) and contract counts as a line (right axis), one point per period. */
export function buildTrendOption(trend: Trend, unit: AmountUnit, text: Pick<ChartText, 'amount' | 'count' | 'unit'>): StatChartOption {
  const amountName = `${text.amount} (${text.unit})`;
  return {
    color: [PRIMARY, SECONDARY],
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: trend.points.map((p) => p.label) },
    yAxis: [
      { type: 'value', name: amountName },
      { type: 'value', name: text.count, minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      {
        type: 'bar',
        name: amountName,
        yAxisIndex: 0,
        barMaxWidth: 28,
        data: trend.points.map((p) => fenToUnitNumber(p.amountFen, unit, 2)),
      },
      { type: 'line', name: text.count, yAxisIndex: 1, smooth: false, symbolSize: 6, data: trend.points.map((p) => p.count) },
    ],
  };
}

// ── 5. breakdowns ──

/** Horizontal bars of a breakdown, largest on top (rows as the API sorted them). */
export function buildBreakdownBarOption(
  rows: readonly StatRow[],
  measure: StatMeasure,
  unit: AmountUnit,
  lang: Lang,
  seriesName: string,
): ChartOption {
  return horizontalBarOption(rows, {
    seriesName,
    label: (r) => rowLabel(r, lang),
    item: (r) => measureValue(r, measure, unit),
    valueRoom: 56,
    wholeNumbers: measure === 'count',
    color: PRIMARY,
  });
}

/** A doughnut of a breakdown; slices below 1% still show in the table. */
export function buildBreakdownPieOption(
  rows: readonly StatRow[],
  measure: StatMeasure,
  unit: AmountUnit,
  lang: Lang,
  seriesName: string,
): ChartOption {
  return doughnutOption(
    rows.map((r) => ({ name: rowLabel(r, lang), value: measureValue(r, measure, unit) })),
    { seriesName, palette: PALETTE, radius: ['38%', '66%'] },
  );
}

/**
 * Years the trend covers: every year with data up to the selected one (at most 15) by year; the
 * selected year and the two before it by quarter; the selected and the previous year by month.
 */
export function trendRange(period: 'year' | 'quarter' | 'month', year: number, years: readonly number[]): { from: number; to: number } {
  if (period === 'quarter') {
    return { from: year - 2, to: year };
  }
  if (period === 'month') {
    return { from: year - 1, to: year };
  }
  const earliest = years.length > 0 ? Math.min(...years) : year - 9;
  return { from: Math.max(Math.min(earliest, year), year - 14), to: year };
}

/** The year a page opens on: the latest year with registered contracts up to this year, else this year. */
export function defaultYear(years: readonly number[], thisYear: number): number {
  const candidates = years.filter((y) => y <= thisYear);
  return candidates.length > 0 ? Math.max(...candidates) : thisYear;
}

/** Years for the picker: those with data and the selected one, newest first. */
export function yearOptions(years: readonly number[], selected: number): number[] {
  return [...new Set([...years, selected])].sort((a, b) => b - a);
}
