import { useEffect, useRef } from 'react';
import type { StatChartOption } from '../charts/stat-chart-option';
import { init } from '../charts/stat-echarts';

/** What a click on a map region, bar or pie slice reports. */
export type StatChartClick = { name: string; data: unknown; componentType: string; seriesType?: string };

export type StatChartProps = {
  option: StatChartOption;
  height: number;
  /** Short description for screen readers; the table beside every chart carries the data. */
  ariaLabel: string;
  onClick?: (event: StatChartClick) => void;
  'data-testid'?: string;
};

/**
 * The statistics charts: web/src/dashboards/EChart.tsx (same lifecycle: owns the instance, resizes
 * with its container, disposes on unmount) plus click events for drill-down and the map parts.
 */
export function StatChart({ option, height, ariaLabel, onClick, 'data-testid': testId }: StatChartProps) {
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
