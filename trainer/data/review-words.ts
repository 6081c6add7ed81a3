import { PAD_INDEX, START_INDEX } from './vocabulary';

/**
 * One review's word indices out of loadImdb's row-major padded sequences: the 'pre' padding
 * and the start index dropped, a view onto the same buffer.
 */
export function reviewWords(sequences: Int32Array, row: number, maxLen: number): Int32Array {
  const review = sequences.subarray(row * maxLen, (row + 1) * maxLen);
  let from = 0;
  while (from < maxLen && review[from] === PAD_INDEX) from++;
  if (review[from] === START_INDEX) from++;
  return review.subarray(from);
}

/** `length` consecutive words starting at a random position (all of them when shorter). */
export function randomWindow(words: Int32Array, length: number, uniform: () => number): Int32Array {
  if (words.length <= length) return words;
  const start = Math.floor(uniform() * (words.length - length + 1));
  return words.subarray(start, start + length);
}
