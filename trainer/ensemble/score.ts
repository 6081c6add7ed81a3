/**
 * Test metrics from predicted probabilities, one row per example: one probability (of label 1, a
 * sigmoid output) or one per class (softmax). Computed from the predictions themselves, so every
 * member and the ensemble are scored by the one rule: accuracy, and log loss with probabilities
 * clipped to 1e-7 as Keras' crossentropy clips them.
 */

const EPSILON = 1e-7;

export interface Scores {
  acc: number;
  loss: number;
}

/** The class of each example: 0/1 from a sigmoid column, else the one-hot row's largest entry. */
export function labelsOf(y: ArrayLike<number>, width: number): Int32Array {
  const n = y.length / width;
  return Int32Array.from({ length: n }, (_, i) => (width === 1 ? Math.round(y[i]) : argmax(y, i * width, width)));
}

function argmax(values: ArrayLike<number>, start: number, width: number): number {
  let best = 0;
  for (let k = 1; k < width; k++) if (values[start + k] > values[start + best]) best = k;
  return best;
}

export function score(probs: ArrayLike<number>, labels: Int32Array, width: number): Scores {
  let correct = 0;
  let loss = 0;
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    const predicted = width === 1 ? Number(probs[i] > 0.5) : argmax(probs, i * width, width);
    if (predicted === y) correct++;
    const p = width === 1 ? (y === 1 ? probs[i] : 1 - probs[i]) : probs[i * width + y];
    loss -= Math.log(Math.max(EPSILON, p));
  }
  return { acc: correct / labels.length, loss: loss / labels.length };
}

/** Σ w_m p_m, example by example. */
export function weightedAverage(members: readonly ArrayLike<number>[], weights: readonly number[]): Float64Array {
  const out = new Float64Array(members[0].length);
  members.forEach((probs, m) => {
    for (let k = 0; k < out.length; k++) out[k] += weights[m] * probs[k];
  });
  return out;
}
