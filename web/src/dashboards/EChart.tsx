import { useEffect, useRef } from 'react';
import type { ChartOption } from './chart-option';
import { init } from './echarts';

export type EChartProps = {
  option: ChartOption;
  height: number;
  /** Short description for screen readers; the table beside every chart carries the data. */
  ariaLabel: string;
  'data-testid'?: string;
};

/** Renders one ECharts option; owns the instance, resizes with its container, disposes on unmount. */
export function EChart({ option, height, ariaLabel, 'data-testid': testId }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ReturnType<typeof init> | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) {
      return;
    }
    const chart = init(el, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
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

  return <div ref={ref} role="img" aria-label={ariaLabel} data-testid={testId} style={{ width: '100%', height }} />;
}
