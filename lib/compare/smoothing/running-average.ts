import type { ScalarColumn } from '../scalar-column';

/**
 * A centred running average (boxcar filter) whose window is measured in steps, not points: runs
 * that log every step and runs that log every tenth step smooth alike on one chart, and a coarse
 * per-epoch series is left almost as it is rather than flattened.
 *
 * - A point's window holds the points whose step is within (window − 1) / 2 of its own, so on a
 *   series logged at every step an odd window averages exactly `window` points; window 1 (or less)
 *   is the identity.
 * - At the edges the window is cut short and averages what it holds (no padding, no mirroring):
 *   the first point of a 5-step window averages itself and the two after it.
 * - Non-finite values are left out of every average, and a non-finite point keeps its raw value,
 *   so a NaN spike stays marked without blanking or dragging its neighbours.
 *
 * Sums are kept incrementally with Neumaier's compensation: O(n) for any window, and a huge value
 * (a diverging loss of 1e30) leaving the window does not wipe out the small ones left in it.
 */
class CompensatedSum {
  private sum = 0;
  private compensation = 0;

  add(x: number): void {
    const t = this.sum + x;
    this.compensation += Math.abs(this.sum) >= Math.abs(x) ? this.sum - t + x : x - t + this.sum;
    this.sum = t;
  }

  get value(): number {
    return this.sum + this.compensation;
  }
}

/** `out`, when given, is written instead of a new array. */
export function runningAverage({ steps, values }: ScalarColumn, window: number, out: Float64Array = new Float64Array(values.length)): Float64Array {
  out.set(values);
  const half = (window - 1) / 2;
  if (!(half > 0)) return out;
  const sum = new CompensatedSum();
  let count = 0;
  let lo = 0;
  let hi = -1;
  for (let i = 0; i < out.length; i++) {
    const s = steps[i];
    while (hi + 1 < out.length && steps[hi + 1] <= s + half) {
      hi++;
      if (Number.isFinite(values[hi])) {
        sum.add(values[hi]);
        count++;
      }
    }
    while (steps[lo] < s - half) {
      if (Number.isFinite(values[lo])) {
        sum.add(-values[lo]);
        count--;
      }
      lo++;
    }
    if (Number.isFinite(values[i])) out[i] = sum.value / count;
  }
  return out;
}
