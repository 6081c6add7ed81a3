import { buildResidual } from '../models/residual';
import { patternClassifierEntry } from './pattern-classifier';

export const residual = patternClassifierEntry({
  name: 'residual',
  description: 'Conv2D blocks with an identity residual add, then a 1×1 strided projection residual where the shape changes, on generated 16×16 images',
  imageSize: 16,
  classes: 5,
  defaultSamples: 2000,
  build: buildResidual,
});
