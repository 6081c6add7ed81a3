import type { Db } from '../../storage/sqlite/open-database';
import type { Vocabulary } from './vocabulary-schema';

export const VOCABULARY_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS vocabulary (
    run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    word TEXT NOT NULL,
    count INTEGER NOT NULL,
    positive_docs INTEGER,
    negative_docs INTEGER,
    PRIMARY KEY (run_id, idx)
  ) WITHOUT ROWID`,
  // A neighbour query looks one word up among 80,000 rather than reading them all.
  `CREATE INDEX IF NOT EXISTS vocabulary_word ON vocabulary (run_id, word, idx)`,
];

export interface VocabularyRow {
  idx: number;
  word: string;
  count: number;
  positive_docs: number | null;
  negative_docs: number | null;
}

export class VocabularyTable {
  private readonly clear;
  private readonly insert;
  private readonly select;
  private readonly ofSize;
  private readonly find;
  private readonly size;
  private readonly some;

  constructor(private readonly db: Db) {
    this.clear = db.prepare(`DELETE FROM vocabulary WHERE run_id = ? AND idx >= ?`);
    this.insert = db.prepare(`INSERT OR REPLACE INTO vocabulary VALUES (?, ?, ?, ?, ?, ?)`);
    this.select = db.prepare(`SELECT idx, word, count, positive_docs, negative_docs FROM vocabulary WHERE run_id = ? ORDER BY idx`);
    this.ofSize = db.prepare(`SELECT v.run_id FROM vocabulary v WHERE v.idx = ?
      AND NOT EXISTS (SELECT 1 FROM vocabulary w WHERE w.run_id = v.run_id AND w.idx = ?)`);
    this.find = db.prepare(`SELECT min(idx) AS idx FROM vocabulary WHERE run_id = ? AND word = ?`);
    this.size = db.prepare(`SELECT count(*) AS n FROM vocabulary WHERE run_id = ?`);
    this.some = db.prepare(`SELECT idx, word, count, positive_docs, negative_docs FROM vocabulary
      WHERE run_id = ? AND idx IN (SELECT value FROM json_each(?))`);
  }

  /**
   * The first index of `word`, or null. These three lookups see every stored row: while slices
   * still arrive, a word past a gap is found a little before `read` lists it.
   */
  indexOf(runId: string, word: string): number | null {
    return (this.find.get(runId, word) as { idx: number | null }).idx;
  }

  count(runId: string): number {
    return (this.size.get(runId) as { n: number }).n;
  }

  /** The entries at `indices` that the vocabulary has, by index. */
  at(runId: string, indices: readonly number[]): Map<number, VocabularyRow> {
    const rows = this.some.all(runId, JSON.stringify(indices)) as VocabularyRow[];
    return new Map(rows.map((r) => [r.idx, r]));
  }

  /**
   * Replaces the rows a vocabulary (or a slice of one) carries and drops any past its total, so a
   * resend, or the slices in any order, store it once.
   */
  write(runId: string, v: Vocabulary): void {
    const offset = v.offset ?? 0;
    this.db.transaction(() => {
      this.clear.run(runId, v.total ?? v.words.length);
      v.words.forEach((word, i) => {
        this.insert.run(runId, offset + i, word, v.counts[i], v.positiveDocs?.[i] ?? null, v.negativeDocs?.[i] ?? null);
      });
    })();
  }

  /** The runs whose vocabulary has exactly `size` words: the only ones that can share a run's. */
  runsOfSize(size: number): string[] {
    return (this.ofSize.all(size - 1, size) as { run_id: string }[]).map((r) => r.run_id);
  }

  /** Only the rows from 0 that have arrived: a slice after a missing one waits until the gap is filled. */
  read(runId: string): Vocabulary | null {
    const stored = this.select.all(runId) as VocabularyRow[];
    const gap = stored.findIndex((r, i) => r.idx !== i);
    const rows = gap < 0 ? stored : stored.slice(0, gap);
    if (rows.length === 0) return null;
    const hasDocs = rows[0].positive_docs !== null;
    return {
      words: rows.map((r) => r.word),
      counts: rows.map((r) => r.count),
      ...(hasDocs ? { positiveDocs: rows.map((r) => r.positive_docs ?? 0), negativeDocs: rows.map((r) => r.negative_docs ?? 0) } : {}),
    };
  }
}
