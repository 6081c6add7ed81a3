import { init, use, type ComposeOption, type EChartsType } from 'echarts/core';
import { LineChart, type LineSeriesOption } from 'echarts/charts';
import {
  DataZoomInsideComponent,
  DataZoomSliderComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type DataZoomComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the charts draw is registered, which keeps the full echarts bundle out of the page.
// The legend is drawn in HTML; its component is here for the legendToggleSelect action.
use([LineChart, GridComponent, TooltipComponent, DataZoomInsideComponent, DataZoomSliderComponent, LegendComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  LineSeriesOption | GridComponentOption | TooltipComponentOption | DataZoomComponentOption | LegendComponentOption
>;

export type { EChartsType, LineSeriesOption };
export { init };
