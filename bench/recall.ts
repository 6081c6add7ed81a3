import { insertNeighbor, Metric, unitRows } from '../lib/kinds/embedding/umap/knn-graph';

export interface RecallArgs {
  /** The original vectors, rows x dim. */
  original: Float32Array;
  dim: number;
  /** The projection, rows x layoutDim (2 for the projector). */
  layout: Float32Array;
  layoutDim: number;
  rows: number;
  k: number;
  /** Rows to average over; exact neighbours of every row would cost rows² distances. */
  sample: readonly number[];
  /** How neighbours are found in the original space; the layout is always euclidean. */
  metric?: Metric;
}

/**
 * kNN recall@k of a layout: for each sampled row, the share of its k nearest rows in the original
 * space that are also among its k nearest in the layout, averaged. 1 means every neighbourhood kept.
 */
export function knnRecall(args: RecallArgs): number {
  const { dim, layout, layoutDim, rows, k, sample, metric = 'euclidean' } = args;
  const original = metric === 'cosine' ? unitRows(args.original, rows, dim) : args.original;
  if (sample.length === 0) return NaN;
  let total = 0;
  for (const row of sample) {
    const before = nearestSet(original, dim, rows, row, k);
    const after = nearestSet(layout, layoutDim, rows, row, k);
    let kept = 0;
    for (const r of before) if (after.has(r)) kept++;
    total += kept / k;
  }
  return total / sample.length;
}

function nearestSet(x: Float32Array, dim: number, rows: number, row: number, k: number): Set<number> {
  const bestDist = new Float64Array(k).fill(Infinity);
  const bestRow = new Int32Array(k).fill(-1);
  const q = row * dim;
  for (let r = 0; r < rows; r++) {
    if (r === row) continue;
    let s = 0;
    for (let t = 0; t < dim; t++) {
      const d = x[r * dim + t] - x[q + t];
      s += d * d;
    }
    // Ties keep the lower index (it came first), so the metric is deterministic.
    if (s < bestDist[k - 1]) insertNeighbor(bestDist, bestRow, k, 0, r, s);
  }
  return new Set(bestRow);
}

/** `count` distinct rows drawn with a seeded generator, sorted. */
export function sampleRows(rows: number, count: number, random: () => number): number[] {
  const picked = new Set<number>();
  while (picked.size < Math.min(count, rows)) picked.add(Math.floor(random() * rows));
  return [...picked].sort((a, b) => a - b);
}
