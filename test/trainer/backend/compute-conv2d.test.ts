import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { convCases, describe } from './conv-cases';
import { convInputs, expectMatchesStock } from './kernel-harness';
import { stridedConvCases } from './strided-cases';

const TOL = 1e-5;

test('Conv2D output (run as a kernel) matches stock cpu', async () => {
  for (const c of [...stridedConvCases(), ...convCases()]) {
    const { x, filter } = convInputs(c.xShape, c.filterShape, c.filterShape[3], 1);
    await expectMatchesStock(describe(c), () =>
      tf.engine().runKernel(tf.Conv2D, { x: x(), filter: filter() }, { strides: c.strides, pad: c.pad, dataFormat: 'NHWC', dilations: 1 }) as tf.Tensor, TOL);
  }
});

test('FusedConv2D output (tf.fused.conv2d with bias and relu, as a Keras Conv2D) matches stock cpu', async () => {
  for (const c of stridedConvCases()) {
    const { x, filter, bias } = convInputs(c.xShape, c.filterShape, c.filterShape[3], 4);
    await expectMatchesStock(describe(c), () =>
      tf.fused.conv2d({ x: x(), filter: filter(), bias: bias(), strides: c.strides, pad: c.pad as 'same' | 'valid', activation: 'relu' }), TOL);
  }
});

test('the gradients of conv2d under a loss of its output (tf.grads) match stock cpu', async () => {
  for (const c of stridedConvCases()) {
    const { x, filter } = convInputs(c.xShape, c.filterShape, c.filterShape[3], 7);
    await expectMatchesStock(describe(c), () => {
      const loss = (xt: tf.Tensor, w: tf.Tensor) => tf.conv2d(xt as tf.Tensor4D, w as tf.Tensor4D, c.strides, c.pad).square().sum();
      return tf.grads(loss)([x(), filter()]);
    }, TOL);
  }
});

test('the gradients of a fused conv2d with bias (a Keras Conv2D training step) match stock cpu', async () => {
  for (const c of stridedConvCases()) {
    const { x, filter, bias } = convInputs(c.xShape, c.filterShape, c.filterShape[3], 10);
    await expectMatchesStock(describe(c), () => {
      const loss = (xt: tf.Tensor, w: tf.Tensor, b: tf.Tensor) => tf.fused.conv2d({
        x: xt as tf.Tensor4D, filter: w as tf.Tensor4D, bias: b, strides: c.strides, pad: c.pad as 'same' | 'valid',
      }).square().sum();
      return tf.grads(loss)([x(), filter(), bias()]);
    }, TOL);
  }
});
