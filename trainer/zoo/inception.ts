import { buildInception } from '../models/inception';
import { patternClassifierEntry } from './pattern-classifier';

export const inception = patternClassifierEntry({
  name: 'inception',
  description: "The lecture's four-branch Inception module (1×1 strided; 1×1 → 3×3 strided; avg-pool → 3×3; 1×1 → 3×3 → 3×3 strided) in a small classifier of generated 16×16 images",
  imageSize: 16,
  classes: 5,
  defaultSamples: 2000,
  // Its convolutions have 8 channels: too small to split, so XNNPACK's pool hand-offs cost
  // more than they give. Quiet, 2 threads ran at 0.82x 1 thread's speed; loaded (8-11),
  // a step took 19-30 ms on 1 thread against 50-82 ms on 2.
  wasmThreads: 1,
  build: buildInception,
});
