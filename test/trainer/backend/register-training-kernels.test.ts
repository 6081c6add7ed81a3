import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { registerTrainingKernels, unregisterTrainingKernels } from '../../../trainer/backend/register-kernels';
import { selectBackend } from '../../../trainer/backend/select-backend';
import { resetWasmBackend } from '../../../trainer/backend/wasm-threads';
import { TAP_SCATTER, TAP_SUM } from '../../../trainer/backend/kernels/tap-sum';

test('registering on cpu replaces the stock kernels once, and unregistering restores them', () => {
  const names = [
    'UnsortedSegmentSum', 'Conv2DBackpropFilter', 'MaxPoolGrad', 'AvgPoolGrad', 'GatherV2',
    'DepthwiseConv2dNativeBackpropFilter', 'DepthwiseConv2dNativeBackpropInput',
  ];
  const stock = names.map((k) => tf.getKernel(k, 'cpu'));
  assert.ok(stock.every(Boolean));
  // The Embedding->Conv1D fusion's kernels are ours alone.
  const added = [TAP_SUM, TAP_SCATTER];

  const warnings: unknown[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args);
  try {
    assert.deepEqual(registerTrainingKernels('cpu').sort(), [...names, ...added].sort());
    const ours = names.map((k) => tf.getKernel(k, 'cpu'));
    ours.forEach((config, i) => assert.notEqual(config, stock[i], names[i]));

    assert.deepEqual(registerTrainingKernels('cpu').sort(), [...names, ...added].sort());
    assert.deepEqual(names.map((k) => tf.getKernel(k, 'cpu')), ours, 'second registration changed kernels');
  } finally {
    console.warn = warn;
  }
  assert.deepEqual(warnings, []);

  unregisterTrainingKernels('cpu');
  assert.deepEqual(names.map((k) => tf.getKernel(k, 'cpu')), stock);
  assert.deepEqual(added.map((k) => tf.getKernel(k, 'cpu')), [undefined, undefined]);
  unregisterTrainingKernels('cpu');
  assert.deepEqual(names.map((k) => tf.getKernel(k, 'cpu')), stock);
});

test('kernels missing on wasm are added, and removed again without leaving a stock one', () => {
  assert.equal(tf.getKernel('Conv2DBackpropFilter', 'wasm'), undefined);
  const stockGather = tf.getKernel('GatherV2', 'wasm');
  assert.ok(registerTrainingKernels('wasm').includes('Conv2DBackpropFilter'));
  assert.ok(tf.getKernel('Conv2DBackpropFilter', 'wasm'));
  unregisterTrainingKernels('wasm');
  assert.equal(tf.getKernel('Conv2DBackpropFilter', 'wasm'), undefined);
  assert.equal(tf.getKernel('GatherV2', 'wasm'), stockGather);
});

test('the tensorflow backend gets no kernels of ours', () => {
  assert.deepEqual(registerTrainingKernels('tensorflow'), []);
});

test('on wasm the stock convolutions are wrapped with their own setup, survive a restart, and come back on unregister', async () => {
  const wrapped = ['Conv2D', 'FusedConv2D', 'DepthwiseConv2dNative', 'FusedDepthwiseConv2D'];
  // The example: stock wasm returns zeros for it.
  const conv = () => tf.tidy(() => Array.from(tf.conv2d(
    tf.tensor4d(Array.from({ length: 72 }, (_, i) => Math.sin(i)), [1, 4, 9, 2]), tf.ones([2, 2, 2, 3]), [1, 3], 'same',
  ).dataSync()));
  await tf.setBackend('cpu');
  const expected = conv();

  await selectBackend('wasm');
  const ours = wrapped.map((k) => tf.getKernel(k, 'wasm')!);
  unregisterTrainingKernels('wasm');
  const stock = wrapped.map((k) => tf.getKernel(k, 'wasm')!);
  ours.forEach((config, i) => {
    assert.notEqual(config, stock[i], wrapped[i]);
    assert.equal(config.setupFunc, stock[i].setupFunc, `${wrapped[i]} setup`);
    assert.equal(config.disposeFunc, stock[i].disposeFunc, `${wrapped[i]} dispose`);
  });

  // A restarted backend runs the registered kernels' setup again, ours included.
  registerTrainingKernels('wasm');
  const registered = wrapped.map((k) => tf.getKernel(k, 'wasm'));
  resetWasmBackend();
  await selectBackend('wasm');
  wrapped.forEach((k, i) => assert.equal(tf.getKernel(k, 'wasm'), registered[i], k));
  conv().forEach((v, i) => assert.ok(Math.abs(v - expected[i]) < 1e-5, `output ${i}: ${v} vs ${expected[i]}`));
});
