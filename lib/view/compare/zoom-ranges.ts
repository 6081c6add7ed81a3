import type { XAxis } from '../../compare/url-state';
import type { CompareData } from './compare-data';
import type { ChartRun } from './chart-lines';
import { xOfRun } from './chart-lines';

/**
 * The steps of each run that a zoom window in x covers, for reading that range again: on a step
 * axis the window itself; on a time axis, found in the run's held points (times grow with steps).
 */
export function zoomRanges(tag: string, runs: readonly ChartRun[], data: CompareData, axis: XAxis, byStep: boolean, [x0, x1]: readonly [number, number]): Map<string, [number, number]> {
  const ranges = new Map<string, [number, number]>();
  for (const run of runs) {
    if (axis === 'step' || byStep) {
      ranges.set(run.id, [Math.max(0, Math.floor(x0)), Math.ceil(x1)]);
      continue;
    }
    const points = data.store(run.id)?.get(tag)?.points ?? [];
    const x = xOfRun(axis, run.startedAt);
    const inside = points.filter((p) => x(p[0], p[1]) >= x0 && x(p[0], p[1]) <= x1);
    if (inside.length > 0) ranges.set(run.id, [inside[0][0], inside[inside.length - 1][0]]);
  }
  return ranges;
}
