import { seededRandom } from '../../lib/seeded-random';
import { padSequences } from './pad-sequences';
import { randomWindow, reviewWords } from './review-words';
import { INDEX_FROM } from './vocabulary';

export interface ImdbClozeOptions {
  /** loadImdb's padded training sequences. */
  sequences: Int32Array;
  reviews: number;
  maxLen: number;
  /** The answers are the `answers` most frequent words. */
  answers: number;
  /** Words of review text around the blank (the blank itself not counted). */
  textLength: number;
  /** Words of the question on each side of the blank. */
  context: number;
  seed: number;
}

export interface ImdbCloze {
  /** Row-major (count × textLength), 'pre'-padded. */
  text: Int32Array;
  /** Row-major (count × questionLength), 'pre'-padded. */
  question: Int32Array;
  /** Answer class: word index − FIRST_ANSWER_INDEX. */
  answer: Int32Array;
  count: number;
  questionLength: number;
}

/** Keras' IMDB index of the most frequent word. */
export const FIRST_ANSWER_INDEX = INDEX_FROM + 1;
/** Marks the blank inside the question: the index keras.datasets.imdb never gives a word. */
export const BLANK_INDEX = INDEX_FROM;

/**
 * A cloze task from IMDB reviews for the two-input QA model. For each review, one
 * occurrence of a frequent word is the answer; the text is a window of the review around
 * it with that word removed, and the question is the words either side of the gap with a
 * blank marker between them ("… the film [BLANK] a waste …"). Reviews without a frequent
 * word are skipped. Windows near a review's start or end come out shorter, so both inputs
 * are of variable length before padding.
 */
export function imdbCloze(options: ImdbClozeOptions): ImdbCloze {
  const { sequences, reviews, maxLen, answers, textLength, context, seed } = options;
  const uniform = seededRandom(seed);
  const questionLength = 2 * context + 1;
  const texts: Int32Array[] = [];
  const questions: Int32Array[] = [];
  const answer: number[] = [];
  for (let row = 0; row < reviews; row++) {
    const words = reviewWords(sequences, row, maxLen);
    const window = randomWindow(words, textLength + 1, uniform);
    const candidates: number[] = [];
    window.forEach((w, i) => w >= FIRST_ANSWER_INDEX && w < FIRST_ANSWER_INDEX + answers && candidates.push(i));
    if (!candidates.length) continue;
    const gap = candidates[Math.floor(uniform() * candidates.length)];
    texts.push(Int32Array.from([...window.subarray(0, gap), ...window.subarray(gap + 1)]));
    const left = window.subarray(Math.max(0, gap - context), gap);
    const right = window.subarray(gap + 1, gap + 1 + context);
    questions.push(Int32Array.from([...left, BLANK_INDEX, ...right]));
    answer.push(window[gap] - FIRST_ANSWER_INDEX);
  }
  return {
    text: padSequences(texts, textLength),
    question: padSequences(questions, questionLength),
    answer: Int32Array.from(answer),
    count: answer.length,
    questionLength,
  };
}
