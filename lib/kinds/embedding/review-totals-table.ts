import type { Db } from '../../storage/sqlite/open-database';

/**
 * How many positive and negative training reviews a run's vocabulary counted, which log-odds
 * are relative to. A table of its own rather than columns of `vocabulary`: database files made
 * before these totals existed would need a migration, and a run without them simply has no row.
 */
export const REVIEW_TOTALS_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS review_totals (
    run_id TEXT PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
    positive_reviews INTEGER NOT NULL,
    negative_reviews INTEGER NOT NULL
  )`,
];

export interface ReviewTotalsFields {
  positiveReviews?: number;
  negativeReviews?: number;
}

export class ReviewTotalsTable {
  private readonly upsert;
  private readonly clear;
  private readonly select;

  constructor(db: Db) {
    this.upsert = db.prepare(`INSERT OR REPLACE INTO review_totals VALUES (?, ?, ?)`);
    this.clear = db.prepare(`DELETE FROM review_totals WHERE run_id = ?`);
    this.select = db.prepare(`SELECT positive_reviews, negative_reviews FROM review_totals WHERE run_id = ?`);
  }

  /** Replaces the run's totals; a vocabulary without them clears any older ones. */
  write(runId: string, v: ReviewTotalsFields): void {
    if (v.positiveReviews === undefined || v.negativeReviews === undefined) this.clear.run(runId);
    else this.upsert.run(runId, v.positiveReviews, v.negativeReviews);
  }

  /** Spread into a vocabulary: empty when the run has no totals. */
  read(runId: string): ReviewTotalsFields {
    const row = this.select.get(runId) as { positive_reviews: number; negative_reviews: number } | undefined;
    return row ? { positiveReviews: row.positive_reviews, negativeReviews: row.negative_reviews } : {};
  }
}
