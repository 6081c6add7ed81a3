import type { Db } from './open-database';

/**
 * Ids of deleted runs, kept after their rows go: a trainer that reconnects after its run was
 * deleted would otherwise start it again, empty, under the same id. Rows are a few bytes a run.
 */
export const TOMBSTONE_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS deleted_runs (
    id TEXT PRIMARY KEY,
    deleted_at REAL NOT NULL
  ) WITHOUT ROWID`,
];

export class RunTombstones {
  private readonly insert;
  private readonly one;

  constructor(db: Db) {
    this.insert = db.prepare(`INSERT OR REPLACE INTO deleted_runs (id, deleted_at) VALUES (?, ?)`);
    this.one = db.prepare(`SELECT deleted_at FROM deleted_runs WHERE id = ?`).pluck();
  }

  add(runId: string, at: number): void {
    this.insert.run(runId, at);
  }

  /** When the run was deleted, or null when it never was. */
  deletedAt(runId: string): number | null {
    return (this.one.get(runId) as number | undefined) ?? null;
  }
}
