/** One validation review as the model scored it. */
export interface ScoredReview {
  /** Its row in the validation data. */
  row: number;
  /** The model's p(positive). */
  probability: number;
  /** 1 = positive, 0 = negative. */
  label: number;
}

/** The reviews worth reading after an epoch: where the model is surest and wrong, and surest and right. */
export interface ReviewSelection {
  /** Negative reviews read as positive, the most confident first. */
  falsePositives: ScoredReview[];
  /** Positive reviews read as negative, the most confident first. */
  falseNegatives: ScoredReview[];
  /** Reviews read right, the most confident first. */
  confidentlyRight: ScoredReview[];
  /** Reviews with a finite prediction, and how many of them were read right. */
  scored: number;
  right: number;
}

/** Sure of itself by how far from undecided (0.5) it is; ties keep the earlier row. */
const byConfidence = (a: ScoredReview, b: ScoredReview) => Math.abs(b.probability - 0.5) - Math.abs(a.probability - 0.5) || a.row - b.row;

/**
 * Picks `count` of each group. A prediction above 0.5 reads as positive, the threshold of tfjs'
 * binary accuracy, so `right / scored` is the epoch's val_acc. A non-finite prediction (a diverged
 * model) is in no group.
 */
export function selectReviews(probabilities: ArrayLike<number>, labels: ArrayLike<number>, count = 5): ReviewSelection {
  const wrongPositive: ScoredReview[] = [];
  const wrongNegative: ScoredReview[] = [];
  const right: ScoredReview[] = [];
  for (let row = 0; row < probabilities.length; row++) {
    const probability = probabilities[row];
    if (!Number.isFinite(probability)) continue;
    const review = { row, probability, label: labels[row] };
    const readPositive = probability > 0.5;
    if (readPositive === (review.label === 1)) right.push(review);
    else (readPositive ? wrongPositive : wrongNegative).push(review);
  }
  const top = (reviews: ScoredReview[]) => reviews.sort(byConfidence).slice(0, count);
  const scored = wrongPositive.length + wrongNegative.length + right.length;
  return { falsePositives: top(wrongPositive), falseNegatives: top(wrongNegative), confidentlyRight: top(right), scored, right: right.length };
}
