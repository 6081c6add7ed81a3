import type { RunStartFields, RunStatus } from '../protocol/ingest-messages';
import type { RunSource } from '../protocol/run-source';

/** A run as the API and the dashboard see it. Times are ms since the epoch. */
export interface RunRecord {
  id: string;
  name: string;
  model: string;
  backend: string;
  config: Record<string, unknown>;
  status: RunStatus;
  error: string | null;
  startedAt: number;
  updatedAt: number;
  finishedAt: number | null;
  /** The TensorBoard logdir an imported run was read from; null for a run Tensorlens recorded. */
  source: RunSource | null;
  /** When the server last heard from the run's trainer (its clock, not the trainer's); null before that. */
  heardAt: number | null;
  /** The user's labels for the run, in the order given. */
  tags: string[];
  note: string;
  /** Archived runs are hidden from the run list unless asked for. */
  archived: boolean;
}

/** Who may take a run over: whoever holds the secret its first run.start carried (stored hashed). */
export interface RunOwnership {
  status: RunStatus;
  secretHash: string | null;
}

/** What a user may change about a run; an absent field stays as it is. */
export interface RunPatch {
  name?: string;
  tags?: string[];
  note?: string;
  archived?: boolean;
}

/**
 * The one storage interface in front of every data kind: the runs, and the transaction each kind
 * writes its own tables in. It does not grow per kind: a kind's tables and readers live in
 * lib/kinds/<kind>/. Callers never see SQL, so another engine can stand behind it later.
 */
export interface Store {
  readonly path: string;
  /** Creates the run, owned by `secretHash`, or updates its description; never its status or owner. */
  upsertRun(run: RunStartFields, secretHash?: string | null): void;
  runOwnership(runId: string): RunOwnership | null;
  /** Returns false when the run is unknown. */
  setRunStatus(runId: string, status: RunStatus, error: string | null, at: number): boolean;
  hasRun(runId: string): boolean;
  /** Records when the server last heard from the run. */
  noteHeard(runId: string, at: number): void;
  /** The runs in one status: cheap enough to poll. */
  runsInStatus(status: RunStatus): RunRecord[];
  getRun(runId: string): RunRecord | null;
  /** Newest first. */
  listRuns(): RunRecord[];
  /** Applies the user's changes; returns false when the run is unknown. */
  updateRun(runId: string, patch: RunPatch): boolean;
  /**
   * Removes the run's row, and with it every row that references it (ON DELETE CASCADE). Tables
   * keyed by tag id do not cascade: call inside a transaction after the kinds removed theirs.
   * The id is kept as deleted at `at` (now by default), so the run is never started again under it.
   * Returns false when the run is unknown.
   */
  deleteRun(runId: string, at?: number): boolean;
  /** When the run with this id was deleted, or null when it never was. */
  deletedAt(runId: string): number | null;
  /** Data of the run arrived at `at`: its updated time moves forward, never back. */
  touchRun(runId: string, at: number): void;
  /** Runs `fn` in one transaction: all of it is stored or none. A nested call joins the outer one. */
  transaction<T>(fn: () => T): T;
  close(): void;
}
