export type Metric = 'cosine' | 'euclidean';

/** Each row's k nearest rows (itself first, as UMAP expects), row-major n x k, nearest first. */
export interface KnnGraph {
  k: number;
  indices: Int32Array;
  distances: Float32Array;
}

/**
 * Exact k nearest neighbours over typed arrays. umap-js calls a JS distance function per pair
 * inside NN-descent, which is most of its run time; one symmetric pass of unrolled dot products
 * over ||a||² + ||b||² - 2a·b visits each pair once and is faster while exact at projector sizes.
 * Cosine works on unit rows, where squared euclidean distance is 2(1 - cos).
 */
export function exactKnn(matrix: Float32Array, rows: number, dim: number, k: number, metric: Metric): KnnGraph {
  if (k > rows) throw new Error(`asked for ${k} neighbours of ${rows} rows`);
  const x = metric === 'cosine' ? unitRows(matrix, rows, dim) : matrix;
  const sq = squaredNorms(x, rows, dim);
  const best = new Float64Array(rows * k).fill(Infinity);
  const indices = new Int32Array(rows * k).fill(-1);
  for (let i = 0; i < rows; i++) insertNeighbor(best, indices, k, i, i, 0);
  for (let i = 0; i < rows; i++) {
    for (let j = i + 1; j < rows; j++) {
      const d2 = squaredDistance(x, i * dim, sq[i], x, j * dim, sq[j], dim);
      if (d2 < best[i * k + k - 1]) insertNeighbor(best, indices, k, i, j, d2);
      if (d2 < best[j * k + k - 1]) insertNeighbor(best, indices, k, j, i, d2);
    }
  }
  const distances = new Float32Array(rows * k);
  for (let e = 0; e < distances.length; e++) {
    distances[e] = metric === 'cosine' ? best[e] / 2 : Math.sqrt(best[e]);
  }
  return { k, indices, distances };
}

/** Each row's squared length, for distances as ||a||² + ||b||² - 2a·b. */
export function squaredNorms(x: ArrayLike<number>, rows: number, dim: number): Float64Array {
  const sq = new Float64Array(rows);
  for (let r = 0; r < rows; r++) sq[r] = dot(x, r * dim, x, r * dim, dim);
  return sq;
}

/**
 * Squared euclidean distance from norms and one dot product: a multiply-add per element instead
 * of a subtract, multiply and add, with four accumulators so the CPU overlaps them.
 */
export function squaredDistance(a: ArrayLike<number>, ao: number, aNorm2: number, b: ArrayLike<number>, bo: number, bNorm2: number, dim: number): number {
  // Rounding can take a near-duplicate pair slightly below zero.
  return Math.max(0, aNorm2 + bNorm2 - 2 * dot(a, ao, b, bo, dim));
}

/** a[ao..ao+dim) · b[bo..bo+dim), with four accumulators. */
export function dot(a: ArrayLike<number>, ao: number, b: ArrayLike<number>, bo: number, dim: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let t = 0;
  for (const unrolled = dim - (dim % 4); t < unrolled; t += 4) {
    s0 += a[ao + t] * b[bo + t];
    s1 += a[ao + t + 1] * b[bo + t + 1];
    s2 += a[ao + t + 2] * b[bo + t + 2];
    s3 += a[ao + t + 3] * b[bo + t + 3];
  }
  for (; t < dim; t++) s0 += a[ao + t] * b[bo + t];
  return s0 + s1 + s2 + s3;
}

/** Puts `col` at squared distance `d2` into `row`'s k best, kept sorted nearest first. */
export function insertNeighbor(best: Float64Array, indices: Int32Array, k: number, row: number, col: number, d2: number): void {
  const o = row * k;
  let p = k - 1;
  while (p > 0 && best[o + p - 1] > d2) {
    best[o + p] = best[o + p - 1];
    indices[o + p] = indices[o + p - 1];
    p--;
  }
  best[o + p] = d2;
  indices[o + p] = col;
}

/** A copy with every non-zero row scaled to length 1; zero rows stay zero. */
export function unitRows(matrix: Float32Array, rows: number, dim: number): Float32Array {
  const out = new Float32Array(rows * dim);
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let o = r * dim, end = o + dim; o < end; o++) s += matrix[o] * matrix[o];
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let o = r * dim, end = o + dim; o < end; o++) out[o] = matrix[o] * inv;
  }
  return out;
}
