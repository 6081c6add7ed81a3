import { dot } from './umap/knn-graph';

/** One snapshot's matrix with its row norms, which every similarity divides by. */
export interface CosineIndex {
  matrix: Float32Array;
  rows: number;
  dim: number;
  norms: Float32Array;
}

export interface Neighbor {
  index: number;
  similarity: number;
}

export function cosineIndex(matrix: Float32Array, rows: number, dim: number): CosineIndex {
  if (matrix.length !== rows * dim) throw new Error(`matrix has ${matrix.length} values, not ${rows} x ${dim}`);
  const norms = new Float32Array(rows);
  for (let r = 0; r < rows; r++) norms[r] = Math.sqrt(dot(matrix, r * dim, matrix, r * dim, dim));
  return { matrix, rows, dim, norms };
}

/**
 * The k rows most cosine-similar to row `word`, best first. The word itself and all-zero rows
 * (padding, never-trained indices) are skipped: their similarity is undefined, not zero.
 */
export function nearestNeighbors(index: CosineIndex, word: number, k: number): Neighbor[] {
  const { matrix, rows, dim, norms } = index;
  if (!Number.isInteger(word) || word < 0 || word >= rows) throw new RangeError(`no row ${word}`);
  const top: Neighbor[] = [];
  const norm = norms[word];
  if (norm === 0 || k <= 0) return top;
  const q = word * dim;
  for (let r = 0; r < rows; r++) {
    if (r === word || norms[r] === 0) continue;
    const similarity = dot(matrix, q, matrix, r * dim, dim) / (norm * norms[r]);
    if (top.length === k && similarity <= top[k - 1].similarity) continue;
    // k is small (tens), so keeping the list sorted by insertion beats a heap.
    let p = top.length === k ? k - 1 : top.length;
    if (top.length < k) top.push({ index: r, similarity });
    while (p > 0 && top[p - 1].similarity < similarity) {
      top[p] = top[p - 1];
      p--;
    }
    top[p] = { index: r, similarity };
  }
  return top;
}
