import type { SqliteStore } from '../../storage/sqlite-store';
import { wordLogOdds } from './log-odds';
import { EMBEDDING_KIND } from './meta';
import { PROJECTION_SCHEMA, ProjectionTable } from './projection-table';
import { REVIEW_TOTALS_SCHEMA, ReviewTotalsTable } from './review-totals-table';
import { EMBEDDING_SCHEMA, EmbeddingTable } from './sqlite-table';
import type { Vocabulary } from './vocabulary-schema';
import { VOCABULARY_SCHEMA, VocabularyTable } from './vocabulary-table';

/** One row's word, corpus count and sentiment log-odds (null without review counts). */
export interface WordEntry {
  word: string;
  count: number;
  logOdds: number | null;
}

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

  /**
   * The first row `word` names among `rows`, or -1; rows past the vocabulary answer to `#row`, as
   * wordTable names them. One indexed lookup, where wordTable reads the whole vocabulary.
   */
  findWord(runId: string, word: string, rows: number): number {
    const index = this.words.indexOf(runId, word);
    if (index !== null && index < rows) return index;
    const named = /^#(\d+)$/.exec(word);
    const row = named ? Number(named[1]) : -1;
    return named && String(row) === named[1] && row < rows && row >= this.words.count(runId) ? row : -1;
  }

  /** What wordTable holds for just these rows. */
  wordsAt(runId: string, indices: readonly number[]): WordEntry[] {
    // Row 0 says whether the vocabulary has document counts at all, as `read` decides it.
    const entries = this.words.at(runId, [0, ...indices]);
    const { positiveReviews, negativeReviews } = this.reviewTotals.read(runId);
    const totals = entries.get(0)?.positive_docs != null && positiveReviews !== undefined && negativeReviews !== undefined ? { positiveReviews, negativeReviews } : null;
    return indices.map((i) => {
      const e = entries.get(i);
      const docs = { positiveDocs: e?.positive_docs ?? 0, negativeDocs: e?.negative_docs ?? 0 };
      // Rounded as wordTable's Float32Array rounds it, so both answer the same number.
      return { word: e?.word ?? `#${i}`, count: e?.count ?? 0, logOdds: totals ? Math.fround(wordLogOdds(docs, totals)) : null };
    });
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
