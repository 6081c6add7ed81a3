import { seededRandom } from '../../lib/seeded-random';
import { drawPatterns } from './pattern-images';

export interface PatternPairsOptions {
  count: number;
  size: number;
  classes: number;
  noise?: number;
  seed: number;
}

export interface PatternPairs {
  left: Float32Array;
  right: Float32Array;
  /** 1 when both images show the same pattern class. */
  same: Float32Array;
}

/**
 * Two views per sample for the dual-camera model: half the pairs show the same pattern class
 * (drawn independently, so stripe width, phase and noise differ), half two different classes.
 */
export function patternPairs(options: PatternPairsOptions): PatternPairs {
  const { count, size, classes, noise = 0.25, seed } = options;
  const uniform = seededRandom(seed);
  const leftLabels = new Int32Array(count);
  const rightLabels = new Int32Array(count);
  const same = new Float32Array(count);
  for (let n = 0; n < count; n++) {
    leftLabels[n] = Math.floor(uniform() * classes);
    same[n] = uniform() < 0.5 ? 1 : 0;
    rightLabels[n] = same[n] ? leftLabels[n] : (leftLabels[n] + 1 + Math.floor(uniform() * (classes - 1))) % classes;
  }
  return { left: drawPatterns(leftLabels, size, noise, uniform), right: drawPatterns(rightLabels, size, noise, uniform), same };
}
