import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef } from 'react';
import type { ChartOption } from './chart-option';
import { init } from './echarts';

/** What a click on a map region, bar or pie slice reports. */
export type EChartClick = { name: string; data: unknown; componentType: string; seriesType?: string };

/**
 * `O` is the option type of the parts registered for the chart: ChartOption (echarts.ts) by default;
 * a feature that registers more parts (statistics: map, lines, legend) names its own.
 */
export type EChartProps<O extends EChartsCoreOption = ChartOption> = {
  option: O;
  height: number;
  /** Short description for screen readers; the table beside every chart carries the data. */
  ariaLabel: string;
  /** Click on a data item (drill-down); the chart shows a pointer when given. */
  onClick?: (event: EChartClick) => void;
  'data-testid'?: string;
};

/** Renders one ECharts option; owns the instance, resizes with its container, disposes on unmount. */
export function EChart<O extends EChartsCoreOption = ChartOption>({
  option,
  height,
  ariaLabel,
  onClick,
  'data-testid': testId,
}: EChartProps<O>) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ReturnType<typeof init> | null>(null);
  const clickRef = useRef(onClick);

  useEffect(() => {
    clickRef.current = onClick;
  }, [onClick]);

  useEffect(() => {
    const el = ref.current;
    if (!el) {
      return;
    }
    const chart = init(el, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (params) => {
      const p = params as { name?: unknown; data?: unknown; componentType?: unknown; seriesType?: unknown };
      clickRef.current?.({
        name: typeof p.name === 'string' ? p.name : '',
        data: p.data,
        componentType: typeof p.componentType === 'string' ? p.componentType : '',
        seriesType: typeof p.seriesType === 'string' ? p.seriesType : undefined,
      });
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={ariaLabel}
      data-testid={testId}
      style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }}
    />
  );
}
