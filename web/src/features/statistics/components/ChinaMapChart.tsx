import { EChart, type EChartProps } from '../../../dashboards/EChart';
import type { StatChartOption } from '../charts/stat-chart-option';
import { registerMap } from '../charts/stat-echarts';
import { CHINA_MAP_NAME, type MapGeoJson } from '../geo';

// ECharts decodes a compressed map in place: register a copy, once per fetched file.
const registered = new WeakSet<object>();

function ensureRegistered(name: string, geo: MapGeoJson): void {
  if (!registered.has(geo)) {
    registerMap(name, structuredClone(geo) as Parameters<typeof registerMap>[1]);
    registered.add(geo);
  }
}

export type ChinaMapChartProps = EChartProps<StatChartOption> & { geo: MapGeoJson };

/** The statistics chart drawn on the registered province map (option built by buildChoroplethOption). */
export function ChinaMapChart({ geo, ...props }: ChinaMapChartProps) {
  // Idempotent and before the chart's first setOption (which runs in an effect after this render).
  ensureRegistered(CHINA_MAP_NAME, geo);
  return <EChart<StatChartOption> {...props} />;
}
