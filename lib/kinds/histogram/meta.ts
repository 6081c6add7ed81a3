import type { RunStatus } from '../../protocol/ingest-messages';

/** The kind name every layer (protocol, storage, API, view) uses for histogram series. */
export const HISTOGRAM_KIND = 'histogram';

/** TensorBoard's default bucket count (histogram/summary_v2.py). */
export const DEFAULT_BUCKET_COUNT = 30;

export const MAX_BUCKET_COUNT = 1000;

/**
 * One tensor's distribution at one step. Buckets split [min, max] into equal widths;
 * NaN and infinities are counted apart, never dropped, and are not in `counts`.
 */
export interface HistogramData {
  min: number;
  max: number;
  /** Every element, non-finite ones included. */
  count: number;
  /** Sum and sum of squares of the finite elements, for mean and standard deviation. */
  sum: number;
  sumSquares: number;
  nanCount: number;
  posInfCount: number;
  negInfCount: number;
  counts: number[];
}

export interface HistogramSnapshot extends HistogramData {
  tag: string;
  step: number;
  wallTime: number;
}

/** A snapshot with its distribution bands (basis-points.ts), computed once on the server. */
export interface HistogramWithBands extends HistogramSnapshot {
  basisPoints: number[];
}

/** The live push of one stored batch, bands included, so dashboards never compute them. */
export interface HistogramsEvent {
  type: 'histograms';
  runId: string;
  histograms: HistogramWithBands[];
}

export interface HistogramTagInfo {
  tag: string;
  count: number;
  firstStep: number;
  lastStep: number;
}

/** A run that recorded a tensor, with its steps: what a comparison across runs picks from. */
export interface HistogramTagRun {
  runId: string;
  name: string;
  status: RunStatus;
  startedAt: number;
  steps: number[];
}

/** Left edge of bucket `i`: buckets are equal slices of [min, max]. */
export function bucketEdge(h: Pick<HistogramData, 'min' | 'max' | 'counts'>, i: number): number {
  return h.min + ((h.max - h.min) * i) / h.counts.length;
}
