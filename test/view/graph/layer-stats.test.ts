import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeHistogram } from '../../../lib/kinds/histogram/compute-histogram';
import type { GraphNode } from '../../../lib/kinds/graph/meta';
import { withBasisPoints } from '../../../lib/kinds/histogram/basis-points';
import type { HistogramSlice, HistogramSlices } from '../../../lib/view/histogram/histogram-slices';
import { changeBand, layerStats, normFraction } from '../../../lib/view/graph/graph-stats';

const node = (name: string, nested?: GraphNode[]): GraphNode => ({
  id: name,
  className: nested ? 'Sequential' : 'Dense',
  name,
  callSites: 1,
  inputShapes: [[[null, 2]]],
  outputShapes: [[[null, 2]]],
  params: 6,
  ...(nested ? { nested: { name, className: 'Sequential', nodes: nested, edges: [], outputs: [{ node: nested[0].id, callSite: 0, tensor: 0 }] } } : {}),
});

/** tag → values per step */
function slices(series: Record<string, Record<number, number[]>>): HistogramSlices {
  const out: Record<string, HistogramSlice[]> = {};
  for (const [tag, bySteps] of Object.entries(series)) {
    out[tag] = Object.entries(bySteps).map(([step, values]) => withBasisPoints({ ...computeHistogram(values, 4), step: Number(step), wallTime: 0 }));
  }
  return out;
}

test('the weight norm is sqrt of the sum of squares over all the layer’s weights, with its change per step', () => {
  const s = slices({
    'weights/dense/kernel': { 1: [3, 0], 2: [3, 4] },
    'weights/dense/bias': { 1: [4], 2: [0] },
    'weights/dense_1/kernel': { 1: [100], 2: [100] },
  });
  const stats = layerStats(s, node('dense'))!;
  assert.equal(stats.step, 2);
  assert.equal(stats.weightNorm, 5);
  assert.equal(stats.weightChange, 0, 'norm 5 at both steps; dense_1 is another layer');
  assert.equal(stats.activationMean, undefined);
  assert.equal(changeBand(stats), 'frozen');
});

test('a step counts only once every weight of the layer has arrived at it', () => {
  const s = slices({ 'weights/dense/kernel': { 1: [1], 2: [2], 3: [30] }, 'weights/dense/bias': { 1: [0], 2: [0] } });
  const stats = layerStats(s, node('dense'))!;
  assert.equal(stats.weightNorm, 2);
  assert.equal(stats.weightChange, 1);
  assert.equal(changeBand(stats), 'jumping');
});

test('activation mean and std combine every output of the layer, finite values only', () => {
  const s = slices({ 'activations/lstm/0': { 5: [1, 3] }, 'activations/lstm/1': { 5: [5, 7, NaN] }, 'activations/lstm_2': { 5: [100] } });
  const stats = layerStats(s, node('lstm'))!;
  assert.equal(stats.activationMean, 4);
  assert.equal(stats.activationStd, Math.sqrt(5));
  assert.equal(stats.nonFinite, true);
  assert.equal(changeBand(stats), 'non-finite');
  const single = layerStats(slices({ 'activations/lstm': { 1: [2, 2] } }), node('lstm'))!;
  assert.deepEqual([single.activationMean, single.activationStd], [2, 0]);
});

test('a nested model’s norm covers the weights of every layer inside it', () => {
  const s = slices({ 'weights/inner_a/kernel': { 1: [3] }, 'weights/inner_b/kernel': { 1: [4] }, 'activations/encoder': { 1: [1] } });
  const stats = layerStats(s, node('encoder', [node('inner_a'), node('inner_b')]))!;
  assert.equal(stats.weightNorm, 5);
  assert.equal(stats.activationMean, 1);
  assert.equal(changeBand(stats), null, 'one step: no change yet');
});

test('no histograms, no stats; bands split at 0.1 %, 1 % and 10 %', () => {
  assert.equal(layerStats({}, node('dense')), null);
  const band = (weightChange: number) => changeBand({ step: 1, weightNorm: 1, weightChange, nonFinite: false });
  assert.deepEqual([0.0009, -0.002, 0.05, -0.2].map(band), ['frozen', 'steady', 'fast', 'jumping']);
  assert.equal(normFraction(undefined, 10), 0);
  assert.equal(normFraction(10, 10), 1);
  assert.ok(normFraction(1, 10) > 0 && normFraction(1, 10) < 0.5);
});
