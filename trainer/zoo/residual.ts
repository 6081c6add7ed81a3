import { buildResidual } from '../models/residual';
import type { ModelEntry } from './model-entry';
import { preparePatternClassifier } from './pattern-classifier';

const IMAGE_SIZE = 16;
const CLASSES = 5;

export const residual: ModelEntry = {
  name: 'residual',
  description: 'Conv2D blocks with an identity residual add, then a 1×1 strided projection residual where the shape changes, on generated 16×16 images',
  async prepare(flags) {
    const model = buildResidual({ imageSize: IMAGE_SIZE, classes: CLASSES, learningRate: flags.learningRate });
    return preparePatternClassifier(flags, model, { imageSize: IMAGE_SIZE, classes: CLASSES, defaultSamples: 2000 });
  },
};
