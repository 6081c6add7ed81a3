import type { Db } from './open-database';
import type { RunStartFields, RunStatus } from '../../protocol/ingest-messages';
import type { RunSource } from '../../protocol/run-source';
import type { RunOwnership, RunPatch, RunRecord } from '../store';

export const RUN_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS runs (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    model TEXT NOT NULL,
    backend TEXT NOT NULL,
    config TEXT NOT NULL,
    status TEXT NOT NULL,
    error TEXT,
    started_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    finished_at REAL
  )`,
  `CREATE INDEX IF NOT EXISTS runs_by_start ON runs (started_at)`,
];

interface RunRow {
  id: string;
  name: string;
  model: string;
  backend: string;
  config: string;
  status: RunStatus;
  error: string | null;
  started_at: number;
  updated_at: number;
  finished_at: number | null;
  heard_at: number | null;
  secret_hash: string | null;
  source: string | null;
  user_name: string | null;
  user_tags: string;
  note: string;
  archived: number;
}

function toRecord(row: RunRow): RunRecord {
  return {
    id: row.id,
    name: row.user_name ?? row.name,
    model: row.model,
    backend: row.backend,
    config: JSON.parse(row.config) as Record<string, unknown>,
    status: row.status,
    error: row.error,
    startedAt: row.started_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
    heardAt: row.heard_at,
    source: row.source === null ? null : (JSON.parse(row.source) as RunSource),
    tags: JSON.parse(row.user_tags) as string[],
    note: row.note,
    archived: row.archived === 1,
  };
}

/** SQL for the runs table only; points live in each kind's own tables. */
export class RunTable {
  private readonly upsert;
  private readonly status;
  private readonly touch;
  private readonly one;
  private readonly all;
  private readonly heard;
  private readonly inStatus;
  private readonly annotate;
  private readonly remove;

  constructor(db: Db) {
    // A resent run.start (after a reconnect) must not reset the status of a run that already ended,
    // nor its owner's secret.
    this.upsert = db.prepare(`INSERT INTO runs (id, name, model, backend, config, status, started_at, updated_at, secret_hash, source)
      VALUES (@id, @name, @model, @backend, @config, 'running', @startedAt, @startedAt, @secretHash, @source)
      ON CONFLICT(id) DO UPDATE SET name = excluded.name, model = excluded.model,
        backend = excluded.backend, config = excluded.config, source = excluded.source`);
    this.status = db.prepare(`UPDATE runs SET status = ?, error = ?, updated_at = max(updated_at, ?),
      finished_at = CASE WHEN ? = 'running' THEN NULL ELSE ? END WHERE id = ?`);
    this.touch = db.prepare(`UPDATE runs SET updated_at = max(updated_at, ?) WHERE id = ?`);
    this.one = db.prepare(`SELECT * FROM runs WHERE id = ?`);
    this.all = db.prepare(`SELECT * FROM runs ORDER BY started_at DESC`);
    this.heard = db.prepare(`UPDATE runs SET heard_at = max(coalesce(heard_at, 0), ?) WHERE id = ?`);
    this.inStatus = db.prepare(`SELECT * FROM runs WHERE status = ?`);
    // A NULL parameter leaves its column as it is: one statement for any subset of the fields.
    this.annotate = db.prepare(`UPDATE runs SET user_name = coalesce(@name, user_name), user_tags = coalesce(@tags, user_tags),
      note = coalesce(@note, note), archived = coalesce(@archived, archived) WHERE id = @id`);
    this.remove = db.prepare(`DELETE FROM runs WHERE id = ?`);
  }

  noteHeard(runId: string, at: number): void {
    this.heard.run(at, runId);
  }

  listInStatus(status: RunStatus): RunRecord[] {
    return (this.inStatus.all(status) as RunRow[]).map(toRecord);
  }

  upsertRun(run: RunStartFields, secretHash: string | null): void {
    const { id, name, model, backend, startedAt } = run;
    const source = run.source ? JSON.stringify(run.source) : null;
    this.upsert.run({ id, name, model, backend, startedAt, config: JSON.stringify(run.config), secretHash, source });
  }

  ownership(runId: string): RunOwnership | null {
    const row = this.one.get(runId) as RunRow | undefined;
    return row ? { status: row.status, secretHash: row.secret_hash } : null;
  }

  setStatus(runId: string, status: RunStatus, error: string | null, at: number): boolean {
    return this.status.run(status, error, at, status, at, runId).changes > 0;
  }

  touchRun(runId: string, at: number): void {
    this.touch.run(at, runId);
  }

  update(runId: string, patch: RunPatch): boolean {
    return (
      this.annotate.run({
        id: runId,
        name: patch.name ?? null,
        tags: patch.tags ? JSON.stringify(patch.tags) : null,
        note: patch.note ?? null,
        archived: patch.archived === undefined ? null : Number(patch.archived),
      }).changes > 0
    );
  }

  delete(runId: string): boolean {
    return this.remove.run(runId).changes > 0;
  }

  get(runId: string): RunRecord | null {
    const row = this.one.get(runId) as RunRow | undefined;
    return row ? toRecord(row) : null;
  }

  list(): RunRecord[] {
    return (this.all.all() as RunRow[]).map(toRecord);
  }
}
