import { KnnGraph, Metric, squaredDistance, squaredNorms, unitRows } from './knn-graph';
import { NeighborLists, offerNeighbor, selfOnlyLists, toKnnGraph } from './neighbor-lists';
import { forestNeighbors } from './rp-forest';

const MAX_ITERATIONS = 10;
/** Stop once a pass changes fewer than this share of all list entries (pynndescent's delta). */
const DELTA = 0.001;

export interface ApproximateKnnArgs {
  trees: number;
  leafSize: number;
  /** Rows each row's neighbours are joined through per pass, fresh and old each (pynndescent's max_candidates). */
  candidates: number;
}

/**
 * Approximate k nearest neighbours (Dong et al. 2011, as pynndescent and umap-learn): lists seeded
 * by a random projection forest, then refined by comparing each row's neighbours with one another,
 * since a neighbour's neighbour is likely a neighbour. The work per row barely grows with the
 * row count, where probing clusters (IVF) grows with its square root.
 */
export function approximateKnn(
  matrix: Float32Array,
  rows: number,
  dim: number,
  k: number,
  metric: Metric,
  random: () => number,
  { trees, leafSize, candidates }: ApproximateKnnArgs,
): KnnGraph {
  const x = metric === 'cosine' ? unitRows(matrix, rows, dim) : matrix;
  const sq = squaredNorms(x, rows, dim);
  const lists = selfOnlyLists(rows, k);
  forestNeighbors(x, sq, rows, dim, lists, trees, leafSize, random);
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    if (descend(x, sq, rows, dim, lists, candidates, random) <= DELTA * rows * k) break;
  }
  return toKnnGraph(lists, metric);
}

/** Up to `size` values per row, a uniform sample of those offered (reservoir sampling). */
class Candidates {
  readonly values: Int32Array;
  readonly seen: Int32Array;
  constructor(rows: number, readonly size: number) {
    this.values = new Int32Array(rows * size);
    this.seen = new Int32Array(rows);
  }
  add(row: number, value: number, random: () => number): void {
    const seen = this.seen[row]++;
    const slot = seen < this.size ? seen : Math.floor(random() * (seen + 1));
    if (slot < this.size) this.values[row * this.size + slot] = value;
  }
  count(row: number): number {
    return Math.min(this.seen[row], this.size);
  }
  has(row: number, value: number): boolean {
    const o = row * this.size;
    for (let s = 0, n = this.count(row); s < n; s++) if (this.values[o + s] === value) return true;
    return false;
  }
}

/** One NN-descent pass; returns how many list entries changed. */
function descend(x: Float32Array, sq: Float64Array, rows: number, dim: number, lists: NeighborLists, size: number, random: () => number): number {
  const { k, indices, fresh } = lists;
  const fresher = new Candidates(rows, size);
  const older = new Candidates(rows, size);
  // Both directions: a row is compared through the rows that list it as well as those it lists.
  for (let i = 0; i < rows; i++) {
    for (let p = i * k + 1, end = (i + 1) * k; p < end; p++) {
      const j = indices[p];
      if (j < 0 || j === i) continue;
      const into = fresh[p] ? fresher : older;
      into.add(i, j, random);
      into.add(j, i, random);
    }
  }
  for (let i = 0; i < rows; i++) {
    for (let p = i * k + 1, end = (i + 1) * k; p < end; p++) if (fresh[p] && fresher.has(i, indices[p])) fresh[p] = 0;
  }
  let changed = 0;
  for (let i = 0; i < rows; i++) {
    const nNew = fresher.count(i);
    const nOld = older.count(i);
    for (let a = 0; a < nNew; a++) {
      const u = fresher.values[i * size + a];
      for (let b = a + 1; b < nNew; b++) changed += join(x, sq, dim, lists, u, fresher.values[i * size + b]);
      for (let b = 0; b < nOld; b++) changed += join(x, sq, dim, lists, u, older.values[i * size + b]);
    }
  }
  return changed;
}

function join(x: Float32Array, sq: Float64Array, dim: number, lists: NeighborLists, u: number, v: number): number {
  if (u === v) return 0;
  const d2 = squaredDistance(x, u * dim, sq[u], x, v * dim, sq[v], dim);
  return offerNeighbor(lists, u, v, d2) + offerNeighbor(lists, v, u, d2);
}
