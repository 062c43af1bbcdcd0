import type { ChartOption } from './chart-option';

export type CountRow = { key: string; label: string; count: number };
export type ShareRow = CountRow & { share: number };

/** Rows sorted by count (largest first, then label), each with its share of the total (0–1). */
export function withShares(rows: readonly CountRow[]): ShareRow[] {
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  return [...rows]
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'zh-CN'))
    .map((r) => ({ ...r, share: total > 0 ? r.count / total : 0 }));
}

const PRIMARY = '#1d4ed8';
const PALETTE = ['#1d4ed8', '#0891b2', '#16a34a', '#ca8a04', '#ea580c', '#dc2626', '#7c3aed', '#64748b'];

/** Height in pixels that gives each bar of a horizontal bar chart room for its label. */
export function barChartHeight(rowCount: number): number {
  return Math.max(240, 28 * rowCount + 60);
}

/** Horizontal bars, largest at the top: organisations per province. */
export function buildProvinceBarOption(rows: readonly ShareRow[], seriesName: string): ChartOption {
  // ECharts draws category axes bottom-up; reverse so the largest bar is on top.
  const ordered = [...rows].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: ordered.map((r) => r.label), axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        name: seriesName,
        data: ordered.map((r) => r.count),
        itemStyle: { color: PRIMARY, borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right' },
        barMaxWidth: 18,
      },
    ],
  };
}

/** A doughnut of organisation types. */
export function buildTypePieOption(rows: readonly ShareRow[], seriesName: string): ChartOption {
  return {
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    series: [
      {
        type: 'pie',
        name: seriesName,
        radius: ['40%', '68%'],
        center: ['50%', '50%'],
        avoidLabelOverlap: true,
        label: { formatter: '{b}\n{d}%' },
        data: rows.map((r) => ({ name: r.label, value: r.count })),
      },
    ],
  };
}
