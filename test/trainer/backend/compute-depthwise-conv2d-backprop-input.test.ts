import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { depthwiseCases, depthwiseOutShape, describeDepthwise } from './depthwise-cases';
import { expectMatchesStock, randomFloats, rng } from './kernel-harness';
import { stridedDepthwiseCases } from './strided-cases';

test('DepthwiseConv2dNativeBackpropInput output (run as a kernel) matches stock cpu', async () => {
  for (const c of depthwiseCases()) {
    const dy = randomFloats(rng(1), tf.util.sizeFromShape(depthwiseOutShape(c)));
    const filter = randomFloats(rng(2), tf.util.sizeFromShape(c.filterShape));
    await expectMatchesStock(describeDepthwise(c), () => tf.engine().runKernel(tf.DepthwiseConv2dNativeBackpropInput, {
      dy: tf.tensor4d(dy, depthwiseOutShape(c)), filter: tf.tensor4d(filter, c.filterShape),
    }, { strides: c.strides, dilations: c.dilations, pad: c.pad, inputShape: c.xShape }) as tf.Tensor);
  }
});

test('the input gradient of depthwiseConv2d (tf.grad) matches stock cpu', async () => {
  for (const c of [...depthwiseCases(), ...stridedDepthwiseCases()]) {
    const x = randomFloats(rng(3), tf.util.sizeFromShape(c.xShape));
    const filter = randomFloats(rng(4), tf.util.sizeFromShape(c.filterShape));
    await expectMatchesStock(describeDepthwise(c), () => {
      const w = tf.tensor4d(filter, c.filterShape);
      const conv = (t: tf.Tensor) => tf.depthwiseConv2d(t as tf.Tensor4D, w, c.strides, c.pad, 'NHWC', c.dilations);
      return tf.grad((t: tf.Tensor) => conv(t).square().sum())(tf.tensor4d(x, c.xShape));
    });
  }
});
