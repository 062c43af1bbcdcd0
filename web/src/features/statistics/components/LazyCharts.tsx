import { lazy, Suspense } from 'react';
import type { EChartProps } from '../../../dashboards/EChart';
import { LoadingBlock } from '../../../shared/ui/LoadingBlock';
import type { StatChartOption } from '../charts/stat-chart-option';
import type { ChinaMapChartProps } from './ChinaMapChart';

// ECharts is a large chunk: the pages and their tables render first, the charts follow.
const EChartChunk = lazy(() => import('../../../dashboards/EChart').then((m) => ({ default: m.EChart })));
// The shared chart once the statistics' own parts (line series, legend…) are registered with ECharts.
const StatChartChunk = lazy(() =>
  Promise.all([import('../../../dashboards/EChart'), import('../charts/stat-echarts')]).then(([m]) => ({
    default: m.EChart<StatChartOption>,
  })),
);
const ChinaMapChunk = lazy(() => import('./ChinaMapChart').then((m) => ({ default: m.ChinaMapChart })));

/** The shared dashboards chart (bars, doughnuts) once echarts has loaded. */
export function LazyEChart(props: EChartProps) {
  return (
    <Suspense fallback={<LoadingBlock minHeight={props.height} />}>
      <EChartChunk {...props} />
    </Suspense>
  );
}

/** A statistics chart with click events (drill-down bars, trend). */
export function LazyStatChart(props: EChartProps<StatChartOption>) {
  return (
    <Suspense fallback={<LoadingBlock minHeight={props.height} />}>
      <StatChartChunk {...props} />
    </Suspense>
  );
}

/** The province map, registered with ECharts before its first draw. */
export function LazyChinaMap(props: ChinaMapChartProps) {
  return (
    <Suspense fallback={<LoadingBlock minHeight={props.height} />}>
      <ChinaMapChunk {...props} />
    </Suspense>
  );
}
