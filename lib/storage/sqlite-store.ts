import type { RunStartFields, RunStatus } from '../protocol/ingest-messages';
import type { Vocabulary } from '../protocol/vocabulary-schema';
import type { LastPoint, ScalarColumnsData } from '../kinds/scalar/points';
import { SCALAR_SCHEMA, ScalarTable } from '../kinds/scalar/sqlite-table';
import { HISTOGRAM_SCHEMA, HistogramTable, HistogramTagInfo, HistogramTagRun } from '../kinds/histogram/sqlite-table';
import type { HistogramSnapshot } from '../kinds/histogram/meta';
import { EMBEDDING_SCHEMA, EmbeddingTable } from '../kinds/embedding/sqlite-table';
import { PROJECTION_SCHEMA, ProjectionKey, ProjectionTable } from '../kinds/embedding/projection-table';
import { REVIEW_TOTALS_SCHEMA, ReviewTotalsTable } from '../kinds/embedding/review-totals-table';
import type { EmbeddingChunk, EmbeddingMatrix, EmbeddingSnapshotInfo, StoredProjection } from '../kinds/embedding/meta';
import { EVENT_SCHEMA, EventTable } from '../kinds/event/sqlite-table';
import type { TrainingEvent } from '../kinds/event/meta';
import { Db, openDatabase } from './sqlite/open-database';
import { RUN_SCHEMA, RunTable } from './sqlite/run-table';
import { TAG_SCHEMA, TagTable } from './sqlite/tag-table';
import { VOCABULARY_SCHEMA, VocabularyTable } from './sqlite/vocabulary-table';
import { GRAPH_SCHEMA, GraphTable, type StoredGraph } from '../kinds/graph/sqlite-table';
import type { ModelGraph } from '../kinds/graph/meta';
import type { ReadScalarsOptions, RunRecord, RunSummary, ScalarSeries, ScalarTagInfo, Store } from './store';

const SCHEMA = [...RUN_SCHEMA, ...TAG_SCHEMA, ...SCALAR_SCHEMA, ...HISTOGRAM_SCHEMA, ...VOCABULARY_SCHEMA, ...GRAPH_SCHEMA, ...REVIEW_TOTALS_SCHEMA, ...EMBEDDING_SCHEMA, ...PROJECTION_SCHEMA, ...EVENT_SCHEMA];

/** The embedded engine: one SQLite file, one writer connection shared by ingest and queries. */
export class SqliteStore implements Store {
  private readonly db: Db;
  private readonly runs: RunTable;
  private readonly scalars: ScalarTable;
  private readonly histograms: HistogramTable;
  private readonly vocabulary: VocabularyTable;
  private readonly graphs: GraphTable;
  private readonly reviewTotals: ReviewTotalsTable;
  private readonly embeddings: EmbeddingTable;
  private readonly projections: ProjectionTable;
  private readonly events: EventTable;

  constructor(readonly path: string) {
    this.db = openDatabase(path, SCHEMA);
    this.runs = new RunTable(this.db);
    const tags = new TagTable(this.db);
    this.scalars = new ScalarTable(this.db, tags);
    this.histograms = new HistogramTable(this.db, tags);
    this.vocabulary = new VocabularyTable(this.db);
    this.graphs = new GraphTable(this.db);
    this.reviewTotals = new ReviewTotalsTable(this.db);
    this.embeddings = new EmbeddingTable(this.db, tags);
    this.projections = new ProjectionTable(this.db, tags);
    this.events = new EventTable(this.db);
  }

  upsertRun(run: RunStartFields): void {
    this.runs.upsertRun(run);
  }

  setRunStatus(runId: string, status: RunStatus, error: string | null, at: number): boolean {
    return this.runs.setStatus(runId, status, error, at);
  }

  hasRun(runId: string): boolean {
    return this.runs.get(runId) !== null;
  }

  getRun(runId: string): RunSummary | null {
    const run = this.runs.get(runId);
    return run ? this.summarise(run) : null;
  }

  listRuns(): RunSummary[] {
    return this.runs.list().map((run) => this.summarise(run));
  }

  writeScalars(runId: string, batch: readonly ScalarColumnsData[]): number {
    return this.db.transaction(() => {
      const added = this.scalars.write(runId, batch);
      let latest = 0;
      for (const { wallTimes } of batch) for (const t of wallTimes) latest = Math.max(latest, t);
      this.runs.touchRun(runId, latest);
      return added;
    })();
  }

  listScalarTags(runId: string): ScalarTagInfo[] {
    return this.scalars.listTags(runId);
  }

  readScalars(runId: string, tag: string, options: ReadScalarsOptions): ScalarSeries | null {
    return this.scalars.read(runId, tag, options.maxPoints);
  }

  writeHistograms(runId: string, snapshots: readonly HistogramSnapshot[]): number {
    return this.db.transaction(() => {
      const added = this.histograms.write(runId, snapshots);
      this.runs.touchRun(runId, Math.max(...snapshots.map((h) => h.wallTime)));
      return added;
    })();
  }

  listHistogramTags(runId: string): HistogramTagInfo[] {
    return this.histograms.listTags(runId);
  }

  readHistograms(runId: string, tag: string): HistogramSnapshot[] | null {
    return this.histograms.read(runId, tag);
  }

  listHistogramTagRuns(tag: string): HistogramTagRun[] {
    return this.histograms.listRunsWithTag(tag);
  }

  writeVocabulary(runId: string, vocabulary: Vocabulary): void {
    this.db.transaction(() => {
      this.vocabulary.write(runId, vocabulary);
      this.reviewTotals.write(runId, vocabulary);
    })();
  }

  writeGraph(runId: string, graph: ModelGraph): void {
    this.graphs.write(runId, graph);
  }

  readGraph(runId: string): StoredGraph | null {
    return this.graphs.read(runId);
  }

  readVocabulary(runId: string): Vocabulary | null {
    const vocabulary = this.vocabulary.read(runId);
    return vocabulary && { ...vocabulary, ...this.reviewTotals.read(runId) };
  }

  writeEvents(runId: string, events: readonly TrainingEvent[]): number {
    return this.db.transaction(() => {
      const added = this.events.write(runId, events);
      this.runs.touchRun(runId, Math.max(...events.map((e) => e.wallTime)));
      return added;
    })();
  }

  readEvents(runId: string, kind?: string): TrainingEvent[] {
    return this.events.read(runId, kind);
  }

  writeEmbeddingChunk(runId: string, chunk: EmbeddingChunk): boolean {
    return this.db.transaction(() => {
      const completed = this.embeddings.write(runId, chunk);
      this.runs.touchRun(runId, chunk.wallTime);
      return completed;
    })();
  }

  listEmbeddings(runId: string): EmbeddingSnapshotInfo[] {
    return this.embeddings.list(runId);
  }

  readEmbedding(runId: string, tag: string, step: number): EmbeddingMatrix | null {
    return this.embeddings.read(runId, tag, step);
  }

  readProjection(key: ProjectionKey): StoredProjection | null {
    return this.projections.read(key);
  }

  writeProjection(key: ProjectionKey, result: StoredProjection): void {
    this.projections.write(key, result);
  }

  close(): void {
    this.db.close();
  }

  private summarise(run: RunRecord): RunSummary {
    const lastScalars: Record<string, LastPoint> = {};
    for (const t of this.scalars.listTags(run.id)) lastScalars[t.tag] = t.last;
    return { ...run, lastScalars };
  }
}
