import * as tf from '@tensorflow/tfjs';
import { patternPairs } from '../data/pattern-pairs';
import { buildSharedVision } from '../models/shared-vision';
import { generatedSplits } from './generated-data';
import type { ModelEntry } from './model-entry';

const IMAGE_SIZE = 16;
const CLASSES = 15;

export const sharedVision: ModelEntry = {
  name: 'shared-vision',
  description: 'One small convolutional base model called as a layer on a left and a right camera image (the lecture\'s dual-camera example), on generated "same pattern?" pairs',
  async prepare(flags) {
    const splits = generatedSplits(flags, 1500);
    const tensors = (split: { count: number; seed: number }) => {
      const { left, right, same } = patternPairs({ count: split.count, size: IMAGE_SIZE, classes: CLASSES, seed: split.seed });
      const shape: [number, number, number, number] = [split.count, IMAGE_SIZE, IMAGE_SIZE, 3];
      return { x: [tf.tensor4d(left, shape), tf.tensor4d(right, shape)], y: tf.tensor2d(same, [split.count, 1]) };
    };
    const train = tensors(splits.train);
    const test = splits.test && tensors(splits.test);
    return {
      model: buildSharedVision({ imageSize: IMAGE_SIZE, learningRate: flags.learningRate }),
      ...train,
      ...(test ? { xTest: test.x, yTest: test.y } : {}),
      data: {
        dataset: `generated: pairs of ${IMAGE_SIZE}×${IMAGE_SIZE}×3 noisy striped images (${CLASSES} classes: 5 stripe orientations × 3 colours), target 1 when both show the same class (half the pairs)`,
        trainSamples: splits.train.count,
        testSamples: splits.test?.count ?? 0,
      },
    };
  },
};
