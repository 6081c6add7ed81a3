import type { ScalarColumnsData, TaggedPoint } from './points';

/** The kind name every layer (protocol, storage, API, view) uses for scalar series. */
export const SCALAR_KIND = 'scalar';

/** Groups tagged points by tag into columns, keeping their order. */
export function toColumns(points: readonly TaggedPoint[]): ScalarColumnsData[] {
  const byTag = new Map<string, { tag: string; steps: number[]; wallTimes: number[]; values: number[] }>();
  for (const [tag, step, wallTime, value] of points) {
    let c = byTag.get(tag);
    if (!c) byTag.set(tag, (c = { tag, steps: [], wallTimes: [], values: [] }));
    c.steps.push(step);
    c.wallTimes.push(wallTime);
    c.values.push(value);
  }
  return [...byTag.values()];
}

/** Largest number of points one batch may carry. */
export const MAX_POINTS_PER_BATCH = 10_000;

/** Points the chart asks for by default; the server downsamples longer series to about this many. */
export const DEFAULT_MAX_POINTS = 2_000;

/**
 * Runs one read of a tag may name (GET /api/scalars/{tag}): more than a comparison draws, and the
 * address of a request this size is still short. Here, not beside the route's schema, so that the
 * page splitting its reads by it does not ship the server's validation to the browser.
 */
export const MAX_TAG_RUNS = 100;

/** Tags that belong together on one chart, as Keras names its logs: `loss` with `val_loss`. */
export function chartFamily(tag: string): string {
  const leaf = tag.slice(tag.lastIndexOf('/') + 1);
  return leaf.startsWith('val_') ? leaf.slice(4) : leaf;
}
