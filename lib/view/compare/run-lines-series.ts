import type { CustomSeriesOption } from '../shared/echarts-setup';
import type { LineDatum } from './draw-run';

/** One run's line as the chart draws it: its points (null y: a gap) and its stroke. */
export interface PlotLine {
  runId: string;
  color: string;
  width: number;
  opacity: number;
  points: readonly LineDatum[];
  /** Marks each point too: a short run's few points would otherwise read as one stroke. */
  dots: boolean;
}

const SYMBOL_RADIUS = 2.5;

/** Items the series carries only so that the axis tooltip, which needs a nearest datum, fires anywhere on the x range. */
const TOOLTIP_ANCHORS = 256;

interface Coord {
  coord: (value: [number, number]) => number[];
}

/**
 * Pixels from values as a linear map fitted through two points of the axes (in log₁₀ on a log
 * axis, where ECharts' scale is linear): one call into ECharts per line set, not one per point.
 */
function pixelMap(api: Coord, xRef: readonly [number, number], logScale: boolean): (x: number, y: number) => [number, number] {
  const [x0, x1] = xRef[1] > xRef[0] ? xRef : [xRef[0], xRef[0] + 1];
  const [y0, y1] = logScale ? [1, 10] : [0, 1];
  const [px0, py0] = api.coord([x0, y0]);
  const [px1, py1] = api.coord([x1, y1]);
  const sx = (px1 - px0) / (x1 - x0);
  const sy = logScale ? py1 - py0 : (py1 - py0) / (y1 - y0);
  return logScale ? (x, y) => [px0 + (x - x0) * sx, py0 + Math.log10(y) * sy] : (x, y) => [px0 + (x - x0) * sx, py0 + (y - y0) * sy];
}

/** A line's unbroken stretches as pixel polylines: a null value (NaN, ±Inf, ≤ 0 on a log axis) breaks it. */
function segments(points: readonly LineDatum[], toPixel: (x: number, y: number) => [number, number]): [number, number][][] {
  const out: [number, number][][] = [];
  let current: [number, number][] = [];
  for (const [x, y] of points) {
    if (y === null) {
      if (current.length > 0) out.push(current);
      current = [];
    } else current.push(toPixel(x, y));
  }
  if (current.length > 0) out.push(current);
  return out;
}

function lineElements(line: PlotLine, toPixel: (x: number, y: number) => [number, number]) {
  const stretches = segments(line.points, toPixel);
  const stroke = { stroke: line.color, lineWidth: line.width, opacity: line.opacity, fill: 'none' };
  const polylines = stretches.map((points) => ({ type: 'polyline' as const, shape: { points }, style: stroke, silent: true }));
  if (!line.dots) return polylines;
  const dots = stretches.flat().map(([cx, cy]) => ({ type: 'circle' as const, shape: { cx, cy, r: SYMBOL_RADIUS }, style: { fill: line.color, opacity: line.opacity }, silent: true }));
  return [...polylines, ...dots];
}

/**
 * Every run's line of one kind (smoothed or raw) as one ECharts custom series: its renderItem draws
 * a group per run holding the run's polylines, so fifty runs cost ECharts one series, not fifty, and
 * a smoothing change rebuilds pixel arrays and nothing of ECharts' per-series pipeline. `xRange` is
 * the chart's x extent, which the tooltip anchors span.
 */
export function runLinesSeries(id: string, lines: readonly PlotLine[], xRange: readonly [number, number], logScale: boolean, z: number): CustomSeriesOption {
  const [lo, hi] = xRange;
  const anchors = Number.isFinite(lo) && Number.isFinite(hi) ? Array.from({ length: TOOLTIP_ANCHORS }, (_, i) => [lo + ((hi - lo) * i) / (TOOLTIP_ANCHORS - 1)]) : [];
  return {
    id,
    type: 'custom',
    data: anchors,
    encode: { x: 0 },
    silent: true,
    clip: true,
    animation: false,
    z,
    renderItem: (params, api) => {
      if (params.dataIndex !== 0) return null;
      const toPixel = pixelMap(api as Coord, xRange, logScale);
      return {
        type: 'group',
        children: lines.map((line) => ({
          type: 'group',
          name: line.runId,
          children: lineElements(line, toPixel),
        })),
      };
    },
  };
}
