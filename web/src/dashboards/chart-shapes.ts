import type { BarSeriesOption } from 'echarts/charts';
import type { ChartOption } from './chart-option';

// The two chart shapes every dashboard draws (platform figures, technology-market statistics):
// horizontal bars with values at their tips, and a doughnut. Pure; the builders pass the data.

export const CHART_PRIMARY = '#1d4ed8';
export const CHART_PALETTE = ['#1d4ed8', '#0891b2', '#16a34a', '#ca8a04', '#ea580c', '#dc2626', '#7c3aed', '#64748b'] as const;

/** A bar: its value, or a data item (the value with its own colour, and fields for a click handler). */
export type BarItem = NonNullable<BarSeriesOption['data']>[number];

export type HorizontalBarSpec<R> = {
  seriesName: string;
  label: (row: R) => string;
  item: (row: R) => BarItem;
  /** Room on the right (px) for the values drawn beside the bars. */
  valueRoom: number;
  /** Whole-number ticks (counts). */
  wholeNumbers: boolean;
  /** Colour of every bar; leave out when the items carry their own. */
  color?: string;
};

/** Horizontal bars of `rows` (largest first), the largest at the top, each with its value at the tip. */
export function horizontalBarOption<R>(rows: readonly R[], spec: HorizontalBarSpec<R>): ChartOption {
  // ECharts draws category axes bottom-up; reverse so the largest bar is on top.
  const ordered = [...rows].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: spec.valueRoom, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: spec.wholeNumbers ? 1 : 0 },
    yAxis: { type: 'category', data: ordered.map(spec.label), axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        name: spec.seriesName,
        data: ordered.map(spec.item),
        itemStyle: { ...(spec.color ? { color: spec.color } : {}), borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right' },
        barMaxWidth: 18,
      },
    ],
  };
}

/** A doughnut of named slices, each labelled with its share. */
export function doughnutOption(
  slices: readonly { name: string; value: number }[],
  spec: { seriesName: string; palette: readonly string[]; radius: readonly [string, string] },
): ChartOption {
  return {
    color: [...spec.palette],
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    series: [
      {
        type: 'pie',
        name: spec.seriesName,
        radius: [...spec.radius],
        center: ['50%', '50%'],
        avoidLabelOverlap: true,
        label: { formatter: '{b}\n{d}%' },
        data: [...slices],
      },
    ],
  };
}
