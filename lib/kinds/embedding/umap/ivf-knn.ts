import { insertNeighbor, KnnGraph, Metric, squaredDistance, squaredNorms, unitRows } from './knn-graph';

const KMEANS_ITERATIONS = 6;
const TRAIN_PER_LIST = 20;
const LISTS_PER_SQRT_ROW = 2;
/** Lists probed per row; with 2·sqrt(rows) lists, each row of 10,000 is compared with ~4% of the rest. */
const PROBES = 8;

/**
 * Approximate k nearest neighbours for large snapshots: k-means splits the rows into ~2·sqrt(rows)
 * lists, and each row is compared exactly with the rows of its PROBES nearest lists only. An
 * embedding's neighbours sit in the same region, so nearly all true neighbours are found at a
 * fraction of the all-pairs cost (see bench/projector.ts for the resulting layout recall).
 */
export function ivfKnn(
  matrix: Float32Array,
  rows: number,
  dim: number,
  k: number,
  metric: Metric,
  random: () => number,
): KnnGraph {
  const x = metric === 'cosine' ? unitRows(matrix, rows, dim) : matrix;
  const lists = Math.max(1, Math.round(LISTS_PER_SQRT_ROW * Math.sqrt(rows)));
  const probes = Math.min(PROBES, lists);
  const sq = squaredNorms(x, rows, dim);
  const centreDist = kMeans(x, sq, rows, dim, lists, random);

  // Members of each list, by nearest centre.
  const members: number[][] = Array.from({ length: lists }, () => []);
  const nearestLists = new Int32Array(rows * probes);
  const order = new Int32Array(lists);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < lists; c++) order[c] = c;
    const d = centreDist.subarray(r * lists, (r + 1) * lists);
    order.sort((a, b) => d[a] - d[b]);
    members[order[0]].push(r);
    nearestLists.set(order.subarray(0, probes), r * probes);
  }

  const indices = new Int32Array(rows * k).fill(-1);
  const best = new Float64Array(rows * k).fill(Infinity);
  for (let i = 0; i < rows; i++) {
    const o = i * k;
    for (let p = 0; p < probes; p++) {
      for (const j of members[nearestLists[i * probes + p]]) {
        const s = squaredDistance(x, i * dim, sq[i], x, j * dim, sq[j], dim);
        if (s < best[o + k - 1]) insertNeighbor(best, indices, k, i, j, s);
      }
    }
  }
  const distances = new Float32Array(rows * k);
  for (let e = 0; e < distances.length; e++) {
    // A row probing too few members leaves empty slots; UMAP treats them as far and unlinked.
    if (indices[e] < 0) indices[e] = Math.floor(e / k);
    distances[e] = metric === 'cosine' ? best[e] / 2 : Math.sqrt(best[e]);
    if (!Number.isFinite(distances[e])) distances[e] = 0;
  }
  return { k, indices, distances };
}

/**
 * Lloyd's k-means trained on a sample of TRAIN_PER_LIST rows per list (full passes would cost as
 * much as the search itself), then one pass giving every row's squared distance to every centre.
 */
function kMeans(x: Float32Array, sq: Float64Array, rows: number, dim: number, lists: number, random: () => number): Float64Array {
  const train = Array.from({ length: Math.min(rows, TRAIN_PER_LIST * lists) }, () => Math.floor(random() * rows));
  const centres = new Float32Array(lists * dim);
  const centreSq = new Float64Array(lists);
  for (let c = 0; c < lists; c++) {
    const r = train[Math.floor(random() * train.length)];
    for (let t = 0; t < dim; t++) centres[c * dim + t] = x[r * dim + t];
  }
  const sums = new Float64Array(lists * dim);
  const counts = new Int32Array(lists);
  const dist = new Float64Array(lists);
  for (let it = 0; it < KMEANS_ITERATIONS; it++) {
    sums.fill(0);
    counts.fill(0);
    centreSq.set(squaredNorms(centres, lists, dim));
    for (const r of train) {
      const nearest = centreDistances(x, sq[r], r, dim, centres, centreSq, lists, dist);
      counts[nearest]++;
      for (let t = 0; t < dim; t++) sums[nearest * dim + t] += x[r * dim + t];
    }
    for (let c = 0; c < lists; c++) {
      if (counts[c] === 0) continue;
      for (let t = 0; t < dim; t++) centres[c * dim + t] = sums[c * dim + t] / counts[c];
    }
  }
  centreSq.set(squaredNorms(centres, lists, dim));
  const centreDist = new Float64Array(rows * lists);
  for (let r = 0; r < rows; r++) centreDistances(x, sq[r], r, dim, centres, centreSq, lists, centreDist.subarray(r * lists, (r + 1) * lists));
  return centreDist;
}

/** Fills `out` with row r's squared distance to each centre; returns the nearest centre. */
function centreDistances(
  x: Float32Array,
  rowSq: number,
  r: number,
  dim: number,
  centres: Float32Array,
  centreSq: Float64Array,
  lists: number,
  out: Float64Array,
): number {
  let nearest = 0;
  for (let c = 0; c < lists; c++) {
    const s = squaredDistance(x, r * dim, rowSq, centres, c * dim, centreSq[c], dim);
    out[c] = s;
    if (s < out[nearest]) nearest = c;
  }
  return nearest;
}
