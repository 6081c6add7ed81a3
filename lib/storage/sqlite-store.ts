import type { RunStartFields, RunStatus } from '../protocol/ingest-messages';
import { addRunColumns } from './sqlite/add-run-columns';
import { Db, openDatabase } from './sqlite/open-database';
import { RUN_SCHEMA, RunTable } from './sqlite/run-table';
import { RunTombstones, TOMBSTONE_SCHEMA } from './sqlite/run-tombstones';
import { TAG_SCHEMA, TagTable } from './sqlite/tag-table';
import type { RunOwnership, RunPatch, RunRecord, Store } from './store';

/**
 * The embedded engine: one SQLite file, one writer connection shared by ingest and queries.
 * Each kind builds its tables on `db` and `tags` (lib/kinds/<kind>/sqlite-table.ts); the kinds'
 * schemas come in from the one place that lists the kinds.
 */
export class SqliteStore implements Store {
  readonly db: Db;
  /** Tag ids and per-tag counts and latest points, shared by every kind. */
  readonly tags: TagTable;
  private readonly runs: RunTable;
  private readonly tombstones: RunTombstones;

  constructor(readonly path: string, kindSchemas: readonly string[] = []) {
    this.db = openDatabase(path, [...RUN_SCHEMA, ...TOMBSTONE_SCHEMA, ...TAG_SCHEMA, ...kindSchemas]);
    addRunColumns(this.db);
    this.runs = new RunTable(this.db);
    this.tags = new TagTable(this.db);
    this.tombstones = new RunTombstones(this.db);
  }

  upsertRun(run: RunStartFields, secretHash: string | null = null): void {
    this.runs.upsertRun(run, secretHash);
  }

  runOwnership(runId: string): RunOwnership | null {
    return this.runs.ownership(runId);
  }

  setRunStatus(runId: string, status: RunStatus, error: string | null, at: number): boolean {
    return this.runs.setStatus(runId, status, error, at);
  }

  noteHeard(runId: string, at: number): void {
    this.runs.noteHeard(runId, at);
  }

  runsInStatus(status: RunStatus): RunRecord[] {
    return this.runs.listInStatus(status);
  }

  hasRun(runId: string): boolean {
    return this.runs.get(runId) !== null;
  }

  getRun(runId: string): RunRecord | null {
    return this.runs.get(runId);
  }

  listRuns(): RunRecord[] {
    return this.runs.list();
  }

  updateRun(runId: string, patch: RunPatch): boolean {
    return this.runs.update(runId, patch);
  }

  deleteRun(runId: string, at: number = Date.now()): boolean {
    if (!this.runs.delete(runId)) return false;
    this.tombstones.add(runId, at);
    return true;
  }

  deletedAt(runId: string): number | null {
    return this.tombstones.deletedAt(runId);
  }

  touchRun(runId: string, at: number): void {
    this.runs.touchRun(runId, at);
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  close(): void {
    this.db.close();
  }
}
