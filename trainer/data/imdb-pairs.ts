import { seededRandom } from '../../lib/seeded-random';
import { padSequences } from './pad-sequences';
import { randomWindow, reviewWords } from './review-words';

export interface ImdbPairsOptions {
  /** loadImdb's padded training sequences. */
  sequences: Int32Array;
  reviews: number;
  maxLen: number;
  /** Words per snippet. */
  snippetLength: number;
  /** Share of the words the paraphrase drops. */
  dropRate?: number;
  seed: number;
}

export interface ImdbPairs {
  /** Row-major (reviews × snippetLength), 'pre'-padded. */
  left: Int32Array;
  right: Int32Array;
  /** 1 when the right snippet is the left one with words dropped. */
  same: Float32Array;
}

/**
 * Sentence pairs for the siamese LSTM: each review gives a random snippet on the left. For
 * half the pairs the right snippet is the same passage with a share of its words dropped
 * (a crude paraphrase); for the rest it is a snippet of another review. Telling them apart
 * needs both branches: neither snippet alone says anything about the target.
 */
export function imdbPairs(options: ImdbPairsOptions): ImdbPairs {
  const { sequences, reviews, maxLen, snippetLength, dropRate = 0.25, seed } = options;
  if (reviews < 2) throw new Error(`imdbPairs: needs at least two reviews, got ${reviews}`);
  const uniform = seededRandom(seed);
  const snippet = (row: number) => randomWindow(reviewWords(sequences, row, maxLen), snippetLength, uniform);
  const left: Int32Array[] = [];
  const right: Int32Array[] = [];
  const same = new Float32Array(reviews);
  for (let row = 0; row < reviews; row++) {
    const words = snippet(row);
    same[row] = uniform() < 0.5 ? 1 : 0;
    left.push(words);
    if (same[row]) {
      right.push(words.filter(() => uniform() >= dropRate));
    } else {
      const other = (row + 1 + Math.floor(uniform() * (reviews - 1))) % reviews;
      right.push(snippet(other));
    }
  }
  return { left: padSequences(left, snippetLength), right: padSequences(right, snippetLength), same };
}
