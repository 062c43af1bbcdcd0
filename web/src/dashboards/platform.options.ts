import type { ChartOption } from './chart-option';
import { CHART_PALETTE, CHART_PRIMARY, doughnutOption, horizontalBarOption } from './chart-shapes';

export type CountRow = { key: string; label: string; count: number };
export type ShareRow = CountRow & { share: number };

/** Rows sorted by count (largest first, then label), each with its share of the total (0–1). */
export function withShares(rows: readonly CountRow[]): ShareRow[] {
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  return [...rows]
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'zh-CN'))
    .map((r) => ({ ...r, share: total > 0 ? r.count / total : 0 }));
}

/** Height in pixels that gives each bar of a horizontal bar chart room for its label. */
export function barChartHeight(rowCount: number): number {
  return Math.max(240, 28 * rowCount + 60);
}

/** Horizontal bars, largest at the top: organisations per province. */
export function buildProvinceBarOption(rows: readonly ShareRow[], seriesName: string): ChartOption {
  return horizontalBarOption(rows, {
    seriesName,
    label: (r) => r.label,
    item: (r) => r.count,
    valueRoom: 40,
    wholeNumbers: true,
    color: CHART_PRIMARY,
  });
}

/** A doughnut of organisation types. */
export function buildTypePieOption(rows: readonly ShareRow[], seriesName: string): ChartOption {
  return doughnutOption(
    rows.map((r) => ({ name: r.label, value: r.count })),
    { seriesName, palette: CHART_PALETTE, radius: ['40%', '68%'] },
  );
}
