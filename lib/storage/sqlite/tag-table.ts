import type { Db } from './open-database';

export const TAG_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS tags (
    id INTEGER PRIMARY KEY,
    run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    count INTEGER NOT NULL DEFAULT 0,
    first_step INTEGER,
    last_step INTEGER,
    last_wall REAL,
    last_value REAL,
    UNIQUE (run_id, kind, name)
  )`,
];

export interface TagRow {
  id: number;
  name: string;
  count: number;
  first_step: number;
  last_step: number;
  last_wall: number;
  last_value: number | null;
}

export interface TagStepRange {
  tag: string;
  count: number;
  firstStep: number;
  lastStep: number;
}

/**
 * Tag ids keep the point tables narrow: a point row is (tag id, step) → value.
 * Each kind keeps its own point count and latest point here so listings never scan points.
 * Ids are looked up, never cached: an id handed out inside a transaction that then rolls back
 * would be handed out again to the next new tag, and the two tags would merge.
 */
export class TagTable {
  private readonly find;
  private readonly insert;
  private readonly bump;
  private readonly listOf;
  private readonly listOfKind;
  private readonly oneOf;

  constructor(private readonly db: Db) {
    this.find = db.prepare(`SELECT id FROM tags WHERE run_id = ? AND kind = ? AND name = ?`);
    this.insert = db.prepare(`INSERT INTO tags (run_id, kind, name) VALUES (?, ?, ?)`);
    this.bump = db.prepare(`UPDATE tags SET count = count + @added,
      first_step = min(coalesce(first_step, @firstStep), @firstStep),
      last_wall = CASE WHEN last_step IS NULL OR @lastStep >= last_step THEN @lastWall ELSE last_wall END,
      last_value = CASE WHEN last_step IS NULL OR @lastStep >= last_step THEN @lastValue ELSE last_value END,
      last_step = max(coalesce(last_step, @lastStep), @lastStep)
      WHERE id = @id`);
    this.listOf = db.prepare(`SELECT * FROM tags WHERE run_id = ? AND kind = ? AND count > 0 ORDER BY name`);
    this.listOfKind = db.prepare(`SELECT * FROM tags WHERE kind = ? AND count > 0 ORDER BY run_id, name`);
    this.oneOf = db.prepare(`SELECT * FROM tags WHERE run_id = ? AND kind = ? AND name = ?`);
  }

  idFor(runId: string, kind: string, name: string): number {
    const row = this.find.get(runId, kind, name) as { id: number } | undefined;
    return row ? row.id : Number(this.insert.run(runId, kind, name).lastInsertRowid);
  }

  /**
   * A kind's tables keyed by tag id have no foreign key to cascade from the run, so the kind deletes
   * its rows through this before the run (and its tags) go: one statement per table, made once.
   */
  runRowsDeleter(table: string, kind: string): (runId: string) => void {
    const statement = this.db.prepare(`DELETE FROM ${table} WHERE tag_id IN (SELECT id FROM tags WHERE run_id = ? AND kind = ?)`);
    return (runId) => statement.run(runId, kind);
  }

  /** Records `added` new points whose step range and latest point are given. */
  noteWritten(id: number, added: number, firstStep: number, lastStep: number, lastWall: number, lastValue: number): void {
    this.bump.run({ id, added, firstStep, lastStep, lastWall, lastValue: Number.isNaN(lastValue) ? null : lastValue });
  }

  list(runId: string, kind: string): TagRow[] {
    return this.listOf.all(runId, kind) as TagRow[];
  }

  /** Every run's tags of one kind in one statement: a listing of all runs would make one per run. */
  listEveryRun(kind: string): (TagRow & { run_id: string })[] {
    return this.listOfKind.all(kind) as (TagRow & { run_id: string })[];
  }

  /** The run's tags of one kind with how many steps each holds and their first and last. */
  stepRanges(runId: string, kind: string): TagStepRange[] {
    return this.list(runId, kind).map((row) => ({ tag: row.name, count: row.count, firstStep: row.first_step, lastStep: row.last_step }));
  }

  get(runId: string, kind: string, name: string): TagRow | null {
    const row = this.oneOf.get(runId, kind, name) as TagRow | undefined;
    return row && row.count > 0 ? row : null;
  }
}
