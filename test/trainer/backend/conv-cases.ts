import * as tf from '@tensorflow/tfjs';
import { randomInt, rng } from './kernel-harness';

export type Pad = 'valid' | 'same' | [[0, 0], [number, number], [number, number], [0, 0]];

export interface ConvCase {
  label: string;
  xShape: [number, number, number, number];
  filterShape: [number, number, number, number];
  strides: [number, number];
  pad: Pad;
}

/** Shape of the forward conv's output (NHWC). */
export function convOutShape(c: ConvCase): [number, number, number, number] {
  const info = tf.backend_util.computeConv2DInfo(c.xShape, c.filterShape, c.strides, 1, c.pad);
  return info.outShape;
}

const FIXED: ConvCase[] = [
  { label: 'batch 1, 1-row (Conv1D) valid', xShape: [1, 1, 9, 3], filterShape: [1, 3, 3, 2], strides: [1, 1], pad: 'valid' },
  { label: 'same, stride [2, 1], odd sizes', xShape: [2, 7, 5, 3], filterShape: [3, 2, 3, 4], strides: [2, 1], pad: 'same' },
  { label: 'valid, stride 3 leaving a remainder', xShape: [3, 8, 9, 2], filterShape: [3, 3, 2, 5], strides: [3, 3], pad: 'valid' },
  { label: 'explicit padding', xShape: [2, 5, 6, 1], filterShape: [2, 4, 1, 3], strides: [1, 2], pad: [[0, 0], [1, 2], [0, 3], [0, 0]] },
  { label: 'padding wider than the filter', xShape: [1, 4, 5, 2], filterShape: [2, 2, 2, 2], strides: [1, 1], pad: [[0, 0], [3, 0], [0, 4], [0, 0]] },
  { label: 'filter as large as the input', xShape: [2, 3, 4, 2], filterShape: [3, 4, 2, 3], strides: [1, 1], pad: 'valid' },
  { label: 'IMDB conv1d-like', xShape: [2, 1, 60, 16], filterShape: [1, 7, 16, 8], strides: [1, 1], pad: 'valid' },
  // channels past the SIMD kernel's 4 x 8 tiles (9 = 2 * 4 + 1, 19 = 2 * 8 + 3)
  { label: 'conv1d, channels off the tiles, same, stride 2', xShape: [3, 1, 31, 9], filterShape: [1, 5, 9, 19], strides: [1, 2], pad: 'same' },
  // large enough for the SIMD kernel to split its channels (12 + 8) between threads
  { label: 'conv1d split between threads', xShape: [4, 1, 130, 20], filterShape: [1, 5, 20, 13], strides: [1, 1], pad: 'valid' },
  { label: 'channels off the tiles, valid, stride [2, 3]', xShape: [2, 6, 11, 5], filterShape: [2, 3, 5, 11], strides: [2, 3], pad: 'valid' },
];

/** 1x1 filters: on wasm all go through the SIMD kernel; elsewhere the matMul path at stride 1 without padding, the convolution path otherwise. */
export const POINTWISE_CASES: ConvCase[] = [
  { label: 'pointwise same (SeparableConv2D)', xShape: [3, 5, 7, 6], filterShape: [1, 1, 6, 4], strides: [1, 1], pad: 'same' },
  { label: 'pointwise valid, one output channel', xShape: [2, 4, 3, 5], filterShape: [1, 1, 5, 1], strides: [1, 1], pad: 'valid' },
  { label: 'pointwise with explicit padding', xShape: [2, 3, 4, 2], filterShape: [1, 1, 2, 3], strides: [1, 1], pad: [[0, 0], [1, 0], [0, 2], [0, 0]] },
  { label: 'pointwise stride 2', xShape: [2, 5, 6, 3], filterShape: [1, 1, 3, 2], strides: [2, 2], pad: 'valid' },
  // strided 1x1s reading no padding (Inception's and the residual net's): their input gradient is spread, not convolved
  { label: 'pointwise same, stride 2, odd width', xShape: [2, 8, 7, 8], filterShape: [1, 1, 8, 5], strides: [2, 2], pad: 'same' },
  { label: 'pointwise stride [3, 2], padding only after', xShape: [1, 7, 6, 5], filterShape: [1, 1, 5, 6], strides: [3, 2], pad: [[0, 0], [0, 1], [0, 2], [0, 0]] },
  // channels off the SIMD kernel's tiles (13 = 3 * 4 + 1, 11 = 8 + 3), large enough to split between threads
  { label: 'pointwise split between threads, channels off the tiles', xShape: [6, 17, 19, 13], filterShape: [1, 1, 13, 11], strides: [1, 1], pad: 'same' },
];

function randomCase(rand: () => number, k: number): ConvCase {
  const pads: Pad[] = ['valid', 'same', [[0, 0], [randomInt(rand, 0, 2), randomInt(rand, 0, 2)], [randomInt(rand, 0, 2), randomInt(rand, 0, 2)], [0, 0]]];
  const pad = pads[randomInt(rand, 0, 2)];
  const [n, h, w, c] = [randomInt(rand, 1, 3), randomInt(rand, 1, 9), randomInt(rand, 1, 12), randomInt(rand, 1, 5)];
  const padded = (size: number, axis: 1 | 2) => (pad === 'same' ? Infinity : size + (Array.isArray(pad) ? pad[axis][0] + pad[axis][1] : 0));
  const fh = randomInt(rand, 1, Math.min(4, padded(h, 1)));
  const fw = randomInt(rand, 1, Math.min(5, padded(w, 2)));
  return {
    label: `random #${k}`,
    xShape: [n, h, w, c],
    filterShape: [fh, fw, c, randomInt(rand, 1, 4)],
    strides: [randomInt(rand, 1, 3), randomInt(rand, 1, 3)],
    pad,
  };
}

/** Fixed edge cases plus seeded random ones (all with a non-empty output). */
export function convCases(): ConvCase[] {
  const rand = rng(7);
  const random = Array.from({ length: 14 }, (_, k) => randomCase(rand, k));
  return [...FIXED, ...POINTWISE_CASES, ...random].filter((c) => convOutShape(c).every((d) => d > 0));
}

export function describe(c: ConvCase): string {
  return `${c.label}: x ${c.xShape}, filter ${c.filterShape}, strides ${c.strides}, pad ${JSON.stringify(c.pad)}`;
}

/** The case's shapes and padding in NCHW layout (explicit padding follows the data format). */
export function asNchw(c: ConvCase): { xShape: number[]; outShape: number[]; pad: 'valid' | 'same' | number[][] } {
  const toNchw = ([n, h, w, ch]: number[]) => [n, ch, h, w];
  return {
    xShape: toNchw(c.xShape),
    outShape: toNchw(convOutShape(c)),
    pad: Array.isArray(c.pad) ? [[0, 0], [0, 0], c.pad[1], c.pad[2]] : c.pad,
  };
}
