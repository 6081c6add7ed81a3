import { loadImdb, type ImdbDataset } from '../data/imdb';
import type { TrainFlags } from '../flags';

/** Words kept from the end of each review: enough to take windows from, small enough to hold 25,000 reviews. */
const REVIEW_WORDS = 400;

/**
 * The IMDB reviews the text models derive their tasks from: --train-samples of them (the
 * model's default when absent) and --test-samples test reviews, --max-features words.
 */
export async function loadImdbReviews(flags: TrainFlags, log: (line: string) => void, defaultSamples: number): Promise<ImdbDataset> {
  const started = Date.now();
  const data = await loadImdb({
    path: flags.data,
    numWords: flags.maxFeatures,
    maxLen: REVIEW_WORDS,
    trainSamples: flags.trainSamples ?? defaultSamples,
    testSamples: flags.testSamples,
    seed: flags.seed,
    log,
  });
  log(`loaded ${data.trainCount} training reviews from ${data.source} in ${((Date.now() - started) / 1000).toFixed(1)}s (vocabulary ${data.vocabulary.distinctWords} words, kept ${flags.maxFeatures})`);
  return data;
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
