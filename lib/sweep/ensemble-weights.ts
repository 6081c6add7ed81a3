/**
 * Weights for an ensemble that averages its members' predicted probabilities: p = Σ w_m p_m with
 * w ≥ 0 and Σ w = 1, tuned on the validation split.
 *
 * The weights minimise the ensemble's log loss (cross-entropy) rather than maximise its accuracy.
 * Accuracy is a step function of the weights: flat almost everywhere, so no gradient says which way
 * to go, with ties everywhere, and it moves only on the few examples near the decision boundary,
 * which fits the validation split's noise. Log loss rewards probabilities that are right and sure,
 * uses every example, and is convex in the weights (−log of a linear function), so its minimum is a
 * global one.
 *
 * Only the probability each member gives the true label matters, a_im for example i and member m,
 * and the loss is −(1/N) Σ_i log Σ_m w_m a_im: the likelihood of a mixture whose components are fixed.
 * The EM update for mixture proportions, w_m ← w_m · (1/N) Σ_i a_im / Σ_k w_k a_ik, then minimises it:
 * it keeps w on the simplex by construction, never raises the loss, needs no step size, and
 * converges to the global minimum from any start with every weight above 0 (equal weights here).
 */

export type WeightMethod = 'equal' | 'optimize';

export interface EnsembleInput {
  /**
   * Each member's probabilities on the validation examples, row-major: one per example for a sigmoid
   * output (the probability of label 1), or one per class for a softmax output.
   */
  members: readonly ArrayLike<number>[];
  /** The true class of each example: 0 or 1 for a sigmoid output, 0..classes − 1 for a softmax one. */
  labels: ArrayLike<number>;
}

export interface EnsembleWeights {
  weights: number[];
  /** The weighted ensemble's log loss on the examples. */
  logLoss: number;
  /** Each member's own log loss, for comparison. */
  memberLogLoss: number[];
  /** EM updates run (0 for equal weights). */
  iterations: number;
}

/** Probabilities are clipped to at least this before the log, as Keras' crossentropy does. */
const EPSILON = 1e-7;
const MAX_ITERATIONS = 10_000;
/** Stop once an update lowers the loss by less than this. */
const TOLERANCE = 1e-12;

type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** a[m][i]: the probability member m gives example i's true label, or an error naming what is wrong. */
function trueLabelProbs(input: EnsembleInput): Result<Float64Array[]> {
  const { members, labels } = input;
  const n = labels.length;
  const fail = (error: string): Result<Float64Array[]> => ({ ok: false, error });
  if (members.length === 0) return fail('an ensemble needs at least one member');
  if (n === 0) return fail('no validation examples to weigh the members on');
  const width = members[0].length / n;
  if (!Number.isInteger(width) || width < 1) return fail(`member 0 has ${members[0].length} probabilities for ${n} examples`);
  const classes = width === 1 ? 2 : width;
  for (let i = 0; i < n; i++) {
    const y = labels[i];
    if (!(Number.isInteger(y) && y >= 0 && y < classes)) return fail(`label ${y} of example ${i} is not a class index below ${classes}`);
  }
  const a: Float64Array[] = [];
  for (const [m, probs] of members.entries()) {
    if (probs.length !== n * width) return fail(`member ${m} has ${probs.length} probabilities, member 0 has ${n * width}`);
    for (let k = 0; k < probs.length; k++) {
      const p = probs[k];
      if (!(p >= 0 && p <= 1)) return fail(`member ${m} has the probability ${p} at example ${Math.floor(k / width)}, outside [0, 1]`);
    }
    const row = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const p = width === 1 ? (labels[i] === 1 ? probs[i] : 1 - probs[i]) : probs[i * width + labels[i]];
      row[i] = Math.max(EPSILON, p);
    }
    a.push(row);
  }
  return { ok: true, value: a };
}

function logLoss(a: Float64Array[], weights: readonly number[]): number {
  const n = a[0].length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let p = 0;
    for (let m = 0; m < a.length; m++) p += weights[m] * a[m][i];
    sum -= Math.log(p);
  }
  return sum / n;
}

function emUpdate(a: Float64Array[], weights: readonly number[]): number[] {
  const n = a[0].length;
  const next = new Array<number>(a.length).fill(0);
  for (let i = 0; i < n; i++) {
    let p = 0;
    for (let m = 0; m < a.length; m++) p += weights[m] * a[m][i];
    for (let m = 0; m < a.length; m++) next[m] += (weights[m] * a[m][i]) / p;
  }
  return next.map((w) => w / n);
}

export function ensembleWeights(input: EnsembleInput, method: WeightMethod): Result<EnsembleWeights> {
  const probs = trueLabelProbs(input);
  if (!probs.ok) return probs;
  const a = probs.value;
  const memberLogLoss = a.map((_, m) => logLoss(a, a.map((__, k) => (k === m ? 1 : 0))));
  let weights = new Array<number>(a.length).fill(1 / a.length);
  let loss = logLoss(a, weights);
  let iterations = 0;
  while (method === 'optimize' && iterations < MAX_ITERATIONS) {
    const next = emUpdate(a, weights);
    const nextLoss = logLoss(a, next);
    iterations++;
    const gain = loss - nextLoss;
    [weights, loss] = [next, nextLoss];
    if (gain < TOLERANCE) break;
  }
  return { ok: true, value: { weights, logLoss: loss, memberLogLoss, iterations } };
}
