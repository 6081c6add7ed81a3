import { fastPow } from './fast-pow';
import type { FuzzyGraph } from './fuzzy-graph';

const CLIP = 4;
const NEGATIVE_SAMPLE_RATE = 5;
const REPULSION = 1;

export interface OptimizeArgs {
  /** Starting layout, rows x 2; moved in place. */
  layout: Float32Array;
  nEpochs: number;
  /** Curve parameters for the chosen min_dist, from umap-js' findABParams. */
  a: number;
  b: number;
  /** Step size at epoch 0; it decays linearly to 0 as in umap-js. */
  learningRate: number;
  random: () => number;
  /** Called after each epoch; returning true stops early (cancellation). */
  onEpoch?: (done: number, total: number) => boolean | void;
}

/**
 * UMAP's stochastic layout optimisation as umap-js runs it (edge sampling by weight, 5 negative
 * samples per positive, clipped gradients), on flat typed arrays instead of arrays of arrays and
 * with an approximate power function.
 */
export function optimizeLayout(graph: FuzzyGraph, rows: number, args: OptimizeArgs): void {
  const { random, ...rest } = args;
  const { head, tail } = graph;
  runEpochs({ ...rest, head, tail, epochsPerSample: sampleSchedule(graph.weight, args.nEpochs), from: 0, to: head.length, rows, seed: seedFrom(random) });
}

/** What one thread needs to optimise the edges [from, to) of a graph: all of it plain data. */
export interface EdgeRangeArgs extends Omit<OptimizeArgs, 'random'> {
  head: Int32Array;
  tail: Int32Array;
  epochsPerSample: Float32Array;
  from: number;
  to: number;
  rows: number;
  /** Non-zero seed of the negative samples' xorshift. */
  seed: number;
}

/** A non-zero 32-bit seed drawn from `random`, for `runEpochs`. */
export function seedFrom(random: () => number): number {
  return Math.floor(random() * 0xffffffff) | 1;
}

/**
 * Epochs between samples of each edge, in proportion to its weight; -1 for edges too weak to be
 * sampled once in the whole run, which umap-js drops.
 */
export function sampleSchedule(weight: Float32Array, nEpochs: number): Float32Array {
  let maxWeight = 0;
  for (let e = 0; e < weight.length; e++) maxWeight = Math.max(maxWeight, weight[e]);
  const epochsPerSample = new Float32Array(weight.length).fill(-1);
  for (let e = 0; e < weight.length; e++) {
    const samples = (weight[e] / maxWeight) * nEpochs;
    if (weight[e] >= maxWeight / nEpochs && samples > 0) epochsPerSample[e] = nEpochs / samples;
  }
  return epochsPerSample;
}

/**
 * The optimisation of the edges [from, to). Two threads can run disjoint ranges on one shared
 * layout at once (Hogwild, as umap-learn's parallel mode and uwot do): an update now and then
 * lost to a race is noise the stochastic gradients absorb.
 */
export function runEpochs(args: EdgeRangeArgs): void {
  const { layout, nEpochs, a, b, learningRate, onEpoch, head, tail, epochsPerSample, from, to, rows } = args;
  // The bit-trick power is only accurate for exponents below 1; larger min_dist can push b past it.
  const pow = b < 1 ? fastPow : Math.pow;
  const epochsPerNegative = epochsPerSample.map((s) => s / NEGATIVE_SAMPLE_RATE);
  // Single precision throughout: at 80,000 rows the per-edge arrays are streamed every epoch and
  // the layout is read at random by the negative samples, so halving their bytes keeps more of
  // them in cache (~20% faster there) at no cost a 2-D layout can show.
  const nextSample = Float32Array.from(epochsPerSample);
  const nextNegative = Float32Array.from(epochsPerNegative);
  // Negative samples draw from an inline xorshift: a closure call per draw costs as much as the
  // rest of the repulsion step.
  let state = args.seed;

  for (let n = 0; n < nEpochs; n++) {
    const alpha = learningRate * (1 - n / nEpochs);
    for (let e = from; e < to; e++) {
      if (epochsPerSample[e] < 0 || nextSample[e] > n) continue;
      const jx = 2 * head[e];
      const kx = 2 * tail[e];
      let jX = layout[jx];
      let jY = layout[jx + 1];
      let dx = jX - layout[kx];
      let dy = jY - layout[kx + 1];
      let d2 = dx * dx + dy * dy;
      if (d2 > 0) {
        // d2^(b-1) as d2^b / d2: one pow per sample instead of two, the optimiser's main cost.
        const powB = pow(d2, b);
        const coeff = (-2 * a * b * powB) / (d2 * (a * powB + 1));
        const gx = clip(coeff * dx) * alpha;
        const gy = clip(coeff * dy) * alpha;
        jX += gx;
        jY += gy;
        layout[kx] -= gx;
        layout[kx + 1] -= gy;
      }
      nextSample[e] += epochsPerSample[e];

      const negatives = Math.floor((n - nextNegative[e]) / epochsPerNegative[e]);
      for (let p = 0; p < negatives; p++) {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        const mx = 2 * Math.floor(((state >>> 0) / 4294967296) * rows);
        dx = jX - layout[mx];
        dy = jY - layout[mx + 1];
        d2 = dx * dx + dy * dy;
        if (d2 > 0) {
          const coeff = (2 * REPULSION * b) / ((0.001 + d2) * (a * pow(d2, b) + 1));
          jX += clip(coeff * dx) * alpha;
          jY += clip(coeff * dy) * alpha;
        } else if (jx !== mx) {
          // Coincident points: umap-js pushes by the clip value to separate them.
          jX += CLIP * alpha;
          jY += CLIP * alpha;
        }
      }
      layout[jx] = jX;
      layout[jx + 1] = jY;
      nextNegative[e] += negatives * epochsPerNegative[e];
    }
    if (onEpoch?.(n + 1, nEpochs) === true) return;
  }
}

function clip(v: number): number {
  return v > CLIP ? CLIP : v < -CLIP ? -CLIP : v;
}
