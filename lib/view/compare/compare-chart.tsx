import { useEffect, useRef, useState } from 'react';
import { throttleDraws } from '../shared/throttle-draws';
import type { ChartOption } from '../shared/echarts-setup';
import { useChart } from '../shared/use-chart';
import type { CompareData } from './compare-data';
import { compareBaseOption, type DrawOption, framedOption, xAxisOption, yAxisOption } from './compare-option';
import type { TooltipLookup } from './compare-tooltip';
import { downloadPng, downloadSvg } from './chart-export';
import { type ChartGroup, type ChartLayout, chartLines, type ChartRun, type ChartView } from './chart-lines';
import { LineLayer } from './line-layer';
import { tooltipAnchors } from './tooltip-anchors';
import { SmoothedCache } from './smoothed-cache';
import type { SmoothingChannel } from './smoothing-channel';
import { linkCursor, type StepCursor } from './step-cursor';
import { sameZoom } from '../../compare/chart-zooms';
import { zoomRanges } from './zoom-ranges';
import { yRange } from './y-range';

export interface CompareChartProps {
  tag: string;
  runs: readonly ChartRun[];
  /** When runs are grouped, the groups' lines replace the runs'. */
  groups: readonly ChartGroup[] | null;
  data: CompareData;
  view: ChartLayout;
  /** Read at each draw; a change draws at once, in the task that made it. */
  smoothing: SmoothingChannel;
  cursor: StepCursor;
  /** The x range the address holds for this chart, or null for the whole range. */
  zoom: readonly [number, number] | null;
  /** The user zoomed the chart (null: back to the whole range). */
  onZoom: (tag: string, zoom: [number, number] | null) => void;
}

/** A zoom finer than the whole range is read again this long after the wheel stops. */
const REFINE_DELAY_MS = 300;

interface ZoomWindow {
  start?: number;
  end?: number;
  startValue?: number;
  endValue?: number;
}

interface ZoomEvent extends ZoomWindow {
  batch?: ZoomWindow[];
}

/** The x range a zoom event leaves the chart at: a user's zoom comes in percent, one set from the address in values. */
function zoomOf(event: ZoomEvent, [lo, hi]: readonly [number, number]): [number, number] | null {
  const { start = 0, end = 100, startValue, endValue } = event.batch?.[0] ?? event;
  if (startValue !== undefined && endValue !== undefined) return startValue <= lo && endValue >= hi ? null : [startValue, endValue];
  return start <= 0 && end >= 100 ? null : [lo + ((hi - lo) * start) / 100, lo + ((hi - lo) * end) / 100];
}

/** One tag's chart with a line per run (or group); redrawn when its runs' points or the view change. */
export function CompareChart({ tag, runs, groups, data, view, smoothing, cursor, zoom, onZoom }: CompareChartProps) {
  const boxRef = useRef<HTMLElement>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  const cursorRef = useRef<HTMLDivElement>(null);
  const rawLinesRef = useRef<HTMLCanvasElement>(null);
  const linesRef = useRef<HTMLCanvasElement>(null);
  const layerRef = useRef<LineLayer | null>(null);
  const layer = () => (layerRef.current ??= new LineLayer(rawLinesRef.current!, linesRef.current!));
  const { chart, theme } = useChart(canvasRef);
  const [cache] = useState(() => new SmoothedCache());
  const [tooltip] = useState<TooltipLookup>(() => new Map());
  const [nonFiniteRuns, setNonFiniteRuns] = useState(0);
  const runsKey = JSON.stringify(runs);
  const groupsKey = JSON.stringify(groups);
  const viewKey = JSON.stringify(view);
  // What outlives one draw effect: the zoom the user chose, the drawn extent and series, and the
  // latest props for the zoom handler, which is set up once per chart.
  // `wanted`: a zoom from the address, set once the chart knows its x extent.
  // `axes`: what the axes were last set to, so a draw that changes only the run lines leaves ECharts alone.
  const held = useRef({ base: null as ChartOption | null, zoom: null as [number, number] | null, wanted: undefined as readonly [number, number] | null | undefined, extent: [0, 1] as [number, number], seriesIds: '', axes: '', draws: 0, request: () => {} });
  const latest = useRef({ runs, groups, view, zoom, onZoom });
  latest.current = { runs, groups, view, zoom, onZoom };

  useEffect(() => {
    if (!chart || !theme) return;
    // Set with the first draw that has lines, in one ECharts update: an empty frame drawn first
    // would cost the page's first draw a full update per chart.
    held.current.base = compareBaseOption(theme, view.xAxis, tooltip);
    held.current.seriesIds = '';
    held.current.axes = '';
    held.current.zoom = null;
  }, [chart, theme, view.xAxis, tooltip]);

  useEffect(() => {
    if (!chart || !theme) return;
    const shown: ChartRun[] = JSON.parse(runsKey);
    const grouped: ChartGroup[] | null = JSON.parse(groupsKey);
    const layout: ChartLayout = JSON.parse(viewKey);
    const box = boxRef.current!;
    const h = held.current;
    cache.keep(new Set(shown.map((r) => r.id)));
    const draw = throttleDraws(() => {
      const settings: ChartView = { ...layout, smoothing: smoothing.current };
      const lines = chartLines(tag, shown, grouped, data, cache, settings, h.zoom, theme, tooltip);
      // Runs whose points are still on their way: the frame waits for them.
      if (h.base && !lines.ready && Object.keys(lines.fingerprints).length === 0) return false;
      const frame = h.base;
      h.base = null;
      if (lines.xMin <= lines.xMax) h.extent = [lines.xMin, lines.xMax];
      const ids = lines.series.map((s) => s.id).join('\n');
      const range = yRange(lines.visible, settings.ignoreOutliers, settings.logScale);
      const axes = JSON.stringify([h.extent, range, settings.logScale]);
      // The same series as last time merge by id, so those drawn exactly as before are left out; with
      // the same axes too, ECharts has nothing to do, as after most smoothing changes.
      const same = ids === h.seriesIds;
      const series = same ? lines.series.filter((s) => !lines.unchanged.has(s.id as string)) : lines.series;
      if (!same || axes !== h.axes) series.push(tooltipAnchors(h.extent));
      if (frame || series.length > 0 || axes !== h.axes) {
        const option: DrawOption = { xAxis: xAxisOption(theme, settings.xAxis, h.extent[0], h.extent[1]), yAxis: [yAxisOption(theme, settings.logScale, range)], series };
        if (frame) chart.setOption(framedOption(frame, option), { notMerge: true });
        else chart.setOption(option, same ? undefined : { replaceMerge: ['series'] });
      }
      h.seriesIds = ids;
      h.axes = axes;
      if (h.wanted !== undefined && lines.xMin <= lines.xMax) {
        const wanted = h.wanted;
        h.wanted = undefined;
        chart.dispatchAction(wanted ? { type: 'dataZoom', startValue: wanted[0], endValue: wanted[1] } : { type: 'dataZoom', start: 0, end: 100 });
      }
      layer().set(lines.runLines, h.extent, settings.logScale);
      layer().paint(chart);
      // What the chart holds, for tests and the benchmark, the moment it is drawn.
      box.dataset.runs = Object.keys(lines.fingerprints).join(' ');
      box.dataset.smoothed = JSON.stringify(lines.fingerprints);
      box.dataset.lastSteps = JSON.stringify(lines.lastSteps);
      box.dataset.ready = String(lines.ready && Object.keys(lines.fingerprints).length > 0);
      box.dataset.zoom = JSON.stringify(h.zoom);
      box.dataset.draws = String(++h.draws);
      setNonFiniteRuns(lines.nonFiniteRuns);
    });
    h.request = () => draw.request();
    draw.request();
    // A read of fifty runs lands in one task, a store at a time: one draw once they all have, not
    // one for the first run and another later.
    let queued = false;
    let live = true;
    const drawAfterTask = () => {
      if (queued) return;
      queued = true;
      queueMicrotask(() => {
        queued = false;
        if (live) draw.request();
      });
    };
    const unsubscribes = shown.map((run) =>
      data.store(run.id)?.subscribe((changed) => {
        if (!changed.has(tag)) return;
        cache.touch(run.id);
        drawAfterTask();
      }),
    );
    unsubscribes.push(smoothing.subscribe(() => draw.request()));
    return () => {
      live = false;
      for (const unsubscribe of unsubscribes) unsubscribe?.();
      draw.cancel();
    };
  }, [chart, theme, tag, runsKey, groupsKey, viewKey, data, cache, tooltip, smoothing]);

  useEffect(() => {
    if (!chart) return;
    const h = held.current;
    let refineTimer: ReturnType<typeof setTimeout> | undefined;
    const onZoomEvent = (event: ZoomEvent) => {
      const zoom = zoomOf(event, h.extent);
      h.zoom = zoom;
      // The axes moved already: the lines follow now, and are thinned for the new window with the next draw.
      layer().paint(chart);
      h.request();
      if (!sameZoom(zoom, latest.current.zoom)) latest.current.onZoom(tag, zoom);
      clearTimeout(refineTimer);
      if (!zoom) return;
      refineTimer = setTimeout(() => {
        const { runs: shown, groups: grouped, view: settings } = latest.current;
        data.refine(tag, zoomRanges(tag, shown, data, settings.xAxis, grouped !== null, zoom));
      }, REFINE_DELAY_MS);
    };
    chart.on('datazoom', onZoomEvent as never);
    const unlink = linkCursor(cursor, chart, cursorRef.current!);
    // useChart resizes the chart in its own observer; the lines are painted again after that.
    const resize = new ResizeObserver(() => requestAnimationFrame(() => layer().paint(chart)));
    resize.observe(canvasRef.current!);
    return () => {
      resize.disconnect();
      chart.off('datazoom', onZoomEvent as never);
      clearTimeout(refineTimer);
      unlink();
    };
  }, [chart, cursor, data, tag]);

  // A zoom from the address (a link, a reload, back or forward) that the chart does not show yet.
  const zoomKey = JSON.stringify(zoom);
  useEffect(() => {
    const h = held.current;
    const wanted: [number, number] | null = JSON.parse(zoomKey);
    if (sameZoom(wanted, h.zoom)) return;
    h.wanted = wanted;
    h.request();
  }, [zoomKey, chart, theme, view.xAxis]);

  const exportAs = (format: 'png' | 'svg') => {
    if (!chart || !theme) return;
    if (format === 'svg') downloadSvg(chart, tag, theme.surface, layer());
    else void downloadPng(chart, tag, theme.surface, layer());
  };

  return (
    <article className="card chart-card compare-chart" ref={boxRef} data-tag={tag}>
      <header className="chart-head">
        <h3 className="mono">{tag}</h3>
        {nonFiniteRuns > 0 && (
          <span className="badge badge-bad" title="Runs with NaN or ±Inf values, marked at the plot's edges">
            NaN/Inf in {nonFiniteRuns} run{nonFiniteRuns === 1 ? '' : 's'}
          </span>
        )}
        <span className="chart-export">
          <button type="button" className="csv" onClick={() => exportAs('png')} title={`Download ${tag} as PNG`}>
            PNG
          </button>
          <button type="button" className="csv" onClick={() => exportAs('svg')} title={`Download ${tag} as SVG`}>
            SVG
          </button>
        </span>
      </header>
      <div className="chart-canvas-wrap">
        <div className="chart-canvas" ref={canvasRef} />
        <canvas className="raw-line-layer" ref={rawLinesRef} aria-hidden="true" />
        <canvas className="line-layer" ref={linesRef} aria-hidden="true" />
        <div className="step-cursor" ref={cursorRef} hidden />
      </div>
    </article>
  );
}
