import type { GroupBand, XAxis } from '../../compare/url-state';
import type { Smoothing } from '../../compare/smoothing/smoothing';
import type { ChartTheme } from '../shared/chart-theme';
import type { CustomSeriesOption, LineSeriesOption } from '../shared/echarts-setup';
import type { CompareData } from './compare-data';
import { groupSeries } from './compare-option';
import { type MarkerDatum, nonFiniteData, nonFiniteSeries } from '../scalar/non-finite-markers';
import type { TooltipLine, TooltipLookup, TooltipValues } from './compare-tooltip';
import { bandAt, drawGroup } from './draw-group';
import { type DrawnLine, drawLine, type LineDatum, linePlan, nearestPoint, nonFiniteAt, type XOf, xExtent } from './draw-run';
import { linePoints } from './resolution';
import type { PlotLine, RunLines } from './line-layer';
import { isIdentity, type SmoothedCache } from './smoothed-cache';

export interface ChartRun {
  id: string;
  name: string;
  color: string;
  startedAt: number;
}

export interface ChartGroup {
  id: string;
  label: string;
  color: string;
  runIds: readonly string[];
}

/** What every chart of the page draws the same way. */
export interface ChartView {
  smoothing: Smoothing;
  xAxis: XAxis;
  logScale: boolean;
  ignoreOutliers: boolean;
  band: GroupBand;
}

/** The view but its smoothing, which reaches charts apart from React (SmoothingChannel). */
export type ChartLayout = Omit<ChartView, 'smoothing'>;

export interface ChartLines {
  /** What ECharts draws: groups' lines and bands, and non-finite markers. */
  series: (LineSeriesOption | CustomSeriesOption)[];
  /** Runs' lines, painted by the chart's line layer: every raw line, then every smoothed one over them. */
  runLines: RunLines;
  xMin: number;
  xMax: number;
  /** The values inside the zoom window, a list per line: what the value axis must show. */
  visible: (readonly number[])[];
  /** Per drawn run (or group): a sum of its drawn smoothed values, which tests and benchmarks watch change. */
  fingerprints: Record<string, number>;
  /** Per drawn run: the last step it holds. */
  lastSteps: Record<string, number>;
  /** Every run with this tag is drawn from what smoothing is meant to work on, not only its first coarse read. */
  ready: boolean;
  nonFiniteRuns: number;
  /** Series drawn exactly as last time: the chart need not hand them over again. */
  unchanged: Set<string>;
}

/** A smoothed line with fewer points marks each of them. */
const FEW_POINTS = 40;

/**
 * Past this many runs a chart's smoothed lines are one pixel wide, as their faint raw lines are:
 * wider lines of that many runs merge into a band. One pixel is also the stroke a browser without
 * a GPU draws fast: fifty lines of 400 points take Chromium's software rasterizer about 2 ms at 1 px
 * and 35 ms at 1.6 px, per chart and draw.
 */
const THIN_LINE_RUNS = 12;

function sum(values: readonly (readonly [number, number | null])[]): number {
  let total = 0;
  // Indexed: a destructuring for-of costs as much as the rest of a line's redraw.
  for (let i = 0; i < values.length; i++) {
    const v = values[i][1];
    if (v !== null) total += v;
  }
  return Number(total.toPrecision(9));
}

export function xOfRun(axis: XAxis, startedAt: number): XOf {
  if (axis === 'relative') return (_step, wallTime) => (wallTime - startedAt) / 1000;
  if (axis === 'wall') return (_step, wallTime) => wallTime;
  return (step) => step;
}

/** A drawn line for the tooltip: `values(i)` says what lies behind its point i. */
function tooltipLine(name: string, color: string, line: readonly LineDatum[], values: (i: number) => TooltipValues): TooltipLine {
  return {
    name,
    color,
    at: (x) => {
      const i = nearestPoint(line, x);
      return i < 0 ? null : values(i);
    },
  };
}

/**
 * Every line of one tag's chart: a run's smoothed and raw lines, or, when grouped, each group's mean
 * and band. `tooltip` is refilled with what lies behind each drawn point.
 */
export function chartLines(tag: string, runs: readonly ChartRun[], groups: readonly ChartGroup[] | null, data: CompareData, cache: SmoothedCache, view: ChartView, zoom: readonly [number, number] | null, theme: ChartTheme, tooltip: TooltipLookup): ChartLines {
  tooltip.clear();
  const out: ChartLines = { series: [], runLines: { raw: [], smoothed: [] }, xMin: Infinity, xMax: -Infinity, visible: [], fingerprints: {}, lastSteps: {}, ready: true, nonFiniteRuns: 0, unchanged: new Set() };
  const smoothedOf = (run: ChartRun) => {
    const columns = data.store(run.id)?.get(tag)?.columns;
    if (!columns) return null;
    const { steps } = columns;
    if (steps.length === 0) {
      out.ready = false;
      return null;
    }
    out.lastSteps[run.id] = steps[steps.length - 1];
    out.ready &&= data.isSmoothingReady(run.id, tag);
    return cache.get(run.id, tag, columns, view.smoothing);
  };
  const extend = (drawn: { xMin: number; xMax: number; visible: readonly number[] }) => {
    out.xMin = Math.min(out.xMin, drawn.xMin);
    out.xMax = Math.max(out.xMax, drawn.xMax);
    out.visible.push(drawn.visible);
  };
  if (groups) {
    const byId = new Map(runs.map((run) => [run.id, run]));
    for (const group of groups) {
      const columns = group.runIds.flatMap((id) => {
        const run = byId.get(id);
        const held = run && smoothedOf(run);
        return held ? [{ steps: held.column.steps, values: held.smoothed }] : [];
      });
      if (columns.length === 0) continue;
      const drawn = drawGroup(columns, view.band, zoom, view.logScale, linePoints(2 * groups.length));
      extend(drawn);
      out.fingerprints[group.id] = sum(drawn.mean);
      const g = drawn.series;
      tooltip.set(
        `group:${group.id}`,
        tooltipLine(group.label, group.color, drawn.mean, (i) => {
          const at = drawn.meanAt[i];
          const [lo, hi] = bandAt(g, view.band, at);
          return { kind: 'group', mean: g.mean[at], lo, hi, count: g.count[at] };
        }),
      );
      out.series.push(...groupSeries({ id: group.id, name: group.label, color: group.color }, drawn.mean, drawn.band));
    }
    return out;
  }
  const showRaw = !isIdentity(view.smoothing);
  const budget = linePoints(runs.length * (showRaw ? 2 : 1));
  const width = runs.length > THIN_LINE_RUNS ? 1 : 1.6;
  const rawKey = JSON.stringify([view.xAxis, zoom, view.logScale, showRaw, budget, theme.bad]);
  const smoothedLines: PlotLine[] = [];
  const rawLines: PlotLine[] = [];
  const markers: MarkerDatum[] = [];
  const markedRuns: string[] = [];
  let markersFresh = false;
  for (const run of runs) {
    const held = smoothedOf(run);
    if (!held) continue;
    const x = xOfRun(view.xAxis, run.startedAt);
    const [xMin, xMax] = xExtent(held.column, x);
    const raw = cache.raw(run.id, `${rawKey}${run.color}${run.name}`, () => {
      const plan = linePlan(held.column, x, zoom, budget);
      const drawn = drawLine(held.column, held.column.values, x, zoom, view.logScale, budget, plan);
      const nonFinite = nonFiniteAt(held.column, drawn.at);
      return {
        // The smoothed line is bucketed where the raw one is: a smoothing change reads only values.
        plan,
        // The run's smoothed line for this view, drawn over at each smoothing change (drawLine's `into`).
        smoothed: undefined as DrawnLine | undefined,
        visible: showRaw ? drawn.visible : [],
        nonFinite: nonFinite.length,
        line: showRaw ? { runId: run.id, color: run.color, width: 1, opacity: 0.22, points: drawn.line, dots: false } : null,
        markers: nonFinite.length > 0 ? nonFiniteData(nonFinite, (p) => x(p[0], p[1]), run.color) : null,
      };
    });
    const smoothed = drawLine(held.column, held.smoothed, x, zoom, view.logScale, budget, raw.value.plan, raw.value.smoothed);
    raw.value.smoothed = smoothed;
    extend({ xMin, xMax, visible: smoothed.visible });
    extend({ xMin, xMax, visible: raw.value.visible });
    if (raw.value.line) rawLines.push(raw.value.line);
    if (raw.value.markers) {
      for (const marker of raw.value.markers) markers.push(marker);
      markedRuns.push(run.id);
      markersFresh ||= raw.fresh;
    }
    out.fingerprints[run.id] = sum(smoothed.line);
    const { steps, values } = held.column;
    tooltip.set(
      `run:${run.id}`,
      tooltipLine(run.name, run.color, smoothed.line, (i) => {
        const at = smoothed.at[i];
        return { kind: 'run', smoothed: held.smoothed[at], raw: values[at], step: steps[at] };
      }),
    );
    smoothedLines.push({ runId: run.id, color: run.color, width, opacity: 1, points: smoothed.line, dots: smoothed.line.length < FEW_POINTS });
  }
  out.runLines = { raw: rawLines, smoothed: smoothedLines };
  out.nonFiniteRuns = markedRuns.length;
  if (markedRuns.length > 0) {
    // One series for every run's markers, each outlined in its run's colour (the tooltip names the
    // runs): fifty runs with NaN would be fifty series for ECharts to build and lay out on each
    // draw. The id names the runs, so hiding or showing one replaces the series rather than
    // leaving it out of the merge as unchanged.
    const id = `nf:${markedRuns.join(' ')}`;
    out.series.push(nonFiniteSeries(id, 'NaN/Inf', markers, theme.bad, theme));
    if (!markersFresh) out.unchanged.add(id);
  }
  return out;
}
