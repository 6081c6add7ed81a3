import type { Db } from '../../storage/sqlite/open-database';
import type { TagTable } from '../../storage/sqlite/tag-table';
import { SCALAR_KIND } from './meta';
import type { LastPoint, ScalarColumnsData, ScalarPoint } from './points';
import { downsampleMinMax } from './downsample';
import { ScalarReplacer } from './replace-points';
import { RAW_READ_LIMIT, chooseLevel, rollUp } from './rollup';

/** SQLite stores NaN as NULL, so NULL in a value column means NaN; Infinity is stored as is. */
export const SCALAR_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS scalars (
    tag_id INTEGER NOT NULL,
    step INTEGER NOT NULL,
    wall_time REAL NOT NULL,
    value REAL,
    PRIMARY KEY (tag_id, step)
  ) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS scalar_rollups (
    tag_id INTEGER NOT NULL,
    level INTEGER NOT NULL,
    bucket INTEGER NOT NULL,
    min_step INTEGER, min_wall REAL, min_value REAL,
    max_step INTEGER, max_wall REAL, max_value REAL,
    nan_step INTEGER, nan_wall REAL,
    PRIMARY KEY (tag_id, level, bucket)
  ) WITHOUT ROWID`,
];

export interface ScalarTagInfo {
  tag: string;
  count: number;
  firstStep: number;
  lastStep: number;
  last: LastPoint;
}

export interface ScalarSeries {
  tag: string;
  /** Points stored for the tag, before downsampling. */
  count: number;
  downsampled: boolean;
  points: ScalarPoint[];
}

/** Inclusive bounds of a zoomed view. */
export interface StepRange {
  from: number;
  to: number;
}

type PointRow = [step: number, wallTime: number, value: number | null];
type RollupRow = [number | null, number | null, number | null, number | null, number | null, number | null, number | null, number | null];

const valueOf = (v: number | null): number => (v === null ? NaN : v);

/**
 * A rollup row's min, max and NaN points (null: none) in step order, without an array and a sort
 * per row: a chart of fifty runs reads ten thousand rows.
 */
function pushByStep(out: ScalarPoint[], a: ScalarPoint | null, b: ScalarPoint | null, c: ScalarPoint | null): void {
  let t: ScalarPoint | null;
  // A null sorts last, so that only the first points pushed are points.
  if (b !== null && (a === null || b[0] < a[0])) (t = a), (a = b), (b = t);
  if (c !== null && (b === null || c[0] < b[0])) (t = b), (b = c), (c = t);
  if (b !== null && (a === null || b[0] < a[0])) (t = a), (a = b), (b = t);
  if (a !== null) out.push(a);
  if (b !== null) out.push(b);
  if (c !== null) out.push(c);
}

/** Rows per multi-row INSERT: one statement call per chunk instead of per point. */
const CHUNK = 128;

export class ScalarTable {
  private readonly insert;
  private readonly insertChunk;
  private readonly upsertRollup;
  private readonly selectRaw;
  private readonly selectRawRange;
  private readonly selectRollupRange;
  private readonly deleteRows;
  private readonly replacer;

  constructor(db: Db, private readonly tags: TagTable) {
    this.replacer = new ScalarReplacer(db);
    this.insert = db.prepare(`INSERT OR IGNORE INTO scalars (tag_id, step, wall_time, value) VALUES (?, ?, ?, ?)`);
    this.insertChunk = db.prepare(`INSERT OR IGNORE INTO scalars (tag_id, step, wall_time, value) VALUES ${Array(CHUNK).fill('(?, ?, ?, ?)').join(', ')}`);
    // Every SET expression sees the old row, so each extreme is compared before it is replaced.
    this.upsertRollup = db.prepare(`INSERT INTO scalar_rollups VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (tag_id, level, bucket) DO UPDATE SET
        min_step = CASE WHEN min_value IS NULL OR excluded.min_value < min_value THEN excluded.min_step ELSE min_step END,
        min_wall = CASE WHEN min_value IS NULL OR excluded.min_value < min_value THEN excluded.min_wall ELSE min_wall END,
        min_value = CASE WHEN min_value IS NULL OR excluded.min_value < min_value THEN excluded.min_value ELSE min_value END,
        max_step = CASE WHEN max_value IS NULL OR excluded.max_value > max_value THEN excluded.max_step ELSE max_step END,
        max_wall = CASE WHEN max_value IS NULL OR excluded.max_value > max_value THEN excluded.max_wall ELSE max_wall END,
        max_value = CASE WHEN max_value IS NULL OR excluded.max_value > max_value THEN excluded.max_value ELSE max_value END,
        nan_wall = CASE WHEN nan_step IS NULL OR excluded.nan_step < nan_step THEN excluded.nan_wall ELSE nan_wall END,
        nan_step = CASE WHEN nan_step IS NULL OR excluded.nan_step < nan_step THEN excluded.nan_step ELSE nan_step END`);
    this.selectRaw = db.prepare(`SELECT step, wall_time, value FROM scalars WHERE tag_id = ? ORDER BY step`).raw(true);
    this.selectRawRange = db.prepare(`SELECT step, wall_time, value FROM scalars WHERE tag_id = ? AND step BETWEEN ? AND ? ORDER BY step`).raw(true);
    this.selectRollupRange = db
      .prepare(`SELECT min_step, min_wall, min_value, max_step, max_wall, max_value, nan_step, nan_wall
        FROM scalar_rollups WHERE tag_id = ? AND level = ? AND bucket BETWEEN ? AND ? ORDER BY bucket`)
      .raw(true);
    this.deleteRows = ['scalars', 'scalar_rollups'].map((table) => tags.runRowsDeleter(table, SCALAR_KIND));
  }

  /** Call inside a transaction, before the run's tags go. */
  deleteRun(runId: string): void {
    for (const deleteRows of this.deleteRows) deleteRows(runId);
  }

  /**
   * Call inside a transaction. Returns the number of points that were not stored before. A step
   * already stored takes the value written last; a resend of the same values changes nothing.
   */
  write(runId: string, batch: readonly ScalarColumnsData[]): number {
    let added = 0;
    for (const columns of batch) {
      const tagId = this.tags.idFor(runId, SCALAR_KIND, columns.tag);
      const fresh = this.insertPoints(tagId, columns);
      // Rollups and the latest point are idempotent, so a partly resent batch may update them again.
      if (fresh > 0) this.writeRollups(tagId, columns);
      // After the rollups: the replacer rebuilds the buckets of the steps it changed from the stored rows.
      const replaced = fresh < columns.steps.length ? this.replacer.replace(tagId, columns).length : 0;
      if (fresh === 0 && replaced === 0) continue;
      added += fresh;
      const { steps, wallTimes, values } = columns;
      let first = 0;
      let last = 0;
      for (let i = 1; i < steps.length; i++) {
        if (steps[i] < steps[first]) first = i;
        if (steps[i] >= steps[last]) last = i;
      }
      this.tags.noteWritten(tagId, fresh, steps[first], steps[last], wallTimes[last], values[last]);
    }
    return added;
  }

  /** Returns how many of the points were not stored before. */
  private insertPoints(tagId: number, { steps, wallTimes, values }: ScalarColumnsData): number {
    let added = 0;
    let i = 0;
    // One parameter array reused for every chunk: ingest allocates nothing per point.
    const params: (number | null)[] = new Array(CHUNK * 4);
    for (; i + CHUNK <= steps.length; i += CHUNK) {
      for (let k = 0; k < CHUNK; k++) {
        params[k * 4] = tagId;
        params[k * 4 + 1] = steps[i + k];
        params[k * 4 + 2] = wallTimes[i + k];
        params[k * 4 + 3] = Number.isNaN(values[i + k]) ? null : values[i + k];
      }
      added += this.insertChunk.run(params).changes;
    }
    for (; i < steps.length; i++) {
      added += this.insert.run(tagId, steps[i], wallTimes[i], Number.isNaN(values[i]) ? null : values[i]).changes;
    }
    return added;
  }

  private writeRollups(tagId: number, columns: ScalarColumnsData): void {
    const { steps, wallTimes, values } = columns;
    const at = (i: number, column: readonly number[]) => (i < 0 ? null : column[i]);
    for (const b of rollUp(columns)) {
      this.upsertRollup.run(
        tagId, b.level, b.bucket,
        at(b.min, steps), at(b.min, wallTimes), at(b.min, values),
        at(b.max, steps), at(b.max, wallTimes), at(b.max, values),
        at(b.nan, steps), at(b.nan, wallTimes),
      );
    }
  }

  listTags(runId: string): ScalarTagInfo[] {
    return this.tags.list(runId, SCALAR_KIND).map((row) => ({
      tag: row.name,
      count: row.count,
      firstStep: row.first_step,
      lastStep: row.last_step,
      last: [row.last_step, row.last_wall, valueOf(row.last_value)],
    }));
  }

  /** Run id → tag → latest point, for every run with scalars. */
  lastPointsByRun(): Map<string, Record<string, LastPoint>> {
    const byRun = new Map<string, Record<string, LastPoint>>();
    for (const row of this.tags.listEveryRun(SCALAR_KIND)) {
      let points = byRun.get(row.run_id);
      if (!points) byRun.set(row.run_id, (points = {}));
      points[row.name] = [row.last_step, row.last_wall, valueOf(row.last_value)];
    }
    return byRun;
  }

  /**
   * The tag's points, or those in `range`, thinned to about `maxPoints`. A zoomed range reads the
   * finest rollup level that fits, so it shows spikes the whole series' level had merged away.
   */
  read(runId: string, tag: string, maxPoints: number, range?: StepRange): ScalarSeries | null {
    const row = this.tags.get(runId, SCALAR_KIND, tag);
    if (!row) return null;
    const from = Math.max(row.first_step, range?.from ?? row.first_step);
    const to = Math.min(row.last_step, range?.to ?? row.last_step);
    if (from > to) return { tag, count: row.count, downsampled: false, points: [] };
    // Steps are distinct integers, so a range holds at most its span of points.
    const whole = from === row.first_step && to === row.last_step;
    const raw = (whole ? row.count : to - from + 1) <= Math.max(RAW_READ_LIMIT, maxPoints);
    const candidates = raw ? this.readRaw(row.id, from, to, whole) : this.readRollup(row.id, from, to, maxPoints);
    const latest: ScalarPoint = [row.last_step, row.last_wall, valueOf(row.last_value)];
    if (to === row.last_step && candidates[candidates.length - 1]?.[0] !== latest[0]) candidates.push(latest);
    const points = downsampleMinMax(candidates, maxPoints);
    return { tag, count: row.count, downsampled: points.length < candidates.length || !raw, points };
  }

  /** The rows are already `[step, wallTime, value]`; only a NULL (NaN) value needs replacing. */
  private readRaw(tagId: number, from: number, to: number, whole = false): ScalarPoint[] {
    const rows = (whole ? this.selectRaw.all(tagId) : this.selectRawRange.all(tagId, from, to)) as PointRow[];
    for (const row of rows) if (row[2] === null) row[2] = NaN;
    return rows as ScalarPoint[];
  }

  /**
   * Each rollup row contributes its min, max and first NaN; the in-memory pass then merges rows.
   * Buckets that the range cuts through are read raw at both ends, so no extreme inside the range
   * is lost and none outside it comes in.
   */
  private readRollup(tagId: number, from: number, to: number, maxPoints: number): ScalarPoint[] {
    const level = chooseLevel(to - from + 1, maxPoints * 2);
    const first = Math.ceil(from / level);
    const last = Math.floor((to + 1) / level) - 1;
    if (first > last) return this.readRaw(tagId, from, to);
    const out: ScalarPoint[] = first * level > from ? this.readRaw(tagId, from, first * level - 1) : [];
    for (const r of this.selectRollupRange.all(tagId, level, first, last) as RollupRow[]) {
      const min: ScalarPoint | null = r[0] === null ? null : [r[0], r[1]!, valueOf(r[2])];
      const max: ScalarPoint | null = r[3] === null || r[3] === r[0] ? null : [r[3], r[4]!, valueOf(r[5])];
      pushByStep(out, min, max, r[6] === null ? null : [r[6], r[7]!, NaN]);
    }
    if ((last + 1) * level <= to) out.push(...this.readRaw(tagId, (last + 1) * level, to));
    return out;
  }
}
