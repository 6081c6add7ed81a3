import type { Db } from '../../storage/sqlite/open-database';
import { OP_GRAPH_VERSION, type OpGraph } from './meta';

/** One op graph per run, as JSON: it is only ever read whole. */
export const OP_GRAPH_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS op_graphs (
    run_id TEXT PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    graph TEXT NOT NULL
  ) WITHOUT ROWID`,
];

export class OpGraphTable {
  private readonly upsert;
  private readonly select;

  constructor(db: Db) {
    this.upsert = db.prepare(`INSERT OR REPLACE INTO op_graphs VALUES (?, ?, ?)`);
    this.select = db.prepare(`SELECT version, graph FROM op_graphs WHERE run_id = ?`);
  }

  write(runId: string, graph: OpGraph): void {
    this.upsert.run(runId, OP_GRAPH_VERSION, JSON.stringify(graph));
  }

  /** Null when the run has none, or one stored in another version. */
  read(runId: string): OpGraph | null {
    const row = this.select.get(runId) as { version: number; graph: string } | undefined;
    return row?.version === OP_GRAPH_VERSION ? (JSON.parse(row.graph) as OpGraph) : null;
  }
}
