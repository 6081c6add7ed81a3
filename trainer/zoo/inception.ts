import { buildInception } from '../models/inception';
import type { ModelEntry } from './model-entry';
import { preparePatternClassifier } from './pattern-classifier';

const IMAGE_SIZE = 16;
const CLASSES = 5;

export const inception: ModelEntry = {
  name: 'inception',
  description: "The lecture's four-branch Inception module (1×1 strided; 1×1 → 3×3 strided; avg-pool → 3×3; 1×1 → 3×3 → 3×3 strided) in a small classifier of generated 16×16 images",
  async prepare(flags) {
    const model = buildInception({ imageSize: IMAGE_SIZE, classes: CLASSES, learningRate: flags.learningRate });
    return preparePatternClassifier(flags, model, { imageSize: IMAGE_SIZE, classes: CLASSES, defaultSamples: 2000 });
  },
};
