import * as tf from '@tensorflow/tfjs';
import { randomInt, rng } from './kernel-harness';

export interface DepthwiseCase {
  label: string;
  xShape: [number, number, number, number];
  /** [filterHeight, filterWidth, inChannels, channelMultiplier] */
  filterShape: [number, number, number, number];
  strides: [number, number];
  /**
   * Always 1: tfjs's depthwiseConv2d gradient refuses dilation > 1, and stock cpu's
   * backprop kernels ignore it, so there is no reference to compare against.
   */
  dilations: [number, number];
  pad: 'valid' | 'same';
}

export function depthwiseOutShape(c: DepthwiseCase): [number, number, number, number] {
  return tf.backend_util.computeConv2DInfo(c.xShape, c.filterShape, c.strides, c.dilations, c.pad, undefined, true).outShape;
}

const FIXED: DepthwiseCase[] = [
  { label: 'batch 1, SeparableConv2D 3x3 valid', xShape: [1, 6, 6, 3], filterShape: [3, 3, 3, 1], strides: [1, 1], dilations: [1, 1], pad: 'valid' },
  { label: 'same, stride 2, odd sizes, multiplier 2', xShape: [2, 7, 5, 3], filterShape: [3, 2, 3, 2], strides: [2, 2], dilations: [1, 1], pad: 'same' },
  { label: 'valid, stride 3 leaving a remainder', xShape: [3, 8, 9, 2], filterShape: [3, 3, 2, 3], strides: [3, 3], dilations: [1, 1], pad: 'valid' },
  { label: 'SeparableConv2D 3x3 same, more channels', xShape: [2, 9, 7, 5], filterShape: [3, 3, 5, 1], strides: [1, 1], dilations: [1, 1], pad: 'same' },
  { label: 'even filter, same (padding heavier after)', xShape: [1, 5, 6, 4], filterShape: [2, 4, 4, 1], strides: [1, 1], dilations: [1, 1], pad: 'same' },
  { label: 'filter as large as the input', xShape: [2, 3, 4, 2], filterShape: [3, 4, 2, 2], strides: [1, 1], dilations: [1, 1], pad: 'valid' },
];

function randomCase(rand: () => number, k: number): DepthwiseCase {
  const pad = rand() < 0.5 ? 'valid' : 'same';
  const [n, h, w, c] = [randomInt(rand, 1, 3), randomInt(rand, 1, 9), randomInt(rand, 1, 9), randomInt(rand, 1, 4)];
  return {
    label: `random #${k}`,
    xShape: [n, h, w, c],
    filterShape: [randomInt(rand, 1, pad === 'same' ? 4 : Math.min(4, h)), randomInt(rand, 1, pad === 'same' ? 4 : Math.min(4, w)), c, randomInt(rand, 1, 3)],
    strides: [randomInt(rand, 1, 3), randomInt(rand, 1, 3)],
    dilations: [1, 1],
    pad,
  };
}

/** Fixed edge cases plus seeded random ones (all with a non-empty output). */
export function depthwiseCases(): DepthwiseCase[] {
  const rand = rng(5);
  const random = Array.from({ length: 12 }, (_, k) => randomCase(rand, k));
  return [...FIXED, ...random].filter((c) => depthwiseOutShape(c).every((d) => d > 0));
}

export function describeDepthwise(c: DepthwiseCase): string {
  return `${c.label}: x ${c.xShape}, filter ${c.filterShape}, strides ${c.strides}, dilations ${c.dilations}, ${c.pad}`;
}
