import { resolveImdbSource } from './imdb-source';
import { padSequences } from './pad-sequences';
import { readReviews } from './read-reviews';
import { tokenize } from './tokenize';
import { seededRandom } from '../../lib/seeded-random';
import { encodeReview, VocabularyBuilder, type Vocabulary } from './vocabulary';

export interface ImdbOptions {
  /** Archive (.tar.gz/.tgz/.tar) or extracted folder; see resolveImdbSource for the fallbacks. */
  path?: string;
  /** Keras num_words: words ranked at or beyond it become the OOV index 2. */
  numWords: number;
  maxLen: number;
  /** Random subset sizes; the vocabulary still comes from the full training set. */
  trainSamples?: number;
  testSamples?: number;
  seed?: number;
  cacheDir?: string;
  url?: string;
  log?: (message: string) => void;
}

export interface ImdbDataset {
  /** Row-major (trainCount × maxLen) padded sequences, each starting with the start index 1 before truncation. */
  xTrain: Int32Array;
  /** 1 = positive review. */
  yTrain: Float32Array;
  xTest: Int32Array;
  yTest: Float32Array;
  trainCount: number;
  testCount: number;
  maxLen: number;
  vocabulary: Vocabulary;
  /** Resolved archive or folder the reviews were read from. */
  source: string;
}

export const DEFAULT_SEED = 1337;

interface Example {
  ids: Int32Array;
  label: number;
  id: number;
}

/**
 * keras.datasets.imdb.load_data(num_words) + pad_sequences(maxlen) from the raw aclImdb reviews.
 * Both splits are shuffled with one seeded PRNG (train first) so sample subsets are random and
 * roughly balanced, yet identical across runs.
 */
export async function loadImdb(options: ImdbOptions): Promise<ImdbDataset> {
  const source = await resolveImdbSource(options);
  const builder = new VocabularyBuilder();
  const train: Example[] = [];
  const test: Example[] = [];
  await readReviews(source, ({ split, label, id, text }) => {
    const isTrain = split === 'train';
    const ids = builder.add(tokenize(text), isTrain ? label : undefined);
    (isTrain ? train : test).push({ ids, label, id });
  });
  const { vocabulary, indexOf } = builder.build(options.numWords);

  // Archive and folder listings differ in order; a canonical order keeps the seeded shuffle source-independent.
  const byLabelAndId = (a: Example, b: Example) => a.label - b.label || a.id - b.id;
  train.sort(byLabelAndId);
  test.sort(byLabelAndId);
  const random = seededRandom(options.seed ?? DEFAULT_SEED);
  const pickTrain = shuffle(train, random).slice(0, sampleCount(options.trainSamples, 'trainSamples', train.length));
  const pickTest = shuffle(test, random).slice(0, sampleCount(options.testSamples, 'testSamples', test.length));
  const encode = (examples: Example[]) => padSequences(examples.map((e) => encodeReview(e.ids, indexOf)), options.maxLen);
  return {
    xTrain: encode(pickTrain),
    yTrain: Float32Array.from(pickTrain, (e) => e.label),
    xTest: encode(pickTest),
    yTest: Float32Array.from(pickTest, (e) => e.label),
    trainCount: pickTrain.length,
    testCount: pickTest.length,
    maxLen: options.maxLen,
    vocabulary,
    source: source.path,
  };
}

/** Requests beyond the available reviews are clamped, so "--train-samples 30000" means "all". */
function sampleCount(requested: number | undefined, name: string, available: number): number {
  if (requested === undefined) return available;
  if (!Number.isInteger(requested) || requested <= 0) throw new Error(`${name} must be a positive integer, got ${requested}`);
  return Math.min(requested, available);
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
