import { KnnGraph, Metric, unitRows } from './knn-graph';

const KMEANS_ITERATIONS = 6;
/** Lists probed per row; with sqrt(rows) lists this compares each row with ~8% of the rest. */
const PROBES = 8;

/**
 * Approximate k nearest neighbours for large snapshots: k-means splits the rows into ~sqrt(rows)
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
  const lists = Math.max(1, Math.round(Math.sqrt(rows)));
  const probes = Math.min(PROBES, lists);
  const { centreDist } = kMeans(x, rows, dim, lists, random);

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
    const oi = i * dim;
    for (let p = 0; p < probes; p++) {
      for (const j of members[nearestLists[i * probes + p]]) {
        const oj = j * dim;
        let s = 0;
        for (let t = 0; t < dim; t++) {
          const v = x[oi + t] - x[oj + t];
          s += v * v;
        }
        if (s >= best[o + k - 1]) continue;
        let q = k - 1;
        while (q > 0 && best[o + q - 1] > s) {
          best[o + q] = best[o + q - 1];
          indices[o + q] = indices[o + q - 1];
          q--;
        }
        best[o + q] = s;
        indices[o + q] = j;
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

/** Lloyd's k-means from random rows; returns every row's squared distance to every centre. */
function kMeans(x: Float32Array, rows: number, dim: number, lists: number, random: () => number) {
  const centres = new Float64Array(lists * dim);
  for (let c = 0; c < lists; c++) {
    const r = Math.floor(random() * rows);
    for (let t = 0; t < dim; t++) centres[c * dim + t] = x[r * dim + t];
  }
  const centreDist = new Float64Array(rows * lists);
  const sums = new Float64Array(lists * dim);
  const counts = new Int32Array(lists);
  for (let it = 0; it <= KMEANS_ITERATIONS; it++) {
    sums.fill(0);
    counts.fill(0);
    for (let r = 0; r < rows; r++) {
      let nearest = 0;
      for (let c = 0; c < lists; c++) {
        let s = 0;
        for (let t = 0; t < dim; t++) {
          const v = x[r * dim + t] - centres[c * dim + t];
          s += v * v;
        }
        centreDist[r * lists + c] = s;
        if (s < centreDist[r * lists + nearest]) nearest = c;
      }
      counts[nearest]++;
      for (let t = 0; t < dim; t++) sums[nearest * dim + t] += x[r * dim + t];
    }
    // The last pass only refreshes distances; moving centres after it would make them stale.
    if (it === KMEANS_ITERATIONS) break;
    for (let c = 0; c < lists; c++) {
      if (counts[c] === 0) continue;
      for (let t = 0; t < dim; t++) centres[c * dim + t] = sums[c * dim + t] / counts[c];
    }
  }
  return { centreDist };
}
