import { seededRandom } from '../../lib/seeded-random';
import { padSequences } from './pad-sequences';
import { randomWindow, reviewWords } from './review-words';

export interface ImdbPairsOptions {
  /** loadImdb's padded training sequences and their labels (1 = positive). */
  sequences: Int32Array;
  labels: Float32Array;
  reviews: number;
  maxLen: number;
  /** Words per snippet. */
  snippetLength: number;
  seed: number;
}

export interface ImdbPairs {
  /** Row-major (reviews × snippetLength), 'pre'-padded. */
  left: Int32Array;
  right: Int32Array;
  /** 1 when both snippets come from reviews of the same sentiment. */
  same: Float32Array;
}

/**
 * Sentence pairs for the siamese LSTM: each review gives a random snippet on the left and is
 * paired with a snippet of another review, of the same sentiment for half the pairs and of
 * the opposite one for the rest. The target, "same sentiment?", needs both branches: neither
 * snippet alone says anything about it.
 */
export function imdbPairs(options: ImdbPairsOptions): ImdbPairs {
  const { sequences, labels, reviews, maxLen, snippetLength, seed } = options;
  const uniform = seededRandom(seed);
  const byLabel: number[][] = [[], []];
  for (let row = 0; row < reviews; row++) byLabel[labels[row]].push(row);
  if (byLabel[0].length < 2 || byLabel[1].length < 2) throw new Error('imdbPairs: needs at least two reviews of each sentiment');
  const snippet = (row: number) => randomWindow(reviewWords(sequences, row, maxLen), snippetLength, uniform);
  const left: Int32Array[] = [];
  const right: Int32Array[] = [];
  const same = new Float32Array(reviews);
  for (let row = 0; row < reviews; row++) {
    same[row] = uniform() < 0.5 ? 1 : 0;
    const pool = byLabel[same[row] ? labels[row] : 1 - labels[row]];
    let other = pool[Math.floor(uniform() * pool.length)];
    if (other === row) other = pool[(pool.indexOf(row) + 1) % pool.length];
    left.push(snippet(row));
    right.push(snippet(other));
  }
  return { left: padSequences(left, snippetLength), right: padSequences(right, snippetLength), same };
}
