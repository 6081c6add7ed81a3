/**
 * TensorBoard's two histogram forms, brought to the one the histogram kind stores: integer counts
 * in equal-width buckets over [min, max].
 *
 * - Keras/TF2 `[k,3]` tensors (left edge, right edge, count) already are equal-width buckets: taken
 *   as they are. They carry no sum, so sum and sum of squares are estimated from bucket centres.
 * - HistogramProto (PyTorch, TF1) has bucket limits of any width (TensorFlow's default grows them
 *   by 1.1x): its counts are spread over DEFAULT_BUCKET_COUNT equal buckets in proportion to the
 *   overlap, assuming values spread evenly inside a source bucket, as TensorBoard's own
 *   histogram view re-bins them; then rounded through the running total, so the total stays exact.
 * Either way a range of zero width becomes [v - 0.5, v + 0.5], as computeHistogram does.
 */
import { DEFAULT_BUCKET_COUNT, type HistogramData } from '../kinds/histogram/meta';
import type { HistogramMessage } from './proto/messages';

interface Bucket {
  left: number;
  right: number;
  count: number;
}

/**
 * Rounds to integers through the running total, so every prefix stays within half a count of the
 * real mass: a spread-out count keeps its place instead of piling into a few buckets.
 */
function roundCumulative(values: readonly number[]): number[] {
  let total = 0;
  let rounded = 0;
  return values.map((v) => {
    total += v;
    const next = Math.round(total);
    const count = next - rounded;
    rounded = next;
    return count;
  });
}

/** Whether the buckets are already k equal slices of [min, max], edge for edge. */
function isEqualWidth(buckets: readonly Bucket[], min: number, max: number): boolean {
  const width = (max - min) / buckets.length;
  const tolerance = Math.max(Math.abs(min), Math.abs(max)) * 1e-9;
  return width > 0 && buckets.every((b, i) => Math.abs(b.left - (min + i * width)) <= tolerance && Math.abs(b.right - (min + (i + 1) * width)) <= tolerance);
}

/** Spreads each bucket's count over k equal slices of [min, max] by overlap. */
function rebin(buckets: readonly Bucket[], min: number, max: number, k: number): number[] {
  const out = new Array<number>(k).fill(0);
  const width = (max - min) / k;
  const slice = (v: number) => Math.min(k - 1, Math.max(0, Math.floor((v - min) / width)));
  for (const b of buckets) {
    if (b.count === 0) continue;
    const left = Math.min(Math.max(b.left, min), max);
    const right = Math.min(Math.max(b.right, min), max);
    if (right <= left) {
      out[slice(left)] += b.count;
      continue;
    }
    for (let i = slice(left); i <= slice(right) && i < k; i++) {
      const overlap = Math.min(right, min + (i + 1) * width) - Math.max(left, min + i * width);
      if (overlap > 0) out[i] += (b.count * overlap) / (right - left);
    }
  }
  return out;
}

/** Sum and sum of squares as if every value sat at its bucket's centre. */
function centreMoments(buckets: readonly Bucket[]): { sum: number; sumSquares: number } {
  let sum = 0;
  let sumSquares = 0;
  for (const b of buckets) {
    const centre = (b.left + b.right) / 2;
    sum += b.count * centre;
    sumSquares += b.count * centre * centre;
  }
  return { sum, sumSquares };
}

function toHistogram(buckets: readonly Bucket[], min: number, max: number, moments: { sum: number; sumSquares: number }): HistogramData {
  let counts: number[];
  if (max > min && isEqualWidth(buckets, min, max)) counts = roundCumulative(buckets.map((b) => b.count));
  else {
    if (max <= min) {
      min -= 0.5;
      max += 0.5;
    }
    counts = roundCumulative(rebin(buckets, min, max, DEFAULT_BUCKET_COUNT));
  }
  const count = counts.reduce((a, b) => a + b, 0);
  return { min, max, count, ...moments, nanCount: 0, posInfCount: 0, negInfCount: 0, counts };
}

/** A `[k,3]` tensor's rows (row-major: left, right, count); undefined when empty or not finite. */
export function fromBucketTensor(values: Float64Array, rows: number): HistogramData | undefined {
  if (rows === 0 || values.length !== rows * 3 || !values.every(Number.isFinite)) return undefined;
  const buckets = Array.from({ length: rows }, (_, i) => ({ left: values[3 * i], right: values[3 * i + 1], count: values[3 * i + 2] }));
  return toHistogram(buckets, buckets[0].left, buckets[rows - 1].right, centreMoments(buckets));
}

/**
 * A HistogramProto. Bucket i spans (limit[i-1], limit[i]]; TensorBoard takes the first one's left
 * edge as `min` and the last one's right edge as `max` (its limit is often DBL_MAX).
 */
export function fromHistogramProto(h: HistogramMessage): HistogramData | undefined {
  const min = h.min ?? 0;
  const max = h.max ?? 0;
  const n = Math.min(h.bucket.length, h.bucketLimit.length);
  if (n === 0 || !Number.isFinite(min) || !Number.isFinite(max) || max < min) return undefined;
  const buckets = Array.from({ length: n }, (_, i) => ({
    left: i === 0 ? min : h.bucketLimit[i - 1],
    right: i === n - 1 ? max : h.bucketLimit[i],
    count: h.bucket[i],
  }));
  if (!buckets.every((b) => Number.isFinite(b.count) && b.count >= 0)) return undefined;
  return toHistogram(buckets, min, max, { sum: h.sum ?? 0, sumSquares: h.sumSquares ?? 0 });
}
