import * as tf from '@tensorflow/tfjs';
import { oneHotTensor } from '../data/model-data';
import { patternImages } from '../data/pattern-images';
import type { TrainFlags } from '../flags';
import { generatedSplits } from './generated-data';
import type { PreparedTraining } from './model-entry';

export interface PatternClassifierArgs {
  imageSize: number;
  classes: number;
  defaultSamples: number;
}

/** The image classifiers' data: generated striped images, the class their orientation and colour. */
export function preparePatternClassifier(flags: TrainFlags, model: tf.LayersModel, args: PatternClassifierArgs): PreparedTraining {
  const { imageSize, classes } = args;
  const splits = generatedSplits(flags, args.defaultSamples);
  const tensors = (split: { count: number; seed: number }) => {
    const { images, labels } = patternImages({ count: split.count, size: imageSize, classes, seed: split.seed });
    return { x: tf.tensor4d(images, [split.count, imageSize, imageSize, 3]), y: oneHotTensor(labels, classes) };
  };
  const train = tensors(splits.train);
  const test = splits.test && tensors(splits.test);
  return {
    model,
    ...train,
    ...(test ? { xTest: test.x, yTest: test.y } : {}),
    data: {
      dataset: `generated: ${imageSize}×${imageSize}×3 noisy striped images, ${classes} classes by stripe orientation (5, 36° apart) and colour`,
      trainSamples: splits.train.count,
      testSamples: splits.test?.count ?? 0,
    },
  };
}
