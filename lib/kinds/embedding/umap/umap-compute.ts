import { findABParams } from 'umap-js/dist/umap';
import { FuzzyGraph, fuzzyGraph } from './fuzzy-graph';
import { exactKnn, Metric } from './knn-graph';
import { approximateKnn } from './nn-descent';
import { pca2d } from '../pca';
import { OptimizeArgs, optimizeLayout } from './umap-optimize';
import { seededRandom } from '../../../seeded-random';

/** Half-width of the box a PCA start is scaled into, as umap-js' random start. */
const INIT_EXTENT = 10;

/** Up to this many rows the exact all-pairs kNN is cheap enough (under a second or so). */
const EXACT_KNN_ROWS = 4096;

/**
 * A few small trees, then NN-descent through 5 fresh and 5 old candidates a row per pass: 99.3%
 * of the exact neighbours on 10,000 clustered rows at ~40% of the work of 15 candidates (100%).
 */
const KNN_SEARCH = { trees: 4, leafSize: 24, candidates: 5 };

export interface UmapArgs {
  /** Neighbours per point, counting itself (umap-js default 15). */
  nNeighbors?: number;
  /** umap-js default 0.1. */
  minDist?: number;
  /** Cosine suits word embeddings, whose length mostly tracks frequency. */
  metric?: Metric;
  /** The previous epoch's layout (rows x 2): start from it so the two line up. */
  init?: Float32Array;
  /** Defaults to umap-js' count for the row count from PCA, a quarter of it from `init`. */
  nEpochs?: number;
  /** Defaults to 1 from PCA, 0.25 from `init` so a warm start refines rather than reshuffles. */
  learningRate?: number;
  seed?: number;
}

/** A layout to optimise: the fuzzy graph, the start, and the optimiser's settings. */
export interface UmapPlan extends Omit<OptimizeArgs, 'onEpoch'> {
  graph: FuzzyGraph;
  rows: number;
}

/** Everything before the optimisation: neighbours (on two threads if asked), fuzzy graph, start, settings. */
export function planUmap(matrix: Float32Array, rows: number, dim: number, args: UmapArgs = {}, twoThreads = false): UmapPlan {
  const { nNeighbors = 15, minDist = 0.1, metric = 'cosine', init, seed = 42 } = args;
  if (matrix.length !== rows * dim) throw new Error(`matrix has ${matrix.length} values, not ${rows} x ${dim}`);
  if (init && init.length !== rows * 2) throw new Error(`init has ${init.length} values, not ${rows} x 2`);
  const k = Math.min(nNeighbors, rows);
  const random = seededRandom(seed);
  const knn =
    rows <= EXACT_KNN_ROWS ? exactKnn(matrix, rows, dim, k, metric) : approximateKnn(matrix, rows, dim, k, metric, random, KNN_SEARCH, twoThreads);
  const coldEpochs = defaultEpochs(rows);
  const { a, b } = findABParams(1, minDist);
  return {
    graph: fuzzyGraph(knn, rows),
    rows,
    layout: init ? Float32Array.from(init) : scaledPca(matrix, rows, dim),
    nEpochs: args.nEpochs ?? (init ? Math.round(coldEpochs / 4) : coldEpochs),
    a,
    b,
    learningRate: args.learningRate ?? (init ? 0.25 : 1),
    random,
  };
}

/** UMAP on the calling thread, the same way for the same seed (tests, small snapshots). */
export function umapLayout(
  matrix: Float32Array,
  rows: number,
  dim: number,
  args: UmapArgs = {},
  onEpoch?: (done: number, total: number) => boolean | void,
): Float32Array {
  const { graph, ...plan } = planUmap(matrix, rows, dim, args);
  optimizeLayout(graph, rows, { ...plan, onEpoch });
  return plan.layout;
}

/**
 * umap-js' getNEpochs up to 7,500 rows, then 300 up to 10,000 where umap-js drops to 200 (recall@10
 * 0.312 at 200, 0.325 at 300 on the projector bench). Past that the optimisation's work grows with
 * rows x epochs, so the epochs fall with the square root of the rows: umap-learn's 200 at 20,000,
 * 100 from 80,000 on, a vocabulary-sized layout in seconds rather than minutes from a PCA start
 * that already has the global shape.
 */
function defaultEpochs(rows: number): number {
  if (rows <= 10_000) return rows <= 2500 ? 500 : rows <= 5000 ? 400 : 300;
  return Math.round(Math.max(100, 200 * Math.sqrt(20_000 / rows)));
}

/**
 * PCA rather than umap-js' uniform random start: global structure is right from the first
 * epoch, so the optimiser only has to settle local neighbourhoods.
 */
function scaledPca(matrix: Float32Array, rows: number, dim: number): Float32Array {
  const layout = pca2d(matrix, rows, dim);
  let extent = 0;
  for (let i = 0; i < layout.length; i++) extent = Math.max(extent, Math.abs(layout[i]));
  const scale = extent > 0 ? INIT_EXTENT / extent : 1;
  for (let i = 0; i < layout.length; i++) layout[i] *= scale;
  return layout;
}
