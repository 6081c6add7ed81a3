import type { NumericParam } from './space';

/**
 * A numeric param seen as an interval of the "internal" space the samplers work in: the value itself,
 * or its log for the log-scaled kinds, so that a Gaussian there means "within a factor of" and a
 * uniform draw there is the prior.
 *
 * A quantised value k·q owns the cell [(k − ½)q, (k + ½)q], and the internal interval runs from the
 * first multiple's cell to the last's, so a uniform draw lands on every multiple with equal odds. For
 * the log-scaled kinds the cells of small multiples are wider in log space, so those come up more
 * often, as a log scale means.
 */
export interface Dimension {
  log: boolean;
  /** Quantisation step, or null for a continuous param. */
  q: number | null;
  /** Internal bounds. */
  low: number;
  high: number;
  /** The param's own bounds, which exp(log x) can overshoot by a rounding error. */
  min: number;
  max: number;
  /** Smallest and largest multiple index k of a quantised param. */
  kLow: number;
  kHigh: number;
}

/** Tolerance for bounds that are multiples of q up to float error, e.g. 0.3 / 0.1. */
const SLACK = 1e-9;

export function dimensionOf(spec: NumericParam): Dimension {
  const log = spec.kind === 'loguniform' || spec.kind === 'qloguniform';
  const q = spec.q ?? null;
  const toInternal = (v: number) => (log ? Math.log(v) : v);
  const bounds = { log, q, min: spec.low, max: spec.high };
  if (q === null) return { ...bounds, low: toInternal(spec.low), high: toInternal(spec.high), kLow: 0, kHigh: 0 };
  const kLow = Math.ceil(spec.low / q - SLACK);
  const kHigh = Math.floor(spec.high / q + SLACK);
  return { ...bounds, low: toInternal((kLow - 0.5) * q), high: toInternal((kHigh + 0.5) * q), kLow, kHigh };
}

/** k·q without float noise such as 3 × 0.1 = 0.30000000000000004. */
function multiple(k: number, q: number): number {
  return Number((k * q).toPrecision(12));
}

/** The param value an internal point stands for. */
export function valueAt(dim: Dimension, z: number): number {
  const v = dim.log ? Math.exp(z) : z;
  if (dim.q === null) return Math.min(dim.max, Math.max(dim.min, v));
  const k = Math.min(dim.kHigh, Math.max(dim.kLow, Math.round(v / dim.q)));
  return multiple(k, dim.q);
}

/** Where a param value sits in the internal space. */
export function internalOf(dim: Dimension, value: number): number {
  return dim.log ? Math.log(value) : value;
}

/** The internal interval a quantised value owns (it is drawn whenever the internal point falls there). */
export function cellOf(dim: Dimension, value: number): [number, number] {
  const q = dim.q as number;
  const lo = Math.max(dim.low, internalOf(dim, value - q / 2));
  const hi = Math.min(dim.high, internalOf(dim, value + q / 2));
  return [lo, hi];
}

/** `points` values spread evenly over the internal interval (its middle when points is 1), deduplicated. */
export function gridValues(dim: Dimension, points: number): number[] {
  if (dim.q !== null && dim.kHigh - dim.kLow + 1 <= points) {
    return Array.from({ length: dim.kHigh - dim.kLow + 1 }, (_, i) => multiple(dim.kLow + i, dim.q as number));
  }
  // Quantised grids run from the first multiple to the last, not from the outer edges of their cells.
  const lo = dim.q === null ? dim.low : internalOf(dim, dim.kLow * dim.q);
  const hi = dim.q === null ? dim.high : internalOf(dim, dim.kHigh * dim.q);
  const at = (i: number) => valueAt(dim, points === 1 ? (lo + hi) / 2 : lo + ((hi - lo) * i) / (points - 1));
  // Twelve digits drop the noise of exp(log x), so a log grid over [1e-4, 1e-2] starts at 1e-4 itself.
  const values = Array.from({ length: points }, (_, i) => (dim.q === null ? Number(at(i).toPrecision(12)) : at(i)));
  return [...new Set(values)];
}
