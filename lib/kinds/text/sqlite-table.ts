import type { Db } from '../../storage/sqlite/open-database';
import type { TagTable } from '../../storage/sqlite/tag-table';
import { TEXT_KIND, type TextEntry, type TextStep, type TextTagInfo } from './meta';

/** One row per tag and step. The first text stored at a step stays: a resend, or another text there, changes nothing. */
export const TEXT_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS texts (
    tag_id INTEGER NOT NULL,
    step INTEGER NOT NULL,
    wall_time REAL NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (tag_id, step)
  ) WITHOUT ROWID`,
];

export class TextTable {
  private readonly insert;
  private readonly select;
  private readonly stepsOf;
  readonly deleteRun: (runId: string) => void;

  constructor(db: Db, private readonly tags: TagTable) {
    this.insert = db.prepare(`INSERT OR IGNORE INTO texts VALUES (?, ?, ?, ?)`);
    this.select = db.prepare(`SELECT step, wall_time AS wallTime, text FROM texts WHERE tag_id = ? ORDER BY step`);
    this.stepsOf = db.prepare(`SELECT step FROM texts WHERE tag_id = ? ORDER BY step`).pluck();
    this.deleteRun = tags.runRowsDeleter('texts', TEXT_KIND);
  }

  /** Call inside a transaction. Returns the entries that were not stored before. */
  write(runId: string, entries: readonly TextEntry[]): TextEntry[] {
    const fresh: TextEntry[] = [];
    for (const e of entries) {
      const tagId = this.tags.idFor(runId, TEXT_KIND, e.tag);
      if (this.insert.run(tagId, e.step, e.wallTime, e.text).changes === 0) continue;
      fresh.push(e);
      this.tags.noteWritten(tagId, 1, e.step, e.step, e.wallTime, NaN);
    }
    return fresh;
  }

  listTags(runId: string): TextTagInfo[] {
    return this.tags.list(runId, TEXT_KIND).map((row) => ({ tag: row.name, steps: this.stepsOf.all(row.id) as number[] }));
  }

  /** Every step's text of one tag, or null when the run has no such tag. */
  read(runId: string, tag: string): TextStep[] | null {
    const row = this.tags.get(runId, TEXT_KIND, tag);
    return row ? (this.select.all(row.id) as TextStep[]) : null;
  }
}
