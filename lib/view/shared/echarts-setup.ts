import { init, use, type ComposeOption, type EChartsType } from 'echarts/core';
import { HeatmapChart, LineChart, type HeatmapSeriesOption, type LineSeriesOption } from 'echarts/charts';
import { CustomChart, ScatterChart, type CustomSeriesOption, type ScatterSeriesOption } from 'echarts/charts';
import { ParallelChart } from 'echarts/charts';
import {
  DataZoomInsideComponent,
  DataZoomSliderComponent,
  GridComponent,
  LegendComponent,
  ParallelComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  type DataZoomComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

// Only what the charts draw is registered, which keeps the full echarts bundle out of the page.
// The legend is drawn in HTML; its component is here for the legendToggleSelect action.
use([LineChart, GridComponent, TooltipComponent, DataZoomInsideComponent, DataZoomSliderComponent, LegendComponent, CanvasRenderer]);
// The histogram heatmap: a cell per step and value bucket, coloured by count.
use([HeatmapChart, VisualMapContinuousComponent]);
// The embedding projector: a point per word, coloured through the same continuous visualMap.
use([ScatterChart]);
// The compare view: a group's min-max or ±std band as one polygon, and charts exported as SVG.
use([CustomChart, SVGRenderer]);
// The HParams view: a line per run across one axis per hyperparameter and metric, brushed on its
// axes (ParallelComponent brings the parallelAxis and its axisAreaSelect action); the scatters are ScatterChart.
// Their options stay out of ChartOption: ComposeOption's parallelAxis dependency breaks the other charts' types.
use([ParallelChart, ParallelComponent]);

export type ChartOption = ComposeOption<
  | LineSeriesOption
  | HeatmapSeriesOption
  | ScatterSeriesOption
  | CustomSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | DataZoomComponentOption
  | LegendComponentOption
  | VisualMapComponentOption
>;

export type { CustomSeriesOption, EChartsType, HeatmapSeriesOption, LineSeriesOption, ScatterSeriesOption };
export { init };
