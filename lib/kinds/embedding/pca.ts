const MAX_ITERATIONS = 500;
const TOLERANCE = 1e-10;
/**
 * The axes come from the covariance of at most this many evenly spaced rows: at 80,000 x 128 the
 * full sum is 2/3 of a billion multiply-adds, and 10,000 rows already pin the top two directions.
 */
const COVARIANCE_ROWS = 10_000;

/**
 * Projects rows onto their top two principal components: the projector's instant first view
 * while UMAP runs, and UMAP's starting layout. Output is rows x 2, row-major.
 */
export function pca2d(matrix: Float32Array, rows: number, dim: number): Float32Array {
  if (matrix.length !== rows * dim) throw new Error(`matrix has ${matrix.length} values, not ${rows} x ${dim}`);
  const mean = new Float64Array(dim);
  for (let r = 0; r < rows; r++) for (let t = 0; t < dim; t++) mean[t] += matrix[r * dim + t];
  for (let t = 0; t < dim; t++) mean[t] /= Math.max(rows, 1);
  const cov = covariance(matrix, rows, dim, mean);
  const first = topEigenvector(cov, dim);
  deflate(cov, dim, first);
  const second = topEigenvector(cov, dim);

  const out = new Float32Array(rows * 2);
  for (let r = 0; r < rows; r++) {
    let a = 0;
    let b = 0;
    for (let t = 0; t < dim; t++) {
      const v = matrix[r * dim + t] - mean[t];
      a += v * first.vector[t];
      b += v * second.vector[t];
    }
    out[2 * r] = a;
    out[2 * r + 1] = b;
  }
  return out;
}

/** Dim x dim covariance (unscaled) in doubles; only the upper triangle is summed, then mirrored. */
function covariance(matrix: Float32Array, rows: number, dim: number, mean: Float64Array): Float64Array {
  const cov = new Float64Array(dim * dim);
  const centred = new Float64Array(dim);
  const stride = Math.ceil(rows / COVARIANCE_ROWS);
  for (let r = 0; r < rows; r += stride) {
    for (let t = 0; t < dim; t++) centred[t] = matrix[r * dim + t] - mean[t];
    for (let i = 0; i < dim; i++) {
      const ci = centred[i];
      const row = i * dim;
      for (let j = i; j < dim; j++) cov[row + j] += ci * centred[j];
    }
  }
  for (let i = 0; i < dim; i++) for (let j = i; j < dim; j++) cov[j * dim + i] = cov[i * dim + j];
  return cov;
}

interface Eigen {
  vector: Float64Array;
  value: number;
}

/**
 * Power iteration from a fixed start, so the same snapshot always gives the same picture; the
 * sign is then fixed (largest component positive) because an eigenvector's sign is arbitrary
 * and a flip between epochs would mirror the whole view.
 */
function topEigenvector(cov: Float64Array, dim: number): Eigen {
  let v = new Float64Array(dim);
  // Uneven start so it is unlikely to be orthogonal to the top component.
  for (let t = 0; t < dim; t++) v[t] = 1 + t / dim;
  normalise(v);
  let next = new Float64Array(dim);
  let value = 0;
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    for (let i = 0; i < dim; i++) {
      let s = 0;
      for (let j = 0; j < dim; j++) s += cov[i * dim + j] * v[j];
      next[i] = s;
    }
    value = normalise(next);
    if (value === 0) break;
    let change = 0;
    for (let t = 0; t < dim; t++) change += (next[t] - v[t]) ** 2;
    [v, next] = [next, v];
    if (change < TOLERANCE) break;
  }
  let largest = 0;
  for (let t = 1; t < dim; t++) if (Math.abs(v[t]) > Math.abs(v[largest])) largest = t;
  if (v[largest] < 0) for (let t = 0; t < dim; t++) v[t] = -v[t];
  return { vector: v, value };
}

function normalise(v: Float64Array): number {
  let s = 0;
  for (let t = 0; t < v.length; t++) s += v[t] * v[t];
  const norm = Math.sqrt(s);
  if (norm > 0) for (let t = 0; t < v.length; t++) v[t] /= norm;
  return norm;
}

/** Removes a found component so the next power iteration converges to the one after it. */
function deflate(cov: Float64Array, dim: number, { vector, value }: Eigen): void {
  for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) cov[i * dim + j] -= value * vector[i] * vector[j];
}
