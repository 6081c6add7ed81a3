import { KnnGraph, Metric, squaredDistance, squaredNorms, unitRows } from './knn-graph';
import { KnnHelper, startKnnHelper } from './knn-threads';
import { Candidates } from './nn-candidates';
import { NeighborLists, Offer, offerNeighbor, selfOnlyLists, toKnnGraph } from './neighbor-lists';
import { forestNeighbors } from './rp-forest';
import { sharedCopy } from './shared-arrays';
import { seedFrom } from './umap-optimize';

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
 *
 * With `twoThreads` a helper thread grows half the trees and joins half the rows on shared lists:
 * the kNN is a third of a vocabulary-sized layout's time. The threads race for list slots, so the
 * lists may differ run to run; on one thread they are the same for the same `random`.
 */
export function approximateKnn(
  matrix: Float32Array,
  rows: number,
  dim: number,
  k: number,
  metric: Metric,
  random: () => number,
  { trees, leafSize, candidates }: ApproximateKnnArgs,
  twoThreads = false,
): KnnGraph {
  const unit = metric === 'cosine' ? unitRows(matrix, rows, dim) : matrix;
  const x = twoThreads ? sharedCopy(unit) : unit;
  const norms = squaredNorms(x, rows, dim);
  const sq = twoThreads ? sharedCopy(norms) : norms;
  const lists = selfOnlyLists(rows, k, twoThreads);
  const fresher = Candidates.create(rows, candidates, twoThreads);
  const older = Candidates.create(rows, candidates, twoThreads);
  const helper = twoThreads ? startKnnHelper({ x, sq, rows, dim, lists, fresher, older, leafSize }) : null;
  try {
    const offer: Offer = helper ? helper.offer : (row, col, d2) => offerNeighbor(lists, row, col, d2);
    const helperTrees = helper ? trees >> 1 : 0;
    helper?.growTrees(helperTrees, seedFrom(random));
    forestNeighbors(x, sq, rows, dim, offer, trees - helperTrees, leafSize, random);
    helper?.finish();
    for (let it = 0; it < MAX_ITERATIONS; it++) {
      gatherCandidates(lists, fresher, older, random);
      if (descend(x, sq, dim, offer, fresher, older, rows, helper) <= DELTA * rows * k) break;
    }
  } finally {
    helper?.close();
  }
  return toKnnGraph(lists, metric);
}

/** One NN-descent pass over every row, half of them on the helper if there is one; returns how many list entries changed. */
function descend(x: Float32Array, sq: Float64Array, dim: number, offer: Offer, fresher: Candidates, older: Candidates, rows: number, helper: KnnHelper | null): number {
  const half = helper ? rows >> 1 : rows;
  helper?.joinRows(half, rows);
  const changed = joinRows(x, sq, dim, offer, fresher, older, 0, half);
  return changed + (helper ? helper.finish() : 0);
}

/**
 * Each row's fresh and old candidates, both directions: a row is compared through the rows that
 * list it as well as those it lists. A fresh entry sampled here is no longer fresh.
 */
function gatherCandidates({ k, indices, fresh }: NeighborLists, fresher: Candidates, older: Candidates, random: () => number): void {
  const rows = indices.length / k;
  fresher.clear();
  older.clear();
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
}

/** Compares the candidates of rows [from, to) pairwise (fresh with fresh and with old); returns how many list entries changed. */
export function joinRows(x: Float32Array, sq: Float64Array, dim: number, offer: Offer, fresher: Candidates, older: Candidates, from: number, to: number): number {
  const size = fresher.size;
  let changed = 0;
  for (let i = from; i < to; i++) {
    const nNew = fresher.count(i);
    const nOld = older.count(i);
    for (let a = 0; a < nNew; a++) {
      const u = fresher.values[i * size + a];
      for (let b = a + 1; b < nNew; b++) changed += join(x, sq, dim, offer, u, fresher.values[i * size + b]);
      for (let b = 0; b < nOld; b++) changed += join(x, sq, dim, offer, u, older.values[i * size + b]);
    }
  }
  return changed;
}

function join(x: Float32Array, sq: Float64Array, dim: number, offer: Offer, u: number, v: number): number {
  if (u === v) return 0;
  const d2 = squaredDistance(x, u * dim, sq[u], x, v * dim, sq[v], dim);
  return offer(u, v, d2) + offer(v, u, d2);
}
