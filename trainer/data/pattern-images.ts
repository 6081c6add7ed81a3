import { seededRandom } from '../../lib/seeded-random';
import { normalRandom } from './normal-random';

export interface PatternImagesOptions {
  count: number;
  /** Pixels a side; images are square with 3 channels. */
  size: number;
  /** Up to 15: five orientations in each of three colours. */
  classes: number;
  /** Standard deviation of the pixel noise. */
  noise?: number;
  seed: number;
}

export interface PatternImages {
  /** Row-major NHWC (count × size × size × 3), values around [0, 1]. */
  images: Float32Array;
  labels: Int32Array;
}

const ORIENTATIONS = 5;
const PALETTE = [
  [1, 0.6, 0.2],
  [0.2, 0.6, 1],
  [0.5, 1, 0.4],
];
export const MAX_PATTERN_CLASSES = ORIENTATIONS * PALETTE.length;

/**
 * Noisy striped images: the class fixes the stripes' orientation (one of five, 36° apart)
 * and colour; stripe width and phase are random per image, so a model has to learn
 * orientation- and colour-selective filters rather than memorise pixels.
 */
export function patternImages(options: PatternImagesOptions): PatternImages {
  const { count, size, classes, noise = 0.25, seed } = options;
  if (!Number.isInteger(classes) || classes < 2 || classes > MAX_PATTERN_CLASSES) {
    throw new Error(`patternImages: classes must be an integer in [2, ${MAX_PATTERN_CLASSES}], got ${classes}`);
  }
  const uniform = seededRandom(seed);
  const labels = Int32Array.from({ length: count }, () => Math.floor(uniform() * classes));
  return { images: drawPatterns(labels, size, noise, uniform), labels };
}

/** Draws one image of the given class per label, from the caller's generator. */
export function drawPatterns(labels: Int32Array, size: number, noise: number, uniform: () => number): Float32Array {
  const normal = normalRandom(uniform);
  const pixels = size * size * 3;
  const images = new Float32Array(labels.length * pixels);
  labels.forEach((label, n) => {
    const angle = (Math.PI * (label % ORIENTATIONS)) / ORIENTATIONS;
    const colour = PALETTE[Math.floor(label / ORIENTATIONS)];
    const frequency = (2 * Math.PI) / (3 + 3 * uniform());
    const phase = 2 * Math.PI * uniform();
    const [dx, dy] = [Math.cos(angle) * frequency, Math.sin(angle) * frequency];
    for (let row = 0; row < size; row++) {
      for (let col = 0; col < size; col++) {
        const stripe = 0.5 + 0.5 * Math.sin(col * dx + row * dy + phase);
        const at = n * pixels + (row * size + col) * 3;
        for (let c = 0; c < 3; c++) images[at + c] = stripe * colour[c] + noise * normal();
      }
    }
  });
  return images;
}
