import type { ModelData } from '../data/model-data';
import type { TrainFlags } from '../flags';

/** Which generated samples to draw: how many, from which seed. */
export interface GeneratedSplit {
  count: number;
  seed: number;
}

export interface GeneratedData {
  x: ModelData;
  y: ModelData;
  xTest?: ModelData;
  yTest?: ModelData;
  /** For the run's `data` entry. */
  counts: { trainSamples: number; testSamples: number };
}

/**
 * A generated training set of --train-samples (else the model's default, picked to train in
 * minutes on two cores) and, given --test-samples, a test set drawn from the next seed, so
 * it holds samples the model never saw.
 */
export function generatedData(flags: TrainFlags, defaultTrainSamples: number, draw: (split: GeneratedSplit) => { x: ModelData; y: ModelData }): GeneratedData {
  const trainSamples = flags.trainSamples ?? defaultTrainSamples;
  const train = draw({ count: trainSamples, seed: flags.seed });
  const test = flags.testSamples !== undefined ? draw({ count: flags.testSamples, seed: flags.seed + 1 }) : undefined;
  return {
    ...train,
    ...(test ? { xTest: test.x, yTest: test.y } : {}),
    counts: { trainSamples, testSamples: flags.testSamples ?? 0 },
  };
}
