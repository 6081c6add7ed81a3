import * as tf from '@tensorflow/tfjs';
import type { ModelData } from '../data/model-data';
import { reviewsMarkdown, decodeReview } from './review-markdown';
import { selectReviews } from './select-reviews';

/** The text tag the reviews are logged under. */
export const REVIEWS_TAG = 'misclassified';

/** Rows per predict() batch: the whole validation set in a few calls, without a large activation peak. */
const PREDICT_BATCH = 256;

/** What --text-freq reads after an epoch: the validation reviews fit() held out, and their words. */
export interface ValidationReviews {
  /** Token ids, one review per row. */
  x: tf.Tensor;
  /** 1 = positive, one per row. */
  labels: Float32Array;
  /** Index → word of the run's vocabulary. */
  words: readonly string[];
}

/**
 * The validation reviews of a one-input, one-output sigmoid classifier over a vocabulary (the
 * IMDB sentiment models), or why there are none. fit()'s validationSplit holds out the last rows.
 */
export function validationReviews(model: tf.LayersModel, x: ModelData, y: ModelData, firstRow: number, words: readonly string[] | undefined): ValidationReviews | string {
  const output = model.outputs.length === 1 ? model.outputs[0].shape : [];
  if (!(x instanceof tf.Tensor) || !(y instanceof tf.Tensor) || output.length !== 2 || output[1] !== 1 || !words) {
    return `${model.name} is not a review sentiment classifier (one input of word indices, one sigmoid output)`;
  }
  const rows = x.shape[0] - firstRow;
  if (rows <= 0) return 'there is no validation data (--validation-split 0)';
  const held = y.slice(firstRow, rows);
  const labels = Float32Array.from(held.dataSync());
  held.dispose();
  return { x: x.slice(firstRow, rows), labels, words };
}

/** One predict() over the validation reviews; only the rows shown are read back and decoded. */
export async function misclassifiedReviews(model: tf.LayersModel, reviews: ValidationReviews, epoch: number): Promise<string> {
  const predicted = model.predict(reviews.x, { batchSize: PREDICT_BATCH }) as tf.Tensor;
  const probabilities = await predicted.data();
  predicted.dispose();
  const selection = selectReviews(probabilities, reviews.labels);
  const rows = [...selection.falsePositives, ...selection.falseNegatives, ...selection.confidentlyRight].map((r) => r.row);
  let ids: number[][] = [];
  if (rows.length > 0) {
    const picked = tf.gather(reviews.x, rows);
    ids = (await picked.array()) as number[][];
    picked.dispose();
  }
  const texts = new Map(rows.map((row, i) => [row, decodeReview(ids[i], reviews.words)]));
  return reviewsMarkdown(selection, (row) => texts.get(row) ?? '', epoch);
}
