import type { TrainFlags } from '../flags';

/**
 * Sizes and seeds of a generated training set and, given --test-samples, a test set drawn
 * from a different seed (so it holds unseen samples). --train-samples overrides the model's
 * default size, which is picked to train in minutes on two cores.
 */
export function generatedSplits(flags: TrainFlags, defaultTrainSamples: number): { train: { count: number; seed: number }; test?: { count: number; seed: number } } {
  return {
    train: { count: flags.trainSamples ?? defaultTrainSamples, seed: flags.seed },
    ...(flags.testSamples !== undefined ? { test: { count: flags.testSamples, seed: flags.seed + 1 } } : {}),
  };
}
