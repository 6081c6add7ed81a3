import type { Db } from '../../storage/sqlite/open-database';
import type { ScalarColumnsData } from './points';
import { ROLLUP_LEVELS } from './rollup';

type Row = [step: number, wallTime: number, value: number | null];

/**
 * A step logged again (a resumed run, a TensorBoard file re-read) takes its last written value, as
 * TensorBoard shows it. Inserting ignores stored steps; this then updates the ones whose value or
 * time differ and rebuilds the rollup buckets around them, since min/max cannot forget a value.
 */
export class ScalarReplacer {
  private readonly update;
  private readonly selectRange;
  private readonly putRollup;

  constructor(db: Db) {
    this.update = db.prepare(`UPDATE scalars SET wall_time = ?, value = ?
      WHERE tag_id = ? AND step = ? AND (value IS NOT ? OR wall_time <> ?)`);
    this.selectRange = db.prepare(`SELECT step, wall_time, value FROM scalars WHERE tag_id = ? AND step >= ? AND step < ? ORDER BY step`).raw(true);
    this.putRollup = db.prepare(`INSERT OR REPLACE INTO scalar_rollups VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  }

  /** Call after inserting the columns, in the same transaction. Returns the steps whose stored point changed. */
  replace(tagId: number, { steps, wallTimes, values }: ScalarColumnsData): number[] {
    const changed: number[] = [];
    for (let i = 0; i < steps.length; i++) {
      const value = Number.isNaN(values[i]) ? null : values[i];
      if (this.update.run(wallTimes[i], value, tagId, steps[i], value, wallTimes[i]).changes > 0) changed.push(steps[i]);
    }
    if (changed.length > 0) this.rebuild(tagId, changed);
    return changed;
  }

  private rebuild(tagId: number, steps: readonly number[]): void {
    for (const level of ROLLUP_LEVELS) {
      for (const bucket of new Set(steps.map((s) => Math.floor(s / level)))) {
        const rows = this.selectRange.all(tagId, bucket * level, (bucket + 1) * level) as Row[];
        let min: Row | null = null;
        let max: Row | null = null;
        let nan: Row | null = null;
        for (const row of rows) {
          if (row[2] === null) nan ??= row;
          else {
            if (!min || row[2] < min[2]!) min = row;
            if (!max || row[2] > max[2]!) max = row;
          }
        }
        this.putRollup.run(tagId, level, bucket, min?.[0] ?? null, min?.[1] ?? null, min?.[2] ?? null, max?.[0] ?? null, max?.[1] ?? null, max?.[2] ?? null, nan?.[0] ?? null, nan?.[1] ?? null);
      }
    }
  }
}
