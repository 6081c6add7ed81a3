import type { ScalarPoint } from './meta';

/**
 * Step widths of the pre-aggregated min/max buckets kept beside the raw points. A long series is
 * served from the finest level that is small enough, so a million-point tag reads a few thousand rows.
 */
export const ROLLUP_LEVELS = [64, 512, 4096, 32768] as const;

/** Series up to this many points are read raw and downsampled in memory. */
export const RAW_READ_LIMIT = 65_536;

/** One bucket's extremes; NaN points are kept apart because SQL's min/max skip them. */
export interface RollupBucket {
  level: number;
  bucket: number;
  min: ScalarPoint | null;
  max: ScalarPoint | null;
  nan: ScalarPoint | null;
}

/** Aggregates points into the buckets of every level; min, max and first NaN make re-adding a point harmless. */
export function rollUp(points: readonly ScalarPoint[]): RollupBucket[] {
  const out: RollupBucket[] = [];
  for (const level of ROLLUP_LEVELS) {
    // Points mostly arrive in step order, so the bucket of the previous point is usually the one.
    const buckets = new Map<number, RollupBucket>();
    let b: RollupBucket | undefined;
    for (const p of points) {
      const bucket = Math.floor(p.step / level);
      if (b?.bucket !== bucket) {
        b = buckets.get(bucket);
        if (!b) {
          b = { level, bucket, min: null, max: null, nan: null };
          buckets.set(bucket, b);
          out.push(b);
        }
      }
      if (Number.isNaN(p.value)) {
        if (!b.nan || p.step < b.nan.step) b.nan = p;
      } else {
        if (!b.min || p.value < b.min.value) b.min = p;
        if (!b.max || p.value > b.max.value) b.max = p;
      }
    }
  }
  return out;
}

/** The finest level whose bucket count over `span` steps stays within `maxRows`. */
export function chooseLevel(span: number, maxRows: number): number {
  for (const level of ROLLUP_LEVELS) {
    if (Math.ceil(span / level) <= maxRows) return level;
  }
  return ROLLUP_LEVELS[ROLLUP_LEVELS.length - 1];
}
