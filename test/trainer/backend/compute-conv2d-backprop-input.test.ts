import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { asNchw, convCases, convOutShape, describe } from './conv-cases';
import { expectMatchesStock, randomFloats, rng } from './kernel-harness';

const TOL = 1e-5;

test('Conv2DBackpropInput output (run as a kernel) matches stock cpu', async () => {
  for (const c of convCases()) {
    const filter = randomFloats(rng(1), tf.util.sizeFromShape(c.filterShape));
    const outShape = convOutShape(c);
    const dy = randomFloats(rng(2), tf.util.sizeFromShape(outShape));
    await expectMatchesStock(describe(c), () =>
      tf.engine().runKernel(tf.Conv2DBackpropInput, { dy: tf.tensor(dy, outShape), filter: tf.tensor(filter, c.filterShape) }, {
        strides: c.strides, pad: c.pad, dataFormat: 'NHWC', inputShape: c.xShape,
      }) as tf.Tensor, TOL);
  }
});

test('Conv2DBackpropInput on NCHW data matches stock cpu', async () => {
  for (const c of convCases().slice(0, 6)) {
    const nchw = asNchw(c);
    const filter = randomFloats(rng(3), tf.util.sizeFromShape(c.filterShape));
    const dy = randomFloats(rng(4), tf.util.sizeFromShape(nchw.outShape));
    await expectMatchesStock(describe(c), () =>
      tf.engine().runKernel(tf.Conv2DBackpropInput, { dy: tf.tensor(dy, nchw.outShape), filter: tf.tensor(filter, c.filterShape) }, {
        strides: c.strides, pad: nchw.pad, dataFormat: 'NCHW', inputShape: nchw.xShape,
      }) as tf.Tensor, TOL);
  }
});

test('the input gradient of conv2d (tf.grad) matches stock cpu', async () => {
  for (const c of convCases()) {
    const x = randomFloats(rng(5), tf.util.sizeFromShape(c.xShape));
    const filter = randomFloats(rng(6), tf.util.sizeFromShape(c.filterShape));
    const dy = randomFloats(rng(7), tf.util.sizeFromShape(convOutShape(c)));
    await expectMatchesStock(describe(c), () => {
      const conv = (input: tf.Tensor) => tf.conv2d(input as tf.Tensor4D, tf.tensor4d(filter, c.filterShape), c.strides, c.pad);
      return tf.grad(conv)(tf.tensor4d(x, c.xShape), tf.tensor4d(dy, convOutShape(c)));
    }, TOL);
  }
});

test('the input gradient of a Keras Conv1D (tf.conv1d) matches stock cpu', async () => {
  for (const [pad, stride] of [['valid', 1], ['same', 2], ['valid', 3]] as const) {
    const x = randomFloats(rng(8), 2 * 23 * 6);
    const kernel = randomFloats(rng(9), 7 * 6 * 4);
    await expectMatchesStock(`conv1d ${pad} stride ${stride}`, () => {
      const conv = (input: tf.Tensor) => tf.conv1d(input as tf.Tensor3D, tf.tensor3d(kernel, [7, 6, 4]), stride, pad).square().sum();
      return tf.grad(conv)(tf.tensor3d(x, [2, 23, 6]));
    }, TOL);
  }
});
