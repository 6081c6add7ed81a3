import { buildSeparableConv } from '../models/separable-conv';
import type { ModelEntry } from './model-entry';
import { preparePatternClassifier } from './pattern-classifier';

const IMAGE_SIZE = 64;
const CLASSES = 10;
/** A quarter of the lecture's widths (8…32 filters instead of 32…128), so epochs take seconds on two cores. */
const WIDTH = 8;

export const separableConv: ModelEntry = {
  name: 'separable-conv',
  description: "The lecture's SeparableConv2D stack with BatchNormalization after every conv and dense layer, on generated 64×64×3 images of 10 classes",
  async prepare(flags) {
    const model = buildSeparableConv({ imageSize: IMAGE_SIZE, classes: CLASSES, width: WIDTH, learningRate: flags.learningRate });
    return preparePatternClassifier(flags, model, { imageSize: IMAGE_SIZE, classes: CLASSES, defaultSamples: 600 });
  },
};
