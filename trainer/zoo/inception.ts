import { buildInception } from '../models/inception';
import { patternClassifierEntry } from './pattern-classifier';

export const inception = patternClassifierEntry({
  name: 'inception',
  description: "The lecture's four-branch Inception module (1×1 strided; 1×1 → 3×3 strided; avg-pool → 3×3; 1×1 → 3×3 → 3×3 strided) in a small classifier of generated 16×16 images",
  imageSize: 16,
  classes: 5,
  defaultSamples: 2000,
  build: buildInception,
});
