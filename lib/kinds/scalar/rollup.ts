import type { ScalarColumnsData } from './points';

/**
 * Step widths of the pre-aggregated min/max buckets kept beside the raw points. A long series is
 * served from the finest level that is small enough, so a million-point tag reads a few thousand rows.
 */
export const ROLLUP_LEVELS = [64, 512, 4096, 32768] as const;

/** Series up to this many points are read raw and downsampled in memory. */
export const RAW_READ_LIMIT = 65_536;

/** One bucket's extremes as indices into the columns (-1: none); NaN is kept apart because SQL's min/max skip it. */
export interface RollupBucket {
  level: number;
  bucket: number;
  min: number;
  max: number;
  nan: number;
}

/** Aggregates points into the buckets of every level; min, max and first NaN make re-adding a point harmless. */
export function rollUp({ steps, values }: ScalarColumnsData): RollupBucket[] {
  const out: RollupBucket[] = [];
  for (const level of ROLLUP_LEVELS) {
    // Points mostly arrive in step order, so the bucket of the previous point is usually the one.
    const buckets = new Map<number, RollupBucket>();
    let b: RollupBucket | undefined;
    for (let i = 0; i < steps.length; i++) {
      const bucket = Math.floor(steps[i] / level);
      if (b?.bucket !== bucket) {
        b = buckets.get(bucket);
        if (!b) {
          b = { level, bucket, min: -1, max: -1, nan: -1 };
          buckets.set(bucket, b);
          out.push(b);
        }
      }
      const v = values[i];
      if (Number.isNaN(v)) {
        if (b.nan < 0 || steps[i] < steps[b.nan]) b.nan = i;
      } else {
        if (b.min < 0 || v < values[b.min]) b.min = i;
        if (b.max < 0 || v > values[b.max]) b.max = i;
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
