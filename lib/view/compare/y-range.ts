/**
 * The value axis' range over what is visible. Ignoring outliers takes the 5th to 95th percentile,
 * as TensorBoard's "ignore outliers in chart scaling" does, so one spike does not flatten every
 * line; either way a little room is left above and below. On a log axis the room is a factor.
 */
const OUTLIER_QUANTILE = 0.05;
const PADDING = 0.05;

function quantile(sorted: Float64Array, q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/** `lists`: the visible values of each line, as the lines hold them (not copied into one array on every redraw). */
export function yRange(lists: readonly (readonly number[])[], ignoreOutliers: boolean, logScale: boolean): { min: number; max: number } | null {
  let count = 0;
  for (const list of lists) count += list.length;
  if (count === 0) return null;
  let min = Infinity;
  let max = -Infinity;
  if (ignoreOutliers) {
    const sorted = new Float64Array(count);
    let at = 0;
    for (const list of lists) for (let i = 0; i < list.length; i++) sorted[at++] = list[i];
    sorted.sort();
    min = quantile(sorted, OUTLIER_QUANTILE);
    max = quantile(sorted, 1 - OUTLIER_QUANTILE);
  } else {
    for (const list of lists) {
      for (let i = 0; i < list.length; i++) {
        const v = list[i];
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
  }
  if (logScale) {
    const ratio = Math.max(max / min, 1 + 1e-9) ** PADDING;
    return { min: min / ratio, max: max * ratio };
  }
  const pad = (max - min) * PADDING || Math.abs(max) * PADDING || 1;
  min -= pad;
  max += pad;
  return { min, max };
}
