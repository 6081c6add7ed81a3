import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { asNchw, convCases, POINTWISE_CASES, convOutShape, describe } from './conv-cases';
import { expectMatchesStock, randomFloats, rng } from './kernel-harness';

const TOL = 1e-5;

test('Conv2DBackpropFilter output (run as a kernel) matches stock cpu', async () => {
  for (const c of convCases()) {
    const x = randomFloats(rng(1), tf.util.sizeFromShape(c.xShape));
    const outShape = convOutShape(c);
    const dy = randomFloats(rng(2), tf.util.sizeFromShape(outShape));
    await expectMatchesStock(describe(c), () =>
      tf.engine().runKernel(tf.Conv2DBackpropFilter, { x: tf.tensor(x, c.xShape), dy: tf.tensor(dy, outShape) }, {
        strides: c.strides, pad: c.pad, dataFormat: 'NHWC', filterShape: c.filterShape,
      }) as tf.Tensor, TOL);
  }
});

test('Conv2DBackpropFilter on NCHW data matches stock cpu', async () => {
  for (const c of [...convCases().slice(0, 6), ...POINTWISE_CASES]) {
    const nchw = asNchw(c);
    const x = randomFloats(rng(3), tf.util.sizeFromShape(c.xShape));
    const dy = randomFloats(rng(4), tf.util.sizeFromShape(nchw.outShape));
    await expectMatchesStock(describe(c), () =>
      tf.engine().runKernel(tf.Conv2DBackpropFilter, { x: tf.tensor(x, nchw.xShape), dy: tf.tensor(dy, nchw.outShape) }, {
        strides: c.strides, pad: nchw.pad, dataFormat: 'NCHW', filterShape: c.filterShape,
      }) as tf.Tensor, TOL);
  }
});

test('the filter gradient of conv2d (tf.grad) matches stock cpu', async () => {
  for (const c of convCases()) {
    const x = randomFloats(rng(5), tf.util.sizeFromShape(c.xShape));
    const filter = randomFloats(rng(6), tf.util.sizeFromShape(c.filterShape));
    const dy = randomFloats(rng(7), tf.util.sizeFromShape(convOutShape(c)));
    await expectMatchesStock(describe(c), () => {
      const conv = (w: tf.Tensor) => tf.conv2d(tf.tensor4d(x, c.xShape), w as tf.Tensor4D, c.strides, c.pad);
      return tf.grad(conv)(tf.tensor4d(filter, c.filterShape), tf.tensor4d(dy, convOutShape(c)));
    }, TOL);
  }
});

test('the kernel gradient of a Keras Conv1D (tf.conv1d) matches stock cpu', async () => {
  for (const [pad, stride] of [['valid', 1], ['same', 2], ['valid', 3]] as const) {
    const x = randomFloats(rng(8), 2 * 23 * 6);
    const kernel = randomFloats(rng(9), 7 * 6 * 4);
    await expectMatchesStock(`conv1d ${pad} stride ${stride}`, () => {
      const conv = (k: tf.Tensor) => tf.conv1d(tf.tensor3d(x, [2, 23, 6]), k as tf.Tensor3D, stride, pad).square().sum();
      return tf.grad(conv)(tf.tensor3d(kernel, [7, 6, 4]));
    }, TOL);
  }
});
