import * as tf from '@tensorflow/tfjs';
import { patternPairs } from '../data/pattern-pairs';
import { buildSharedVision } from '../models/shared-vision';
import { generatedData } from './generated-data';
import type { ModelEntry } from './model-entry';

const IMAGE_SIZE = 16;
/** All 15 pattern classes: most "different" pairs differ in colour, the rest only in stripe orientation. */
const CLASSES = 15;

export const sharedVision: ModelEntry = {
  name: 'shared-vision',
  description: 'One small convolutional base model called as a layer on a left and a right camera image (the lecture\'s dual-camera example), on generated "same pattern?" pairs',
  async prepare(flags) {
    const { counts, ...tensors } = generatedData(flags, 1500, ({ count, seed }) => {
      const { left, right, same } = patternPairs({ count, size: IMAGE_SIZE, classes: CLASSES, seed });
      const shape: [number, number, number, number] = [count, IMAGE_SIZE, IMAGE_SIZE, 3];
      return { x: [tf.tensor4d(left, shape), tf.tensor4d(right, shape)], y: tf.tensor2d(same, [count, 1]) };
    });
    return {
      model: buildSharedVision({ imageSize: IMAGE_SIZE, learningRate: flags.learningRate }),
      ...tensors,
      data: {
        dataset: `generated: pairs of ${IMAGE_SIZE}×${IMAGE_SIZE}×3 noisy striped images (${CLASSES} classes: 5 stripe orientations × 3 colours), target 1 when both show the same class (half the pairs)`,
        ...counts,
      },
    };
  },
};
