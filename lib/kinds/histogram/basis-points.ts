import { bucketEdge, HistogramData } from './meta';

/**
 * TensorBoard's distribution bands: min, −1.5σ, −σ, −0.5σ, median, +0.5σ, +σ, +1.5σ, max,
 * as percentiles of a normal distribution (in basis points, compressor.py's NORMAL_HISTOGRAM_BPS).
 */
export const BASIS_POINTS = [0, 668, 1587, 3085, 5000, 6915, 8413, 9332, 10000] as const;

/** The value below which each basis point's share of the finite elements lies, interpolated inside buckets. */
export function basisPointValues(h: HistogramData): number[] {
  const total = h.counts.reduce((a, b) => a + b, 0);
  if (total === 0) return BASIS_POINTS.map(() => NaN);
  return BASIS_POINTS.map((bps) => {
    if (bps === 0) return h.min;
    if (bps === 10000) return h.max;
    const target = (bps / 10000) * total;
    let seen = 0;
    for (let i = 0; i < h.counts.length; i++) {
      const c = h.counts[i];
      if (c > 0 && seen + c >= target) {
        const left = bucketEdge(h, i);
        const right = bucketEdge(h, i + 1);
        return left + ((target - seen) / c) * (right - left);
      }
      seen += c;
    }
    return h.max;
  });
}

/** The snapshot with its bands: what the API serves and the live push carries. */
export function withBasisPoints<T extends HistogramData>(h: T): T & { basisPoints: number[] } {
  return { ...h, basisPoints: basisPointValues(h) };
}
