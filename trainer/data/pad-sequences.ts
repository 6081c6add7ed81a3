export interface PadSequencesOptions {
  /** Where padding goes; Keras defaults to 'pre' so the review's end sits next to the output. */
  padding?: 'pre' | 'post';
  /** Which end is cut from long sequences; 'pre' drops the beginning, as Keras does. */
  truncating?: 'pre' | 'post';
  value?: number;
}

/** keras.utils.pad_sequences into one row-major (n × maxLen) tensor buffer. */
export function padSequences(
  sequences: readonly ArrayLike<number>[],
  maxLen: number,
  options: PadSequencesOptions = {},
): Int32Array {
  if (!Number.isInteger(maxLen) || maxLen <= 0) throw new Error(`maxLen must be a positive integer, got ${maxLen}`);
  const { padding = 'pre', truncating = 'pre', value = 0 } = options;
  const out = new Int32Array(sequences.length * maxLen).fill(value);
  sequences.forEach((sequence, row) => {
    const length = Math.min(sequence.length, maxLen);
    const from = truncating === 'pre' ? sequence.length - length : 0;
    const to = row * maxLen + (padding === 'pre' ? maxLen - length : 0);
    for (let i = 0; i < length; i++) out[to + i] = sequence[from + i];
  });
  return out;
}
