import type { RunStartFields, RunStatus } from '../protocol/ingest-messages';
import type { Vocabulary } from '../protocol/vocabulary-schema';
import type { LastPoint, ScalarColumnsData, ScalarPoint } from '../kinds/scalar/points';
import type { HistogramSnapshot } from '../kinds/histogram/meta';
import type { EmbeddingChunk, EmbeddingMatrix, EmbeddingSnapshotInfo, StoredProjection } from '../kinds/embedding/meta';
import type { ProjectionKey } from '../kinds/embedding/projection-table';
import type { TrainingEvent } from '../kinds/event/meta';
import type { ModelGraph } from '../kinds/graph/meta';
import type { StoredGraph } from '../kinds/graph/sqlite-table';
import type { HistogramTagInfo, HistogramTagRun } from '../kinds/histogram/sqlite-table';

export type { HistogramTagInfo, HistogramTagRun };

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
}

export interface RunSummary extends RunRecord {
  lastScalars: Record<string, LastPoint>;
}

export interface ScalarTagInfo {
  tag: string;
  count: number;
  firstStep: number;
  lastStep: number;
  last: LastPoint;
}

export interface ScalarSeries {
  tag: string;
  /** Points stored for the tag, before downsampling. */
  count: number;
  downsampled: boolean;
  points: ScalarPoint[];
}

export interface ReadScalarsOptions {
  /** Downsample to about this many points, keeping each bucket's min and max and the latest point. */
  maxPoints: number;
}

/**
 * The one storage interface in front of every data kind. Callers never see SQL,
 * so another engine can stand behind it later.
 */
export interface Store {
  readonly path: string;
  upsertRun(run: RunStartFields): void;
  /** Returns false when the run is unknown. */
  setRunStatus(runId: string, status: RunStatus, error: string | null, at: number): boolean;
  hasRun(runId: string): boolean;
  getRun(runId: string): RunSummary | null;
  listRuns(): RunSummary[];
  /** Stores points idempotently by (run, tag, step); returns how many were new. */
  writeScalars(runId: string, batch: readonly ScalarColumnsData[]): number;
  listScalarTags(runId: string): ScalarTagInfo[];
  readScalars(runId: string, tag: string, options: ReadScalarsOptions): ScalarSeries | null;
  /** Stores snapshots idempotently by (run, tag, step); returns how many were new. */
  writeHistograms(runId: string, snapshots: readonly HistogramSnapshot[]): number;
  listHistogramTags(runId: string): HistogramTagInfo[];
  readHistograms(runId: string, tag: string): HistogramSnapshot[] | null;
  /** Every run that recorded this histogram tag, newest first, with its steps. */
  listHistogramTagRuns(tag: string): HistogramTagRun[];
  writeVocabulary(runId: string, vocabulary: Vocabulary): void;
  readVocabulary(runId: string): Vocabulary | null;
  /** One graph per run: a resent graph replaces the stored one. */
  writeGraph(runId: string, graph: ModelGraph): void;
  readGraph(runId: string): StoredGraph | null;
  /** Stores events idempotently by (run, step, kind, reason); returns how many were new. */
  writeEvents(runId: string, events: readonly TrainingEvent[]): number;
  /** The run's events in step order, of one kind when `kind` is given. */
  readEvents(runId: string, kind?: string): TrainingEvent[];
  /**
   * Stores an embedding chunk idempotently by (run, tag, step, rowOffset); returns true when
   * it was the last missing one of its snapshot. A chunk that contradicts stored ones throws.
   */
  writeEmbeddingChunk(runId: string, chunk: EmbeddingChunk): boolean;
  /** Complete snapshots, by tag then step. */
  listEmbeddings(runId: string): EmbeddingSnapshotInfo[];
  readEmbedding(runId: string, tag: string, step: number): EmbeddingMatrix | null;
  readProjection(key: ProjectionKey): StoredProjection | null;
  writeProjection(key: ProjectionKey, result: StoredProjection): void;
  close(): void;
}
