/** The kind name every layer (protocol, storage, API, view) uses for scalar series. */
export const SCALAR_KIND = 'scalar';

/** One scalar point as the server handles it: non-finite values are real numbers here. */
export interface ScalarPoint {
  tag: string;
  step: number;
  wallTime: number;
  value: number;
}

/** One tag's points in columns, the shape ingest works in: no object per point on the hot path. */
export interface ScalarColumnsData {
  tag: string;
  steps: readonly number[];
  wallTimes: readonly number[];
  values: readonly number[];
}

/** Groups points by tag into columns, keeping their order. */
export function toColumns(points: readonly ScalarPoint[]): ScalarColumnsData[] {
  const byTag = new Map<string, { tag: string; steps: number[]; wallTimes: number[]; values: number[] }>();
  for (const p of points) {
    let c = byTag.get(p.tag);
    if (!c) byTag.set(p.tag, (c = { tag: p.tag, steps: [], wallTimes: [], values: [] }));
    c.steps.push(p.step);
    c.wallTimes.push(p.wallTime);
    c.values.push(p.value);
  }
  return [...byTag.values()];
}

/** Largest number of points one batch may carry. */
export const MAX_POINTS_PER_BATCH = 10_000;

/** Points the chart asks for by default; the server downsamples longer series to about this many. */
export const DEFAULT_MAX_POINTS = 2_000;

/** Tags that belong together on one chart, as Keras names its logs: `loss` with `val_loss`. */
export function chartFamily(tag: string): string {
  const leaf = tag.slice(tag.lastIndexOf('/') + 1);
  return leaf.startsWith('val_') ? leaf.slice(4) : leaf;
}
