import type { Db } from '../../storage/sqlite/open-database';
import type { TagTable } from '../../storage/sqlite/tag-table';
import type { RunStatus } from '../../protocol/ingest-messages';
import { HISTOGRAM_KIND, HistogramSnapshot, HistogramTagInfo, HistogramTagRun } from './meta';

/** One row per tensor per step; bucket counts packed as a blob of float64 (counts can pass 2^32). */
export const HISTOGRAM_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS histograms (
    tag_id INTEGER NOT NULL,
    step INTEGER NOT NULL,
    wall_time REAL NOT NULL,
    min REAL NOT NULL,
    max REAL NOT NULL,
    count INTEGER NOT NULL,
    sum REAL NOT NULL,
    sum_squares REAL NOT NULL,
    nan_count INTEGER NOT NULL,
    pos_inf_count INTEGER NOT NULL,
    neg_inf_count INTEGER NOT NULL,
    counts BLOB NOT NULL,
    PRIMARY KEY (tag_id, step)
  ) WITHOUT ROWID`,
];

interface HistogramRow {
  step: number;
  wall_time: number;
  min: number;
  max: number;
  count: number;
  sum: number;
  sum_squares: number;
  nan_count: number;
  pos_inf_count: number;
  neg_inf_count: number;
  counts: Buffer;
}

export class HistogramTable {
  private readonly insert;
  private readonly replace;
  private readonly select;
  private readonly runsWith;
  private readonly stepsOf;
  readonly deleteRun: (runId: string) => void;

  constructor(db: Db, private readonly tags: TagTable) {
    this.insert = db.prepare(`INSERT OR IGNORE INTO histograms VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.replace = db.prepare(`UPDATE histograms SET wall_time = ?, min = ?, max = ?, count = ?, sum = ?, sum_squares = ?,
      nan_count = ?, pos_inf_count = ?, neg_inf_count = ?, counts = ? WHERE tag_id = ? AND step = ?`);
    this.select = db.prepare(`SELECT * FROM histograms WHERE tag_id = ? ORDER BY step`);
    this.runsWith = db.prepare(`SELECT tags.id, runs.id AS run_id, runs.name, runs.status, runs.started_at FROM tags
      JOIN runs ON runs.id = tags.run_id
      WHERE tags.kind = '${HISTOGRAM_KIND}' AND tags.name = ? AND tags.count > 0 ORDER BY runs.started_at DESC`);
    this.stepsOf = db.prepare(`SELECT step FROM histograms WHERE tag_id = ? ORDER BY step`).pluck();
    this.deleteRun = tags.runRowsDeleter('histograms', HISTOGRAM_KIND);
  }

  /**
   * Call inside a transaction. One snapshot per (run, tag, step): a step logged again takes the
   * snapshot written last, as TensorBoard shows it. Returns how many steps were new.
   */
  write(runId: string, snapshots: readonly HistogramSnapshot[]): number {
    let added = 0;
    for (const h of snapshots) {
      const tagId = this.tags.idFor(runId, HISTOGRAM_KIND, h.tag);
      const blob = Buffer.from(Float64Array.from(h.counts).buffer);
      const fields = [h.wallTime, h.min, h.max, h.count, h.sum, h.sumSquares, h.nanCount, h.posInfCount, h.negInfCount, blob] as const;
      const fresh = this.insert.run(tagId, h.step, ...fields).changes;
      if (fresh === 0) this.replace.run(...fields, tagId, h.step);
      added += fresh;
      // The tag's latest value is the tensor's mean, so listings can show something without reading rows.
      const finite = h.count - h.nanCount - h.posInfCount - h.negInfCount;
      this.tags.noteWritten(tagId, fresh, h.step, h.step, h.wallTime, finite > 0 ? h.sum / finite : NaN);
    }
    return added;
  }

  listTags(runId: string): HistogramTagInfo[] {
    return this.tags.stepRanges(runId, HISTOGRAM_KIND);
  }

  /** Newest run first. */
  listRunsWithTag(tag: string): HistogramTagRun[] {
    const rows = this.runsWith.all(tag) as { id: number; run_id: string; name: string; status: RunStatus; started_at: number }[];
    return rows.map((r) => ({ runId: r.run_id, name: r.name, status: r.status, startedAt: r.started_at, steps: this.stepsOf.all(r.id) as number[] }));
  }

  read(runId: string, tag: string): HistogramSnapshot[] | null {
    const row = this.tags.get(runId, HISTOGRAM_KIND, tag);
    if (!row) return null;
    return (this.select.all(row.id) as HistogramRow[]).map((r) => ({
      tag,
      step: r.step,
      wallTime: r.wall_time,
      min: r.min,
      max: r.max,
      count: r.count,
      sum: r.sum,
      sumSquares: r.sum_squares,
      nanCount: r.nan_count,
      posInfCount: r.pos_inf_count,
      negInfCount: r.neg_inf_count,
      counts: Array.from(new Float64Array(r.counts.buffer.slice(r.counts.byteOffset, r.counts.byteOffset + r.counts.byteLength))),
    }));
  }
}
