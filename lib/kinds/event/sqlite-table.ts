import type { Db } from '../../storage/sqlite/open-database';
import type { EventValue, TrainingEvent } from './meta';

/** The reason is part of the key: two events of one kind at one step are distinct when they say different things. */
export const EVENT_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS events (
    run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    step INTEGER NOT NULL,
    kind TEXT NOT NULL,
    reason TEXT NOT NULL,
    wall_time REAL NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (run_id, step, kind, reason)
  ) WITHOUT ROWID`,
];

interface EventRow {
  step: number;
  kind: string;
  reason: string;
  wall_time: number;
  data: string;
}

export class EventTable {
  private readonly insert;
  private readonly selectAll;
  private readonly selectKind;

  constructor(db: Db) {
    this.insert = db.prepare(`INSERT OR IGNORE INTO events VALUES (?, ?, ?, ?, ?, ?)`);
    this.selectAll = db.prepare(`SELECT step, kind, reason, wall_time, data FROM events WHERE run_id = ? ORDER BY step, wall_time`);
    this.selectKind = db.prepare(`SELECT step, kind, reason, wall_time, data FROM events WHERE run_id = ? AND kind = ? ORDER BY step, wall_time`);
  }

  /** Call inside a transaction. Returns how many events were not stored before. */
  write(runId: string, events: readonly TrainingEvent[]): number {
    let added = 0;
    for (const e of events) added += this.insert.run(runId, e.step, e.kind, e.reason, e.wallTime, JSON.stringify(e.data)).changes;
    return added;
  }

  read(runId: string, kind?: string): TrainingEvent[] {
    const rows = (kind === undefined ? this.selectAll.all(runId) : this.selectKind.all(runId, kind)) as EventRow[];
    return rows.map((r) => ({ step: r.step, wallTime: r.wall_time, kind: r.kind, reason: r.reason, data: JSON.parse(r.data) as Record<string, EventValue> }));
  }
}
