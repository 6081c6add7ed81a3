import { loadImdb, type ImdbDataset } from '../data/imdb';
import type { TrainFlags } from '../flags';

/** Words kept from the end of each review: enough to take windows from, small enough to hold 25,000 reviews. */
const REVIEW_WORDS = 400;

/** loadImdb on the flags' archive, vocabulary, test split and seed, logging what it loaded and how fast. */
export async function loadImdbLogged(flags: TrainFlags, log: (line: string) => void, maxLen: number, trainSamples: number | undefined): Promise<ImdbDataset> {
  const started = Date.now();
  const data = await loadImdb({
    path: flags.data,
    numWords: flags.maxFeatures,
    maxLen,
    trainSamples,
    testSamples: flags.testSamples,
    seed: flags.seed,
    log,
  });
  log(`loaded ${data.trainCount} training reviews from ${data.source} in ${((Date.now() - started) / 1000).toFixed(1)}s (vocabulary ${data.vocabulary.distinctWords} words, kept ${flags.maxFeatures})`);
  return data;
}

/**
 * The IMDB reviews the text models derive their tasks from: --train-samples of them (the
 * model's default when absent) and --test-samples test reviews, --max-features words.
 */
export function loadImdbReviews(flags: TrainFlags, log: (line: string) => void, defaultSamples: number): Promise<ImdbDataset> {
  return loadImdbLogged(flags, log, REVIEW_WORDS, flags.trainSamples ?? defaultSamples);
}

/** The run's `data` entry for a task derived from the reviews. */
export function imdbDataDescription(data: ImdbDataset, task: string, trainSamples: number, testSamples: number): Record<string, unknown> {
  return {
    dataset: 'IMDB Large Movie Review Dataset (aclImdb v1)',
    source: data.source,
    task,
    trainSamples,
    testSamples,
    distinctWords: data.vocabulary.distinctWords,
  };
}
