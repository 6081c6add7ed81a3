import type { Db } from '../../storage/sqlite/open-database';
import { GRAPH_VERSION, type ModelGraph } from './meta';

/** One graph per run, as the JSON it came in: it is only ever read whole. */
export const GRAPH_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS graphs (
    run_id TEXT PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    graph TEXT NOT NULL
  ) WITHOUT ROWID`,
];

export interface StoredGraph {
  version: number;
  graph: ModelGraph;
}

export class GraphTable {
  private readonly upsert;
  private readonly select;

  constructor(db: Db) {
    this.upsert = db.prepare(`INSERT OR REPLACE INTO graphs VALUES (?, ?, ?)`);
    this.select = db.prepare(`SELECT version, graph FROM graphs WHERE run_id = ?`);
  }

  /** A resent graph replaces the stored one. */
  write(runId: string, graph: ModelGraph): void {
    this.upsert.run(runId, GRAPH_VERSION, JSON.stringify(graph));
  }

  read(runId: string): StoredGraph | null {
    const row = this.select.get(runId) as { version: number; graph: string } | undefined;
    return row ? { version: row.version, graph: JSON.parse(row.graph) as ModelGraph } : null;
  }
}
