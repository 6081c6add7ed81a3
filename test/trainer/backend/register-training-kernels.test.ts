import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { registerTrainingKernels, unregisterTrainingKernels } from '../../../trainer/backend/register-kernels';

test('registering on cpu replaces the stock kernels once, and unregistering restores them', () => {
  const names = [
    'UnsortedSegmentSum', 'Conv2DBackpropFilter', 'MaxPoolGrad', 'AvgPoolGrad', 'GatherV2',
    'DepthwiseConv2dNativeBackpropFilter', 'DepthwiseConv2dNativeBackpropInput',
  ];
  const stock = names.map((k) => tf.getKernel(k, 'cpu'));
  assert.ok(stock.every(Boolean));

  const warnings: unknown[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args);
  try {
    assert.deepEqual(registerTrainingKernels('cpu').sort(), [...names].sort());
    const ours = names.map((k) => tf.getKernel(k, 'cpu'));
    ours.forEach((config, i) => assert.notEqual(config, stock[i], names[i]));

    assert.deepEqual(registerTrainingKernels('cpu').sort(), [...names].sort());
    assert.deepEqual(names.map((k) => tf.getKernel(k, 'cpu')), ours, 'second registration changed kernels');
  } finally {
    console.warn = warn;
  }
  assert.deepEqual(warnings, []);

  unregisterTrainingKernels('cpu');
  assert.deepEqual(names.map((k) => tf.getKernel(k, 'cpu')), stock);
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
