/** The kind name every layer (protocol, storage, API, view) uses for scalar series. */
export const SCALAR_KIND = 'scalar';

/** One scalar point as the server handles it: non-finite values are real numbers here. */
export interface ScalarPoint {
  tag: string;
  step: number;
  wallTime: number;
  value: number;
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
