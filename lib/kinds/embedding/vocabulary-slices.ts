import type { Vocabulary } from './vocabulary-schema';

/** JSON bytes of a slice's words and numbers: half a message, leaving room for escapes and the envelope. */
const SLICE_BYTES = 512 * 1024;

/** A word's share of a message: its JSON string and four numbers (count, positive and negative docs, commas). */
function wordBytes(word: string): number {
  return JSON.stringify(word).length + 4 * 9;
}

/**
 * A vocabulary cut into consecutive slices that each fit a message; one slice, unchanged, when the
 * whole fits. Every slice repeats the review totals and names the vocabulary's size.
 */
export function vocabularySlices(v: Vocabulary): Vocabulary[] {
  const total = v.words.length;
  const ends: number[] = [];
  let bytes = 0;
  for (let i = 0; i < total; i++) {
    const size = wordBytes(v.words[i]);
    if (bytes > 0 && bytes + size > SLICE_BYTES) {
      ends.push(i);
      bytes = 0;
    }
    bytes += size;
  }
  if (ends.length === 0) return [v];
  ends.push(total);
  return ends.map((end, i) => {
    const start = i === 0 ? 0 : ends[i - 1];
    return {
      ...v,
      words: v.words.slice(start, end),
      counts: v.counts.slice(start, end),
      ...(v.positiveDocs ? { positiveDocs: v.positiveDocs.slice(start, end) } : {}),
      ...(v.negativeDocs ? { negativeDocs: v.negativeDocs.slice(start, end) } : {}),
      offset: start,
      total,
    };
  });
}
