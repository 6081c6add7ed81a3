import type { Db } from '../../storage/sqlite/open-database';
import type { TagTable } from '../../storage/sqlite/tag-table';
import { PR_CURVE_COLUMNS, PR_CURVE_KIND, type PrCurveData, type PrCurveSnapshot, type PrCurveTagInfo } from './meta';

/** One row per tag and step; the seven columns packed one after another as float64. */
export const PR_CURVE_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS pr_curves (
    tag_id INTEGER NOT NULL,
    step INTEGER NOT NULL,
    wall_time REAL NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (tag_id, step)
  ) WITHOUT ROWID`,
];

function pack(curve: PrCurveData): Buffer {
  return Buffer.from(Float64Array.from(PR_CURVE_COLUMNS.flatMap((name) => curve[name])).buffer);
}

function unpack(blob: Buffer): PrCurveData {
  const all = new Float64Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
  const k = all.length / PR_CURVE_COLUMNS.length;
  const column = (i: number) => Array.from(all.subarray(i * k, (i + 1) * k));
  return Object.fromEntries(PR_CURVE_COLUMNS.map((name, i) => [name, column(i)])) as unknown as PrCurveData;
}

export class PrCurveTable {
  private readonly insert;
  /** Call inside a transaction, before the run's tags go: these rows have no foreign key to cascade from. */
  readonly deleteRun: (runId: string) => void;
  private readonly replace;
  private readonly select;

  constructor(db: Db, private readonly tags: TagTable) {
    this.deleteRun = tags.runRowsDeleter('pr_curves', PR_CURVE_KIND);
    this.insert = db.prepare(`INSERT OR IGNORE INTO pr_curves VALUES (?, ?, ?, ?)`);
    this.replace = db.prepare(`UPDATE pr_curves SET wall_time = ?, data = ? WHERE tag_id = ? AND step = ?`);
    this.select = db.prepare(`SELECT step, wall_time, data FROM pr_curves WHERE tag_id = ? ORDER BY step`);
  }

  /** Call inside a transaction. A step logged again takes the curve written last. Returns how many steps were new. */
  write(runId: string, curves: readonly PrCurveSnapshot[]): number {
    let added = 0;
    for (const c of curves) {
      const tagId = this.tags.idFor(runId, PR_CURVE_KIND, c.tag);
      const data = pack(c);
      const fresh = this.insert.run(tagId, c.step, c.wallTime, data).changes;
      if (fresh === 0) this.replace.run(c.wallTime, data, tagId, c.step);
      added += fresh;
      this.tags.noteWritten(tagId, fresh, c.step, c.step, c.wallTime, NaN);
    }
    return added;
  }

  listTags(runId: string): PrCurveTagInfo[] {
    return this.tags.stepRanges(runId, PR_CURVE_KIND);
  }

  read(runId: string, tag: string): PrCurveSnapshot[] | null {
    const row = this.tags.get(runId, PR_CURVE_KIND, tag);
    if (!row) return null;
    const rows = this.select.all(row.id) as { step: number; wall_time: number; data: Buffer }[];
    return rows.map((r) => ({ tag, step: r.step, wallTime: r.wall_time, ...unpack(r.data) }));
  }
}
