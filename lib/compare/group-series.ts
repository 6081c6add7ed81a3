import type { ScalarColumn } from './scalar-column';

/**
 * A group's line and bands for one tag: at every step any of its runs logged, the mean of the runs
 * with the minimum and maximum and the standard deviation (population: divided by the count,
 * so one run has a spread of 0). Pass raw or smoothed columns; the result is the same shape.
 *
 * Runs rarely log the same steps (another batch size, another logging interval, a run that ended
 * early), so the steps are the union of the runs' steps and each run is read at every one of them:
 * - at a step it logged, its value;
 * - between two steps it logged, the straight line between their values, so a run logged every
 *   tenth step does not drop in and out of the mean;
 * - before its first or after its last step, nothing: a run that stopped early leaves the mean
 *   rather than pulling it flat, and `count` says how many runs each point stands on.
 * A non-finite value is counted in `nonFinite` and kept out of the statistics, so one diverged run
 * does not blank its group; between a non-finite and any other point a run gives nothing. Where no
 * run gives a finite value, mean, std, min and max are NaN with a count of 0.
 */
export interface GroupSeries {
  steps: Float64Array;
  mean: Float64Array;
  std: Float64Array;
  min: Float64Array;
  max: Float64Array;
  /** Runs with a finite value at each step. */
  count: Uint32Array;
  /** Runs with a non-finite value logged at exactly that step. */
  nonFinite: Uint32Array;
}

function mergeSteps(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
    if (n === 0 || out[n - 1] !== next) out[n++] = next;
  }
  return out.subarray(0, n);
}

/** Pairwise, as a tournament: O(N log K) for N points in K runs. */
function unionSteps(columns: readonly ScalarColumn[]): Float64Array {
  let level: ArrayLike<number>[] = columns.map((c) => c.steps);
  while (level.length > 1) {
    const next: ArrayLike<number>[] = [];
    for (let k = 0; k < level.length; k += 2) next.push(k + 1 < level.length ? mergeSteps(level[k], level[k + 1]) : level[k]);
    level = next;
  }
  return mergeSteps(level[0] ?? [], []);
}

export function aggregateGroup(columns: readonly ScalarColumn[]): GroupSeries {
  const steps = unionSteps(columns);
  const n = steps.length;
  const out: GroupSeries = {
    steps,
    mean: new Float64Array(n),
    std: new Float64Array(n),
    min: new Float64Array(n),
    max: new Float64Array(n),
    count: new Uint32Array(n),
    nonFinite: new Uint32Array(n),
  };
  const cursors = new Array<number>(columns.length).fill(0);
  const sample = new Float64Array(columns.length);
  for (let i = 0; i < n; i++) {
    const s = steps[i];
    let k = 0;
    for (let r = 0; r < columns.length; r++) {
      const { steps: rs, values } = columns[r];
      let j = cursors[r];
      while (j < rs.length && rs[j] < s) j++;
      cursors[r] = j;
      if (j >= rs.length) continue;
      if (rs[j] === s) {
        if (Number.isFinite(values[j])) sample[k++] = values[j];
        else out.nonFinite[i]++;
      } else if (j > 0 && Number.isFinite(values[j - 1]) && Number.isFinite(values[j])) {
        const t = (s - rs[j - 1]) / (rs[j] - rs[j - 1]);
        sample[k++] = values[j - 1] + t * (values[j] - values[j - 1]);
      }
    }
    out.count[i] = k;
    if (k === 0) {
      out.mean[i] = out.std[i] = out.min[i] = out.max[i] = NaN;
      continue;
    }
    let sum = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (let q = 0; q < k; q++) {
      sum += sample[q];
      lo = Math.min(lo, sample[q]);
      hi = Math.max(hi, sample[q]);
    }
    const mean = sum / k;
    let squares = 0;
    for (let q = 0; q < k; q++) squares += (sample[q] - mean) ** 2;
    out.mean[i] = mean;
    out.std[i] = Math.sqrt(squares / k);
    out.min[i] = lo;
    out.max[i] = hi;
  }
  return out;
}
