import type { SqliteStore } from '../../storage/sqlite-store';
import { EMBEDDING_KIND } from './meta';
import { PROJECTION_SCHEMA, ProjectionTable } from './projection-table';
import { REVIEW_TOTALS_SCHEMA, ReviewTotalsTable } from './review-totals-table';
import { EMBEDDING_SCHEMA, EmbeddingTable } from './sqlite-table';
import type { Vocabulary } from './vocabulary-schema';
import { VOCABULARY_SCHEMA, VocabularyTable } from './vocabulary-table';

export const EMBEDDING_KIND_SCHEMA = [...VOCABULARY_SCHEMA, ...REVIEW_TOTALS_SCHEMA, ...EMBEDDING_SCHEMA, ...PROJECTION_SCHEMA];

/** The embedding kind's tables: snapshots, their cached layouts, and the words their rows stand for. */
export class EmbeddingTables {
  readonly snapshots: EmbeddingTable;
  readonly projections: ProjectionTable;
  private readonly words: VocabularyTable;
  private readonly reviewTotals: ReviewTotalsTable;
  private readonly deleteRows: ((runId: string) => void)[];

  constructor(store: SqliteStore) {
    this.snapshots = new EmbeddingTable(store.db, store.tags);
    this.projections = new ProjectionTable(store.db, store.tags);
    this.words = new VocabularyTable(store.db);
    this.reviewTotals = new ReviewTotalsTable(store.db);
    // Vocabulary and review totals reference the run and cascade; snapshots and layouts are keyed by tag.
    this.deleteRows = ['embedding_snapshots', 'embedding_chunks', 'embedding_projections'].map((table) => store.tags.runRowsDeleter(table, EMBEDDING_KIND));
  }

  /** Call inside a transaction, before the run's tags go. */
  deleteRun(runId: string): void {
    for (const deleteRows of this.deleteRows) deleteRows(runId);
  }

  /** Call inside a transaction: replaces the run's vocabulary and its review totals. */
  writeVocabulary(runId: string, vocabulary: Vocabulary): void {
    this.words.write(runId, vocabulary);
    this.reviewTotals.write(runId, vocabulary);
  }

  /** Other runs whose words are this run's, row for row: their embeddings can be compared word by word. */
  runsWithSameVocabulary(runId: string): string[] {
    const words = this.words.read(runId)?.words;
    if (!words) return [];
    return this.words.runsOfSize(words.length).filter((other) => other !== runId && this.words.read(other)!.words.every((w, i) => w === words[i]));
  }

  readVocabulary(runId: string): Vocabulary | null {
    const vocabulary = this.words.read(runId);
    return vocabulary && { ...vocabulary, ...this.reviewTotals.read(runId) };
  }
}
