/**
 * The parts of Apache ECharts Lotse draws with, registered once. Imported only through a dynamic
 * import in EChart.tsx, so the charting code (≈ 300 KB minified) is a chunk of its own that pages
 * without charts never load.
 */
import { BarChart, LineChart, MapChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

echarts.use([BarChart, LineChart, MapChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

export { echarts };
