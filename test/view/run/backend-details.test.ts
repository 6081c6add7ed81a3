import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backendDetails, backendSummary } from '../../../lib/view/run/backend-details';

test('the backend recorded by the trainer is summarised with its threads and kernels', () => {
  const details = backendDetails({ backend: { name: 'wasm', package: '@tensorflow/tfjs-backend-wasm', threads: 2, kernels: ['Conv2DBackpropFilter', 'UnsortedSegmentSum'] } });
  assert.deepEqual(details, { threads: 2, kernels: ['Conv2DBackpropFilter', 'UnsortedSegmentSum'], package: '@tensorflow/tfjs-backend-wasm' });
  assert.equal(backendSummary(details), '2 threads · 2 Tensorlens kernels');
  assert.equal(backendSummary(backendDetails({ backend: { threads: 1, kernels: [] } })), '1 thread');
});

test('a config without a backend object, or with odd values, shows nothing extra', () => {
  assert.equal(backendDetails({ backend: 'wasm' }), null);
  assert.equal(backendSummary(backendDetails({})), null);
  assert.deepEqual(backendDetails({ backend: { threads: 'many', kernels: [1, 'Gather'] } }), { threads: null, kernels: ['Gather'], package: null });
});
