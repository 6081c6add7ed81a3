import type { KnnGraph } from './knn-graph';

const SIGMA_SEARCH_STEPS = 64;
const SIGMA_TOLERANCE = 1e-5;
const MIN_SIGMA_SCALE = 1e-3;

/** UMAP's symmetric fuzzy graph as directed edge lists, both directions of each edge present. */
export interface FuzzyGraph {
  head: Int32Array;
  tail: Int32Array;
  weight: Float32Array;
}

/**
 * The fuzzy simplicial set of umap-js (local connectivity 1, set-op mix ratio 1) on typed arrays:
 * per-row rho and sigma, then the fuzzy union w + w' - w·w'. umap-js builds this through its
 * string-keyed sparse matrix, which alone takes ~10 s at 10,000 rows.
 */
export function fuzzyGraph({ k, indices, distances }: KnnGraph, rows: number): FuzzyGraph {
  const membership = new Float32Array(rows * k);
  let meanAll = 0;
  for (let e = 0; e < distances.length; e++) meanAll += distances[e];
  meanAll /= Math.max(distances.length, 1);
  const target = Math.log2(k);
  for (let i = 0; i < rows; i++) {
    const o = i * k;
    let rho = 0;
    let mean = 0;
    for (let j = 0; j < k; j++) {
      mean += distances[o + j];
      if (rho === 0 && distances[o + j] > 0) rho = distances[o + j];
    }
    mean /= k;
    let lo = 0;
    let hi = Infinity;
    let sigma = 1;
    for (let step = 0; step < SIGMA_SEARCH_STEPS; step++) {
      let sum = 0;
      for (let j = 1; j < k; j++) {
        const d = distances[o + j] - rho;
        sum += d > 0 ? Math.exp(-d / sigma) : 1;
      }
      if (Math.abs(sum - target) < SIGMA_TOLERANCE) break;
      if (sum > target) {
        hi = sigma;
        sigma = (lo + hi) / 2;
      } else {
        lo = sigma;
        sigma = hi === Infinity ? sigma * 2 : (lo + hi) / 2;
      }
    }
    // As umap-js: keep sigma away from zero so duplicate-heavy rows still get finite weights.
    sigma = Math.max(sigma, MIN_SIGMA_SCALE * (rho > 0 ? mean : meanAll));
    for (let j = 0; j < k; j++) {
      const n = indices[o + j];
      if (n === i || n < 0) continue;
      const d = distances[o + j] - rho;
      membership[o + j] = d <= 0 ? 1 : Math.exp(-d / sigma);
    }
  }
  return symmetrise(membership, indices, k, rows);
}

function symmetrise(membership: Float32Array, indices: Int32Array, k: number, rows: number): FuzzyGraph {
  const head: number[] = [];
  const tail: number[] = [];
  const weight: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (let a = 0; a < k; a++) {
      const w = membership[i * k + a];
      if (w === 0) continue;
      const j = indices[i * k + a];
      let back = 0;
      for (let b = 0; b < k; b++) {
        if (indices[j * k + b] === i) {
          back = membership[j * k + b];
          break;
        }
      }
      // An edge both rows list is emitted once, from the lower index, in both directions.
      if (back > 0 && j < i) continue;
      const union = w + back - w * back;
      head.push(i, j);
      tail.push(j, i);
      weight.push(union, union);
    }
  }
  return { head: Int32Array.from(head), tail: Int32Array.from(tail), weight: Float32Array.from(weight) };
}
