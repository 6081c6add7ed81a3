import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { depthwiseCases, describeDepthwise } from './depthwise-cases';
import { convInputs, expectMatchesStock } from './kernel-harness';
import { stridedDepthwiseCases } from './strided-cases';

test('DepthwiseConv2dNative output (run as a kernel) matches stock cpu', async () => {
  for (const c of [...stridedDepthwiseCases(), ...depthwiseCases()]) {
    const { x, filter } = convInputs(c.xShape, c.filterShape, c.filterShape[2] * c.filterShape[3], 1);
    await expectMatchesStock(describeDepthwise(c), () => tf.engine().runKernel(tf.DepthwiseConv2dNative, { x: x(), filter: filter() }, {
      strides: c.strides, pad: c.pad, dilations: c.dilations, dataFormat: 'NHWC',
    }) as tf.Tensor);
  }
});

test('FusedDepthwiseConv2D output (tf.fused.depthwiseConv2d with bias and relu) matches stock cpu', async () => {
  for (const c of stridedDepthwiseCases()) {
    const { x, filter, bias } = convInputs(c.xShape, c.filterShape, c.filterShape[2] * c.filterShape[3], 4);
    await expectMatchesStock(describeDepthwise(c), () =>
      tf.fused.depthwiseConv2d({ x: x(), filter: filter(), bias: bias(), strides: c.strides, pad: c.pad, activation: 'relu' }));
  }
});

test('the gradients of a fused depthwiseConv2d with bias match stock cpu', async () => {
  for (const c of stridedDepthwiseCases()) {
    const { x, filter, bias } = convInputs(c.xShape, c.filterShape, c.filterShape[2] * c.filterShape[3], 10);
    await expectMatchesStock(describeDepthwise(c), () => {
      const loss = (xt: tf.Tensor, w: tf.Tensor, b: tf.Tensor) => tf.fused.depthwiseConv2d({
        x: xt as tf.Tensor4D, filter: w as tf.Tensor4D, bias: b, strides: c.strides, pad: c.pad,
      }).square().sum();
      return tf.grads(loss)([x(), filter(), bias()]);
    });
  }
});
