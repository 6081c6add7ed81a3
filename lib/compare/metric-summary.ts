import type { ScalarColumn } from './scalar-column';

/**
 * The run table's metric cells: for each tag its last value, its minimum and maximum, and the best
 * of the two with the step it was reached at.
 *
 * - Which way is better follows Keras' `mode='auto'`, by the tag's name: accuracy-like metrics
 *   (acc, auc, precision, recall, fmeasure) are best at their maximum, everything else (loss, mae,
 *   lr, time) at its minimum. trainer/callbacks/monitor.ts applies the same rule to a monitor.
 * - Minimum, maximum and best are over the finite values only: a NaN or an infinite loss is a
 *   divergence, not a record. The non-finite points are counted, and the first one's step kept, so
 *   the table can say where a run diverged.
 * - `last` is the last point as logged, non-finite or not: a run that ended in NaN shows NaN.
 * - Ties go to the earliest step, the one a Keras checkpoint would have kept.
 */
export type MetricDirection = 'min' | 'max';

const HIGHER_IS_BETTER = /acc|auc|precision|recall|fmeasure/i;

export function bestDirection(tag: string): MetricDirection {
  return HIGHER_IS_BETTER.test(tag.slice(tag.lastIndexOf('/') + 1)) ? 'max' : 'min';
}

export interface MetricPoint {
  step: number;
  value: number;
}

export interface MetricSummary {
  tag: string;
  direction: MetricDirection;
  count: number;
  last: MetricPoint | null;
  min: MetricPoint | null;
  max: MetricPoint | null;
  best: MetricPoint | null;
  nonFinite: number;
  firstNonFinite: MetricPoint | null;
}

export function summarizeMetric(tag: string, { steps, values }: ScalarColumn): MetricSummary {
  const direction = bestDirection(tag);
  let min: MetricPoint | null = null;
  let max: MetricPoint | null = null;
  let nonFinite = 0;
  let firstNonFinite: MetricPoint | null = null;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (!Number.isFinite(value)) {
      nonFinite++;
      firstNonFinite ??= { step: steps[i], value };
      continue;
    }
    if (min === null || value < min.value) min = { step: steps[i], value };
    if (max === null || value > max.value) max = { step: steps[i], value };
  }
  const n = values.length;
  const last = n > 0 ? { step: steps[n - 1], value: values[n - 1] } : null;
  return { tag, direction, count: n, last, min, max, best: direction === 'min' ? min : max, nonFinite, firstNonFinite };
}

/** One summary per tag of a run, in the order of its tags. */
export function summarizeRun(columns: Readonly<Record<string, ScalarColumn>>): MetricSummary[] {
  return Object.entries(columns).map(([tag, column]) => summarizeMetric(tag, column));
}
