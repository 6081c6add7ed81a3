/** How often one word occurs across the training reviews, as the trainer's vocabulary records it. */
export interface WordDocCounts {
  positiveDocs: number;
  negativeDocs: number;
}

/** How many positive and negative reviews the counts were taken from. */
export interface ReviewTotals {
  positiveReviews: number;
  negativeReviews: number;
}

/**
 * Log-odds ratio of a word appearing in a positive review versus a negative one, with `prior`
 * pseudo-documents added to every cell so a word seen once does not get an infinite score.
 * Words that occur in no review (the reserved padding/start/unknown indices) score 0: neutral.
 */
export function wordLogOdds(counts: WordDocCounts, totals: ReviewTotals, prior = 1): number {
  const { positiveDocs: pos, negativeDocs: neg } = counts;
  if (pos + neg === 0) return 0;
  const positiveOdds = (pos + prior) / (totals.positiveReviews - pos + prior);
  const negativeOdds = (neg + prior) / (totals.negativeReviews - neg + prior);
  return Math.log(positiveOdds / negativeOdds);
}

/** Scores a whole vocabulary, indexed like the embedding rows, for colouring the projector. */
export function sentimentLogOdds(
  words: readonly WordDocCounts[],
  totals: ReviewTotals,
  prior = 1,
): Float32Array {
  const out = new Float32Array(words.length);
  for (let i = 0; i < words.length; i++) out[i] = wordLogOdds(words[i], totals, prior);
  return out;
}
