import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { startedWasmThreads } from '../../../trainer/backend/wasm-threads';
import { depthwiseCases, depthwiseOutShape, describeDepthwise, type DepthwiseCase } from './depthwise-cases';
import { expectMatchesStock, randomFloats, rng } from './kernel-harness';
import { stridedDepthwiseCases } from './strided-cases';
import { testOnOtherWasmThreads } from './on-wasm-threads';

/**
 * Large enough that the wasm kernel splits dW's channels across threads (and splits them off
 * 16-channel blocks): odd channel counts, multipliers, strides, both paddings.
 */
const SPLIT_CASES: DepthwiseCase[] = [
  { label: 'SeparableConv2D 3x3, 36 channels', xShape: [4, 20, 20, 36], filterShape: [3, 3, 36, 1], strides: [1, 1], dilations: [1, 1], pad: 'valid' },
  { label: '7 channels, multiplier 3, same, stride 2', xShape: [8, 33, 31, 7], filterShape: [3, 3, 7, 3], strides: [2, 2], dilations: [1, 1], pad: 'same' },
  { label: '13 channels, 2x4 filter, stride [1, 3]', xShape: [8, 40, 30, 13], filterShape: [2, 4, 13, 1], strides: [1, 3], dilations: [1, 1], pad: 'valid' },
  { label: '5 channels, multiplier 2, same', xShape: [6, 24, 22, 5], filterShape: [3, 3, 5, 2], strides: [1, 1], dilations: [1, 1], pad: 'same' },
];

test('DepthwiseConv2dNativeBackpropFilter output (run as a kernel) matches stock cpu', async () => {
  for (const c of [...depthwiseCases(), ...SPLIT_CASES]) {
    const x = randomFloats(rng(1), tf.util.sizeFromShape(c.xShape));
    const dy = randomFloats(rng(2), tf.util.sizeFromShape(depthwiseOutShape(c)));
    await expectMatchesStock(describeDepthwise(c), () => tf.engine().runKernel(tf.DepthwiseConv2dNativeBackpropFilter, {
      x: tf.tensor4d(x, c.xShape), dy: tf.tensor4d(dy, depthwiseOutShape(c)),
    }, { strides: c.strides, dilations: c.dilations, pad: c.pad, filterShape: c.filterShape }) as tf.Tensor);
  }
});

test('the filter gradient of depthwiseConv2d (tf.grad) matches stock cpu', async () => {
  for (const c of [...depthwiseCases(), ...stridedDepthwiseCases(), ...SPLIT_CASES]) {
    const x = randomFloats(rng(3), tf.util.sizeFromShape(c.xShape));
    const filter = randomFloats(rng(4), tf.util.sizeFromShape(c.filterShape));
    await expectMatchesStock(describeDepthwise(c), () => {
      const xt = tf.tensor4d(x, c.xShape);
      const conv = (w: tf.Tensor) => tf.depthwiseConv2d(xt, w as tf.Tensor4D, c.strides, c.pad, 'NHWC', c.dilations);
      return tf.grad((t: tf.Tensor) => conv(t).square().sum())(tf.tensor4d(filter, c.filterShape));
    });
  }
  if (tf.getBackend() === 'wasm' && process.env.TENSORLENS_WASM_THREADS) {
    assert.equal(startedWasmThreads(), Number(process.env.TENSORLENS_WASM_THREADS), 'wasm threads');
  }
});

testOnOtherWasmThreads(__filename, 2);
