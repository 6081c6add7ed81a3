import type { FileCursor } from '../logdir/event-file';
import type { Db } from '../storage/sqlite/open-database';

/**
 * Where reading stopped in each event file, saved in the transaction that stores the records read
 * up to there: a second import or a restart while tailing resumes there and stores nothing twice.
 */
const CURSOR_SCHEMA = `CREATE TABLE IF NOT EXISTS logdir_cursors (
  file TEXT PRIMARY KEY,
  offset INTEGER NOT NULL,
  plugins TEXT NOT NULL
) WITHOUT ROWID`;

export class CursorTable {
  private readonly upsert;
  private readonly all;

  constructor(db: Db) {
    db.exec(CURSOR_SCHEMA);
    this.upsert = db.prepare(`INSERT OR REPLACE INTO logdir_cursors VALUES (?, ?, ?)`);
    this.all = db.prepare(`SELECT file, offset, plugins FROM logdir_cursors`);
  }

  /** Call in the transaction that stores the records read up to `cursor`. */
  save(file: string, cursor: FileCursor): void {
    this.upsert.run(file, cursor.offset, JSON.stringify(cursor.plugins));
  }

  /** Every saved cursor, by absolute file path. */
  load(): Record<string, FileCursor> {
    const rows = this.all.all() as { file: string; offset: number; plugins: string }[];
    return Object.fromEntries(rows.map((r) => [r.file, { offset: r.offset, plugins: JSON.parse(r.plugins) as Record<string, string> }]));
  }
}
