import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
// Aliased: a bare `use(...)` reads like React's hook to the linter.
import { init, use as registerParts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the dashboards draw is registered, so the echarts chunk stays a fraction of the full
// build. Add a chart or component here together with its option type in chart-option.ts.
// No legend or aria components: the table beside every chart names and describes the data.
registerParts([BarChart, PieChart, GridComponent, TooltipComponent, CanvasRenderer]);

export { init };
