import { valueOf, type HParamAxis, type HParamRun } from './hparam-axes';

/**
 * Brushing on the parallel coordinates: each brushed axis holds intervals in its own coordinates
 * (the value on a numeric axis, the category index on a categorical one, as valueOf gives), and a
 * run stays when, on every brushed axis, its coordinate lies in one of that axis' intervals. A run
 * with no coordinate on a brushed axis (missing, non-finite) is filtered out: it is not in the range.
 */
export type Interval = readonly [number, number];
export type Brush = ReadonlyMap<string, readonly Interval[]>;

export function inBrush(run: HParamRun, axes: readonly HParamAxis[], brush: Brush): boolean {
  for (const axis of axes) {
    const intervals = brush.get(axis.key);
    if (!intervals || intervals.length === 0) continue;
    const value = valueOf(run, axis);
    if (value === null) return false;
    if (!intervals.some(([a, b]) => value >= Math.min(a, b) && value <= Math.max(a, b))) return false;
  }
  return true;
}

export function filterByBrush<R extends HParamRun>(runs: readonly R[], axes: readonly HParamAxis[], brush: Brush): R[] {
  return runs.filter((run) => inBrush(run, axes, brush));
}

/** The brush with one axis' intervals replaced; an empty list clears that axis. */
export function withAxisBrush(brush: Brush, key: string, intervals: readonly Interval[]): Brush {
  const next = new Map(brush);
  if (intervals.length === 0) next.delete(key);
  else next.set(key, intervals);
  return next;
}
