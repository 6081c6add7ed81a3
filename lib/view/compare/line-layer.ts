import type { EChartsType } from '../shared/echarts-setup';
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

const DOT_RADIUS = 2.5;

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where the chart's grid sits and how values map to its pixels, as ECharts lays them out now. x and
 * y map apart: a slider change paints some 40,000 points, and a pair per point was garbage to collect.
 */
export interface PlotFrame {
  rect: Rect;
  toX: (x: number) => number;
  toY: (y: number) => number;
  /** Equal for two frames that place every point alike. */
  key: string;
}

/** ECharts keeps the grid's layout on its model; there is no public call for the rectangle. */
interface GridModel {
  /** Undefined until the chart's first option. */
  getModel(): { getComponent(type: 'grid', index: number): { coordinateSystem: { getRect(): Rect } } | undefined } | undefined;
}

/**
 * The frame fitted through two points of the axes (in log₁₀ on a log axis, where ECharts' scale is
 * linear), so a line costs no call into ECharts per point. `xRef` is any two distinct x values.
 */
/** False until the chart's first option: ECharts' pixel conversions throw before it. */
export function hasOption(chart: EChartsType): boolean {
  return (chart as unknown as GridModel).getModel() !== undefined;
}

export function plotFrame(chart: EChartsType, xRef: readonly [number, number], logScale: boolean): PlotFrame | null {
  const grid = (chart as unknown as GridModel).getModel()?.getComponent('grid', 0);
  if (!grid) return null;
  const [x0, x1] = xRef[1] > xRef[0] ? xRef : [xRef[0], xRef[0] + 1];
  const [y0, y1] = logScale ? [1, 10] : [0, 1];
  const a = chart.convertToPixel({ gridIndex: 0 }, [x0, y0]) as number[] | undefined;
  const b = chart.convertToPixel({ gridIndex: 0 }, [x1, y1]) as number[] | undefined;
  if (!a || !b || ![...a, ...b].every(Number.isFinite)) return null;
  const sx = (b[0] - a[0]) / (x1 - x0);
  const sy = (b[1] - a[1]) / (logScale ? 1 : y1 - y0);
  const toX = (x: number) => a[0] + (x - x0) * sx;
  const toY = logScale ? (y: number) => a[1] + Math.log10(y) * sy : (y: number) => a[1] + (y - y0) * sy;
  const rect = grid.coordinateSystem.getRect();
  return { rect, toX, toY, key: [...a, ...b, rect.x, rect.y, rect.width, rect.height, logScale].join() };
}

/** Strokes each line, broken at its null values, clipped to the grid; `lines` are drawn in order, later ones on top. */
export function paintLines(ctx: CanvasRenderingContext2D, frame: PlotFrame, lines: readonly PlotLine[]): void {
  const { rect, toX, toY } = frame;
  ctx.save();
  ctx.beginPath();
  ctx.rect(rect.x, rect.y, rect.width, rect.height);
  ctx.clip();
  ctx.lineJoin = 'round';
  for (const line of lines) {
    ctx.globalAlpha = line.opacity;
    ctx.strokeStyle = line.color;
    ctx.fillStyle = line.color;
    ctx.lineWidth = line.width;
    ctx.beginPath();
    const { points } = line;
    let open = false;
    // Indexed, not destructured: this loop runs for every point of every line of the page.
    for (let i = 0; i < points.length; i++) {
      const y = points[i][1];
      if (y === null) {
        open = false;
        continue;
      }
      const px = toX(points[i][0]);
      const py = toY(y);
      if (open) ctx.lineTo(px, py);
      else ctx.moveTo(px, py);
      open = true;
    }
    ctx.stroke();
    if (!line.dots) continue;
    ctx.beginPath();
    for (const [x, y] of points) {
      if (y === null) continue;
      const px = toX(x);
      const py = toY(y);
      ctx.moveTo(px + DOT_RADIUS, py);
      ctx.arc(px, py, DOT_RADIUS, 0, 2 * Math.PI);
    }
    ctx.fill();
  }
  ctx.restore();
}

const svgNumber = (v: number) => String(Math.round(v * 100) / 100);

/** The same lines as SVG, for a chart exported as vector graphics. */
export function linesSvg(frame: PlotFrame, lines: readonly PlotLine[]): string {
  const { rect, toX, toY } = frame;
  const parts = [`<clipPath id="run-lines-clip"><rect x="${rect.x}" y="${rect.y}" width="${rect.width}" height="${rect.height}"/></clipPath><g clip-path="url(#run-lines-clip)" fill="none" stroke-linejoin="round">`];
  for (const line of lines) {
    const stroke = `stroke="${line.color}" stroke-width="${line.width}" stroke-opacity="${line.opacity}"`;
    let stretch: string[] = [];
    const flush = () => {
      if (stretch.length > 0) parts.push(`<polyline ${stroke} points="${stretch.join(' ')}"/>`);
      stretch = [];
    };
    for (const [x, y] of line.points) {
      if (y === null) flush();
      else stretch.push(`${svgNumber(toX(x))},${svgNumber(toY(y))}`);
    }
    flush();
  }
  parts.push('</g>');
  return parts.join('');
}

/** A chart's run lines: the faint raw ones, and the smoothed ones drawn over them. */
export interface RunLines {
  raw: readonly PlotLine[];
  smoothed: readonly PlotLine[];
}

function sameLines(a: readonly PlotLine[], b: readonly PlotLine[]): boolean {
  return a.length === b.length && a.every((line, i) => line === b[i]);
}

/** Sizes the canvas to the chart at the screen's pixel ratio, and clears it. */
function prepare(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D {
  const ratio = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
  }
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}

/**
 * The run lines of one chart on canvases of their own over ECharts' (which keeps the axes, grid,
 * tooltip, zoom and markers): a smoothing change repaints fifty polylines and does nothing in
 * ECharts' per-series pipeline. The raw lines sit on a canvas under the smoothed ones and are
 * painted again only when they or the frame change, which a smoothing change does not. Holds the
 * last lines, so a resize or an export paints them again.
 */
export class LineLayer {
  private lines: RunLines = { raw: [], smoothed: [] };
  private xRef: readonly [number, number] = [0, 1];
  private logScale = false;
  /** What the raw canvas shows, to know when it must be painted again. */
  private rawPainted: { lines: readonly PlotLine[]; key: string } | null = null;

  constructor(
    private readonly rawCanvas: HTMLCanvasElement,
    private readonly smoothedCanvas: HTMLCanvasElement,
  ) {}

  set(lines: RunLines, xRef: readonly [number, number], logScale: boolean): void {
    this.lines = lines;
    this.xRef = xRef;
    this.logScale = logScale;
  }

  frame(chart: EChartsType): PlotFrame | null {
    return plotFrame(chart, this.xRef, this.logScale);
  }

  /** Paints what `set` gave, at the chart's size. */
  paint(chart: EChartsType): void {
    const width = chart.getWidth();
    const height = chart.getHeight();
    const frame = this.frame(chart);
    const key = `${frame?.key}|${width}x${height}@${window.devicePixelRatio || 1}`;
    const ctx = prepare(this.smoothedCanvas, width, height);
    if (frame) paintLines(ctx, frame, this.lines.smoothed);
    const painted = this.rawPainted;
    if (painted && painted.key === key && sameLines(painted.lines, this.lines.raw)) return;
    const under = prepare(this.rawCanvas, width, height);
    if (frame) paintLines(under, frame, this.lines.raw);
    this.rawPainted = { lines: this.lines.raw, key };
  }

  private all(): PlotLine[] {
    return [...this.lines.raw, ...this.lines.smoothed];
  }

  /** The lines painted onto an export at `ratio` times the chart's pixels. */
  paintExport(ctx: CanvasRenderingContext2D, chart: EChartsType, ratio: number): void {
    const frame = this.frame(chart);
    if (!frame) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    paintLines(ctx, frame, this.all());
  }

  svg(chart: EChartsType): string {
    const frame = this.frame(chart);
    return frame ? linesSvg(frame, this.all()) : '';
  }
}
