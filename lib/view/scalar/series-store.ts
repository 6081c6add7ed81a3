import { downsampleMinMax } from '../../kinds/scalar/downsample';
import type { ScalarPoint } from '../../kinds/scalar/points';

export interface Series {
  readonly tag: string;
  /** Sorted by step, one point per step; a value may be NaN or ±Infinity, which charts must show. */
  readonly points: ScalarPoint[];
  /** The same points as columns, what the compare view smooths and thins. */
  readonly columns: SeriesColumns;
}

export interface SeriesColumns {
  readonly steps: Float64Array;
  readonly wallTimes: Float64Array;
  readonly values: Float64Array;
}

export function pointColumns(points: readonly ScalarPoint[]): SeriesColumns {
  const n = points.length;
  const steps = new Float64Array(n);
  const wallTimes = new Float64Array(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = points[i];
    steps[i] = p[0];
    wallTimes[i] = p[1];
    values[i] = p[2];
  }
  return { steps, wallTimes, values };
}

function columnPoints({ steps, wallTimes, values }: SeriesColumns): ScalarPoint[] {
  const points = new Array<ScalarPoint>(steps.length);
  for (let i = 0; i < steps.length; i++) points[i] = [steps[i], wallTimes[i], values[i]];
  return points;
}

/**
 * Holds a series as points, as columns or both, each made from the other when first asked for: a
 * read that came as columns (the compare view's) is drawn without a point array of fifty runs ever
 * being built, and pushed points merge into points. Every change sets one and drops the other.
 */
class HeldSeries implements Series {
  private list: ScalarPoint[] | null = [];
  private held: SeriesColumns | null = null;

  constructor(readonly tag: string) {}

  get points(): ScalarPoint[] {
    return (this.list ??= columnPoints(this.held!));
  }

  set points(points: ScalarPoint[]) {
    this.list = points;
    this.held = null;
  }

  get columns(): SeriesColumns {
    return (this.held ??= pointColumns(this.list!));
  }

  set columns(columns: SeriesColumns) {
    this.held = columns;
    this.list = null;
  }
}

/** A live series keeps growing; past this, it is thinned. */
const MAX_POINTS_HELD = 20_000;

type Listener = (changedTags: ReadonlySet<string>) => void;

function lowerBound(points: readonly ScalarPoint[], step: number): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (points[mid][0] < step) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Merges in place; a point at a step already held replaces it, as the server's upsert does. */
export function mergePoints(target: ScalarPoint[], incoming: readonly ScalarPoint[]): void {
  for (const point of incoming) {
    const last = target[target.length - 1];
    if (!last || point[0] > last[0]) {
      target.push(point);
      continue;
    }
    const i = lowerBound(target, point[0]);
    if (target[i]?.[0] === point[0]) target[i] = point;
    else target.splice(i, 0, point);
  }
}

/**
 * Every series of one run, fed by the initial fetch and by pushed points. Lives outside React
 * state so that a point costs one chart update, not a re-render of the page.
 */
export class SeriesStore {
  private readonly series = new Map<string, HeldSeries>();
  private readonly listeners = new Set<Listener>();
  private tagList: readonly string[] = [];
  /** Points pushed since the current load began; a load's snapshot may predate them. */
  private pushedDuringLoad: Map<string, ScalarPoint[]> | null = null;

  /**
   * Tags known from the server render get their (empty) charts before any point is fetched. Past
   * `maxHeld` points a series is thinned to half that, the way the server downsamples, so spikes,
   * NaN and the latest point stay.
   */
  constructor(tags: readonly string[] = [], private readonly maxHeld = MAX_POINTS_HELD) {
    for (const tag of tags) this.entry(tag);
  }

  private capped(points: ScalarPoint[]): ScalarPoint[] {
    return points.length > this.maxHeld ? downsampleMinMax(points, this.maxHeld / 2) : points;
  }

  get(tag: string): Series | undefined {
    return this.series.get(tag);
  }

  /** Same array until a tag appears, so it can be a React external-store snapshot. */
  readonly tags = (): readonly string[] => this.tagList;

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Call once the live subscription is in place, before fetching the stored series. */
  beginLoad(): void {
    this.pushedDuringLoad = new Map();
  }

  /** Replaces a tag's points with a fetched snapshot plus whatever was pushed since beginLoad. */
  load(tag: string, points: ScalarPoint[]): void {
    const merged = points.slice();
    mergePoints(merged, this.pushedDuringLoad?.get(tag) ?? []);
    this.entry(tag).points = this.capped(merged);
    this.emit(new Set([tag]));
  }

  /** load() for a read that came as columns, kept as they are unless points pushed meanwhile must merge in. */
  loadColumns(tag: string, columns: SeriesColumns): void {
    if (this.pushedDuringLoad?.get(tag)?.length || columns.steps.length > this.maxHeld) {
      this.load(tag, columnPoints(columns));
      return;
    }
    this.entry(tag).columns = columns;
    this.emit(new Set([tag]));
  }

  /**
   * A finer read of one step range (a zoomed chart) takes the place of the points held there; the
   * rest of the series stays as it was.
   */
  replaceRange(tag: string, from: number, to: number, points: readonly ScalarPoint[]): void {
    const series = this.entry(tag);
    const held = series.points;
    const start = lowerBound(held, from);
    const end = lowerBound(held, to + 1);
    series.points = this.capped([...held.slice(0, start), ...points, ...held.slice(end)]);
    this.emit(new Set([tag]));
  }

  endLoad(): void {
    this.pushedDuringLoad = null;
  }

  add(points: readonly [tag: string, point: ScalarPoint][]): void {
    const byTag = new Map<string, ScalarPoint[]>();
    for (const [tag, point] of points) {
      let list = byTag.get(tag);
      if (!list) byTag.set(tag, (list = []));
      list.push(point);
    }
    for (const [tag, list] of byTag) {
      const series = this.entry(tag);
      mergePoints(series.points, list);
      series.points = this.capped(series.points);
      if (this.pushedDuringLoad) {
        const pending = this.pushedDuringLoad.get(tag) ?? [];
        mergePoints(pending, list);
        this.pushedDuringLoad.set(tag, pending);
      }
    }
    this.emit(new Set(byTag.keys()));
  }

  private entry(tag: string): HeldSeries {
    let series = this.series.get(tag);
    if (!series) {
      series = new HeldSeries(tag);
      this.series.set(tag, series);
      this.tagList = [...this.series.keys()].sort();
    }
    return series;
  }

  private emit(changed: ReadonlySet<string>): void {
    for (const listener of this.listeners) listener(changed);
  }
}
