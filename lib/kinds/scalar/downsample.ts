import type { ScalarPoint } from './points';

/**
 * Min/max bucketing: each of `buckets` equal step ranges keeps its lowest and highest point,
 * so spikes survive, plus any NaN (a diverging loss must stay visible) and always the latest point.
 * Points are `[step, wallTime, value]` sorted by step, the shape the server reads and the chart holds.
 */
export function downsampleMinMax(points: readonly ScalarPoint[], maxPoints: number): ScalarPoint[] {
  if (points.length <= maxPoints) return points.slice();
  const buckets = Math.max(1, Math.floor(maxPoints / 2));
  const first = points[0][0];
  const span = points[points.length - 1][0] - first + 1;
  const out: ScalarPoint[] = [];
  let i = 0;
  for (let b = 0; b < buckets && i < points.length; b++) {
    const end = first + Math.ceil(((b + 1) * span) / buckets);
    let lo: ScalarPoint | null = null;
    let hi: ScalarPoint | null = null;
    let nan: ScalarPoint | null = null;
    for (; i < points.length && points[i][0] < end; i++) {
      const p = points[i];
      if (Number.isNaN(p[2])) nan ??= p;
      else {
        if (!lo || p[2] < lo[2]) lo = p;
        if (!hi || p[2] > hi[2]) hi = p;
      }
    }
    pushInStepOrder(out, [lo, hi, nan]);
  }
  const latest = points[points.length - 1];
  if (out[out.length - 1] !== latest) out.push(latest);
  return out;
}

/** Adds the distinct non-null points in step order, keeping the whole series sorted by step. */
function pushInStepOrder(out: ScalarPoint[], candidates: (ScalarPoint | null)[]): void {
  const picked = candidates.filter((p): p is ScalarPoint => p !== null).sort((a, b) => a[0] - b[0]);
  for (const p of picked) {
    if (out.length === 0 || out[out.length - 1][0] !== p[0]) out.push(p);
  }
}
