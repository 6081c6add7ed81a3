import type { Db } from './open-database';

/** One graph per run, kept as the JSON it came in: it is only ever read whole. */
export function runGraphSchema(table: string): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${table} (
    run_id TEXT PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    graph TEXT NOT NULL
  ) WITHOUT ROWID`,
  ];
}

export interface StoredGraph<T> {
  version: number;
  graph: T;
}

/** The table of one graph kind (layers, ops): another graph of the run replaces the stored one. */
export class RunGraphTable<T> {
  private readonly upsert;
  private readonly select;

  constructor(db: Db, table: string, private readonly version: number) {
    this.upsert = db.prepare(`INSERT OR REPLACE INTO ${table} VALUES (?, ?, ?)`);
    this.select = db.prepare(`SELECT version, graph FROM ${table} WHERE run_id = ?`);
  }

  write(runId: string, graph: T): void {
    this.upsert.run(runId, this.version, JSON.stringify(graph));
  }

  /** As stored, in whatever payload version it was written; readers refuse versions they do not know. */
  read(runId: string): StoredGraph<T> | null {
    const row = this.select.get(runId) as { version: number; graph: string } | undefined;
    return row ? { version: row.version, graph: JSON.parse(row.graph) as T } : null;
  }
}
