import { BarChart, LineChart, LinesChart, MapChart, PieChart } from 'echarts/charts';
import { GeoComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
// Aliased: a bare `use(...)` reads like React's hook to the linter.
import { init, registerMap, use as registerParts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// The statistics dashboards draw more than web/src/dashboards/echarts.ts registers: the province
// map (geo + map series + visual map), flow lines and the trend's line series with a legend (two
// measures on two axes). ECharts' registry is global, so this only adds to the shared parts.
registerParts([
  BarChart,
  LineChart,
  LinesChart,
  MapChart,
  PieChart,
  GeoComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export { init, registerMap };
