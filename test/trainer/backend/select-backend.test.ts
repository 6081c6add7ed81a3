import { availableParallelism } from 'node:os';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../../../trainer/backend/select-backend';

const WASM_KERNELS = [
  'Add', 'AvgPoolGrad', 'BatchMatMul', 'Cast', 'Concat', 'Conv2D', 'Conv2DBackpropFilter', 'Conv2DBackpropInput',
  'DepthwiseConv2dNative', 'DepthwiseConv2dNativeBackpropFilter', 'DepthwiseConv2dNativeBackpropInput', 'Equal',
  'FusedConv2D', 'FusedDepthwiseConv2D', 'GatherV2', 'Identity', 'MaxPoolGrad', 'Mean', 'Multiply', 'RealDiv', 'Relu',
  'SplitV', 'Sum', 'TensorlensBatchNormTraining', 'TensorlensBatchNormTrainingGrad', 'TensorlensCategoricalAccuracy', 'TensorlensCategoricalCrossentropy',
  'TensorlensCategoricalCrossentropyGrad', 'TensorlensDense', 'TensorlensDenseGrad', 'TensorlensDenseGradInput', 'TensorlensReluGrad', 'TensorlensSoftmaxGrad',
  'TensorlensTapScatter', 'TensorlensTapSum', 'Tile', 'Transpose', 'UnsortedSegmentSum', '_FusedMatMul',
];

function installed(name: string): boolean {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs fn and returns everything it printed through console (tfjs prints only that
 * way; stdout itself carries the test runner's own protocol, so it is left alone).
 */
async function captureOutput<T>(fn: () => Promise<T>): Promise<{ result: T; printed: string[] }> {
  const printed: string[] = [];
  const record = (...args: unknown[]) => void printed.push(args.map(String).join(' '));
  const saved = { log: console.log, warn: console.warn, error: console.error, info: console.info };
  Object.assign(console, { log: record, warn: record, error: record, info: record });
  try {
    return { result: await fn(), printed };
  } finally {
    Object.assign(console, saved);
  }
}

const noTfjsNode = !installed('@tensorflow/tfjs-node') && !installed('@tensorflow/tfjs-node-gpu');

test("selectBackend('auto') without tfjs-node picks wasm, says why, prints nothing", { skip: !noTfjsNode && 'tfjs-node is installed' }, async () => {
  const { result: info, printed } = await captureOutput(() => selectBackend('auto'));
  assert.deepEqual(printed, []);
  assert.equal(tf.getBackend(), 'wasm');
  assert.equal(info.name, 'wasm');
  assert.equal(info.package, '@tensorflow/tfjs-backend-wasm');
  assert.equal(info.threads, availableParallelism(), 'one thread per core by default');
  assert.deepEqual([...info.kernels].sort(), WASM_KERNELS);
  assert.equal(info.fallbackReasons.length, 2);
  assert.match(info.fallbackReasons[0], /^@tensorflow\/tfjs-node-gpu: Cannot find module '@tensorflow\/tfjs-node-gpu'/);
  assert.match(info.fallbackReasons[1], /^@tensorflow\/tfjs-node: Cannot find module '@tensorflow\/tfjs-node'/);
});

test("selectBackend('tensorflow') falls back to wasm with one reason", { skip: !noTfjsNode && 'tfjs-node is installed' }, async () => {
  const info = await selectBackend('tensorflow');
  assert.equal(info.name, 'wasm');
  assert.equal(info.fallbackReasons.length, 1);
  assert.match(info.fallbackReasons[0], /^@tensorflow\/tfjs-node:/);
});

test("selectBackend('cpu') picks cpu with its kernels and no fallbacks", async () => {
  const info = await selectBackend('cpu');
  assert.equal(tf.getBackend(), 'cpu');
  assert.deepEqual(info, {
    name: 'cpu',
    package: '@tensorflow/tfjs-backend-cpu',
    threads: 1,
    kernels: info.kernels,
    fallbackReasons: [],
  });
  assert.deepEqual([...info.kernels].sort(), [
    'AvgPoolGrad', 'Conv2DBackpropFilter', 'DepthwiseConv2dNativeBackpropFilter', 'DepthwiseConv2dNativeBackpropInput',
    'GatherV2', 'MaxPoolGrad', 'TensorlensTapScatter', 'TensorlensTapSum', 'UnsortedSegmentSum',
  ]);
});

test('selecting the same backend again is harmless', async () => {
  const first = await selectBackend('wasm');
  const registered = first.kernels.map((k) => tf.getKernel(k, 'wasm'));
  const { result: second, printed } = await captureOutput(() => selectBackend('wasm'));
  assert.deepEqual(printed, []);
  assert.deepEqual(second, first);
  assert.deepEqual(second.kernels.map((k) => tf.getKernel(k, 'wasm')), registered);
});

test('an unknown preference is an error', async () => {
  await assert.rejects(selectBackend('webgl' as never), /Unknown backend preference 'webgl'/);
});
