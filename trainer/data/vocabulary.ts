/** Reserved indices, as in keras.datasets.imdb (padding value, start_char, oov_char, index_from). */
export const PAD_INDEX = 0;
export const START_INDEX = 1;
export const OOV_INDEX = 2;
export const INDEX_FROM = 3;

/**
 * Keras' IMDB word_index ranks the most frequent word 1 and shifts every rank by index_from=3,
 * so the first word sits at 4 and index 3 is never produced; we keep it as '<unused>' so that
 * words[i] lines up with the indices in the sequences.
 */
const RESERVED = ['<pad>', '<start>', '<oov>', '<unused>'];

/** Index-aligned tables: words[i], counts[i] etc. describe sequence value i. Reserved indices have zero statistics. */
export interface Vocabulary {
  /** Keras num_words: every index in the sequences is below it. */
  numWords: number;
  words: string[];
  /** Occurrences in the training reviews. */
  counts: number[];
  /** Training reviews of each label containing the word at least once (for per-word log-odds). */
  positiveDocs: number[];
  negativeDocs: number[];
  /** Training reviews of each label: the totals the per-word doc counts are out of. */
  positiveReviews: number;
  negativeReviews: number;
  /** Distinct words in the training reviews before the num_words cut. */
  distinctWords: number;
}

export interface BuiltVocabulary {
  vocabulary: Vocabulary;
  /** Provisional id (from VocabularyBuilder.add) → sequence index, OOV_INDEX for cut or unseen words. */
  indexOf: Int32Array;
}

/**
 * Collects word statistics while interning tokens to provisional ids, so reviews can be
 * tokenized once and remapped after ranking instead of being kept as string arrays.
 */
export class VocabularyBuilder {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly counts: number[] = [];
  private readonly positiveDocs: number[] = [];
  private readonly negativeDocs: number[] = [];
  private readonly lastDoc: number[] = [];
  private docs = 0;
  private positiveReviews = 0;
  private negativeReviews = 0;

  /** Interns a review's tokens; a label (1 = positive) marks a training review that counts toward the ranking. */
  add(tokens: readonly string[], label?: number): Int32Array {
    const out = new Int32Array(tokens.length);
    const doc = label === undefined ? 0 : ++this.docs;
    const docCounts = label ? this.positiveDocs : this.negativeDocs;
    if (label !== undefined) {
      if (label) this.positiveReviews++;
      else this.negativeReviews++;
    }
    for (let i = 0; i < tokens.length; i++) {
      let id = this.ids.get(tokens[i]);
      if (id === undefined) {
        id = this.words.length;
        this.ids.set(tokens[i], id);
        this.words.push(tokens[i]);
        this.counts.push(0);
        this.positiveDocs.push(0);
        this.negativeDocs.push(0);
        this.lastDoc.push(0);
      }
      out[i] = id;
      if (doc === 0) continue;
      this.counts[id]++;
      if (this.lastDoc[id] !== doc) {
        this.lastDoc[id] = doc;
        docCounts[id]++;
      }
    }
    return out;
  }

  /** Ranks training words by frequency, ties by word (code-unit order, locale-independent) so runs are reproducible. */
  build(numWords: number): BuiltVocabulary {
    if (!Number.isInteger(numWords) || numWords <= INDEX_FROM) {
      throw new Error(`numWords must be an integer above ${INDEX_FROM} (indices 0-${INDEX_FROM} are reserved), got ${numWords}`);
    }
    const ranked: number[] = [];
    for (let id = 0; id < this.words.length; id++) if (this.counts[id] > 0) ranked.push(id);
    ranked.sort((a, b) => this.counts[b] - this.counts[a] || (this.words[a] < this.words[b] ? -1 : 1));

    const size = Math.min(numWords, ranked.length + RESERVED.length);
    const vocabulary: Vocabulary = {
      numWords,
      words: [...RESERVED],
      counts: [0, 0, 0, 0],
      positiveDocs: [0, 0, 0, 0],
      negativeDocs: [0, 0, 0, 0],
      positiveReviews: this.positiveReviews,
      negativeReviews: this.negativeReviews,
      distinctWords: ranked.length,
    };
    const indexOf = new Int32Array(this.words.length).fill(OOV_INDEX);
    for (let index = RESERVED.length; index < size; index++) {
      const id = ranked[index - RESERVED.length];
      indexOf[id] = index;
      vocabulary.words.push(this.words[id]);
      vocabulary.counts.push(this.counts[id]);
      vocabulary.positiveDocs.push(this.positiveDocs[id]);
      vocabulary.negativeDocs.push(this.negativeDocs[id]);
    }
    return { vocabulary, indexOf };
  }
}

/** Keras-style sequence of one review: start char, then word indices (OOV_INDEX for cut words). */
export function encodeReview(ids: Int32Array, indexOf: Int32Array): Int32Array {
  const sequence = new Int32Array(ids.length + 1);
  sequence[0] = START_INDEX;
  for (let i = 0; i < ids.length; i++) sequence[i + 1] = indexOf[ids[i]];
  return sequence;
}
