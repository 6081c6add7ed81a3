import { dot, squaredDistance } from './knn-graph';
import type { Offer } from './neighbor-lists';

/**
 * Seeds neighbour lists from a forest of random projection trees (as pynndescent starts): each
 * tree halves the rows by the plane between two random members until leaves hold at most
 * `leafSize` rows, and rows that share a leaf are compared exactly. One dot product per row and
 * level splits the space; close rows share leaves in most trees.
 */
export function forestNeighbors(
  x: Float32Array,
  sq: Float64Array,
  rows: number,
  dim: number,
  offer: Offer,
  trees: number,
  leafSize: number,
  random: () => number,
): void {
  const order = new Int32Array(rows);
  const margin = new Float64Array(rows);
  const normal = new Float32Array(dim);
  for (let tree = 0; tree < trees; tree++) {
    for (let r = 0; r < rows; r++) order[r] = r;
    const stack: number[] = [0, rows];
    while (stack.length > 0) {
      const hi = stack.pop() as number;
      const lo = stack.pop() as number;
      if (hi - lo <= leafSize) {
        joinLeaf(x, sq, dim, offer, order, lo, hi);
        continue;
      }
      const mid = split(x, dim, order, margin, normal, lo, hi, random);
      stack.push(lo, mid, mid, hi);
    }
  }
}

/** Reorders order[lo, hi) so the rows on one side of a random plane come first; returns the boundary. */
function split(x: Float32Array, dim: number, order: Int32Array, margin: Float64Array, normal: Float32Array, lo: number, hi: number, random: () => number): number {
  const n = hi - lo;
  const a = order[lo + Math.floor(random() * n)];
  let b = order[lo + Math.floor(random() * (n - 1))];
  if (b === a) b = order[hi - 1];
  let offset = 0;
  for (let t = 0; t < dim; t++) {
    normal[t] = x[a * dim + t] - x[b * dim + t];
    offset += (normal[t] * (x[a * dim + t] + x[b * dim + t])) / 2;
  }
  for (let p = lo; p < hi; p++) margin[p] = dot(x, order[p] * dim, normal, 0, dim) - offset;
  let i = lo;
  let j = hi - 1;
  while (i <= j) {
    if (margin[i] < 0) i++;
    else {
      [order[i], order[j]] = [order[j], order[i]];
      [margin[i], margin[j]] = [margin[j], margin[i]];
      j--;
    }
  }
  // Duplicates put every row on one side; halving by position still bounds the depth.
  return i === lo || i === hi ? lo + (n >> 1) : i;
}

function joinLeaf(x: Float32Array, sq: Float64Array, dim: number, offer: Offer, order: Int32Array, lo: number, hi: number): void {
  for (let p = lo; p < hi; p++) {
    const u = order[p];
    for (let q = p + 1; q < hi; q++) {
      const v = order[q];
      const d2 = squaredDistance(x, u * dim, sq[u], x, v * dim, sq[v], dim);
      offer(u, v, d2);
      offer(v, u, d2);
    }
  }
}
