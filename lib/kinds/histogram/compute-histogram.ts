import { DEFAULT_BUCKET_COUNT, HistogramData } from './meta';

/**
 * Buckets a tensor's values over the range of its finite values. A constant tensor gets the
 * range [v - 0.5, v + 0.5] so that its one value sits in a bucket of non-zero width, as
 * TensorBoard does; an empty one gets zero counts.
 */
export function computeHistogram(values: ArrayLike<number>, bucketCount = DEFAULT_BUCKET_COUNT): HistogramData {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let sumSquares = 0;
  let nanCount = 0;
  let posInfCount = 0;
  let negInfCount = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) nanCount++;
    else if (v === Infinity) posInfCount++;
    else if (v === -Infinity) negInfCount++;
    else {
      if (v < min) min = v;
      if (v > max) max = v;
      sum += v;
      sumSquares += v * v;
    }
  }
  const counts = new Array<number>(bucketCount).fill(0);
  const finite = values.length - nanCount - posInfCount - negInfCount;
  if (finite === 0) {
    min = 0;
    max = 0;
  } else {
    if (min === max) {
      min -= 0.5;
      max += 0.5;
    }
    const scale = bucketCount / (max - min);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (!Number.isFinite(v)) continue;
      counts[Math.min(bucketCount - 1, Math.floor((v - min) * scale))]++;
    }
  }
  return { min, max, count: values.length, sum, sumSquares, nanCount, posInfCount, negInfCount, counts };
}
