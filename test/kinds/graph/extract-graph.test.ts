import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { extractGraph } from '../../../trainer/graph/extract-graph';
import { logModelGraph } from '../../../trainer/graph/log-model-graph';
import { Run } from '../../../lib/client/run';
import { modelGraphSchema } from '../../../lib/kinds/graph/schema';
import { edgeList, nodeIds, nodeOf } from './graph-edges';

const apply = (layer: tf.layers.Layer, x: tf.SymbolicTensor | tf.SymbolicTensor[]) => layer.apply(x) as tf.SymbolicTensor;

test('a Sequential model is a chain from its implicit input layer', () => {
  const model = tf.sequential({ name: 'seq' });
  model.add(tf.layers.dense({ name: 'hidden', units: 4, inputShape: [3] }));
  model.add(tf.layers.dense({ name: 'out', units: 1 }));
  const graph = extractGraph(model);
  assert.deepEqual(nodeIds(graph), ['hidden_input', 'hidden', 'out']);
  assert.equal(nodeOf(graph, 'hidden_input').className, 'InputLayer');
  assert.equal(nodeOf(graph, 'hidden_input').input, 0);
  assert.deepEqual(nodeOf(graph, 'hidden'), {
    id: 'hidden',
    className: 'Dense',
    name: 'hidden',
    callSites: 1,
    inputShapes: [[[null, 3]]],
    outputShapes: [[[null, 4]]],
    params: 16,
  });
  assert.deepEqual(edgeList(graph), ['hidden_input#0.0 -> hidden#0.0', 'hidden#0.0 -> out#0.0']);
  assert.deepEqual(graph.outputs, [{ node: 'out', callSite: 0, tensor: 0 }]);
  assert.equal(graph.className, 'Sequential');
  assert.ok(modelGraphSchema.safeParse(graph).success);
});

test('branches merge in a residual add with one edge per operand', () => {
  const x = tf.input({ name: 'x', shape: [8] });
  const left = apply(tf.layers.dense({ name: 'left', units: 8 }), x);
  const right = apply(tf.layers.dense({ name: 'right_2', units: 8 }), apply(tf.layers.dense({ name: 'right_1', units: 8 }), x));
  const sum = apply(tf.layers.add({ name: 'add' }), [right, x]);
  const out = apply(tf.layers.concatenate({ name: 'concat' }), [left, sum]);
  const graph = extractGraph(tf.model({ name: 'branches', inputs: x, outputs: out }));
  assert.deepEqual(edgeList(graph).sort(), [
    'add#0.0 -> concat#0.1',
    'left#0.0 -> concat#0.0',
    'right_1#0.0 -> right_2#0.0',
    'right_2#0.0 -> add#0.0',
    'x#0.0 -> add#0.1',
    'x#0.0 -> left#0.0',
    'x#0.0 -> right_1#0.0',
  ]);
  assert.deepEqual(nodeOf(graph, 'add').inputShapes, [[[null, 8], [null, 8]]]);
  assert.deepEqual(nodeOf(graph, 'concat').outputShapes, [[[null, 16]]]);
  assert.equal(nodeIds(graph)[0], 'x', 'inputs come first');
});

test('a shared LSTM is one node with two call sites and an edge per call', () => {
  const a = tf.input({ name: 'a', shape: [5, 4] });
  const b = tf.input({ name: 'b', shape: [7, 4] });
  const lstm = tf.layers.lstm({ name: 'shared_lstm', units: 6 });
  const merged = apply(tf.layers.concatenate({ name: 'merged' }), [apply(lstm, a), apply(lstm, b)]);
  const graph = extractGraph(tf.model({ name: 'siamese', inputs: [a, b], outputs: merged }));
  const shared = nodeOf(graph, 'shared_lstm');
  assert.equal(shared.callSites, 2);
  assert.equal(shared.params, 4 * (6 * (4 + 6) + 6));
  assert.deepEqual(shared.inputShapes, [[[null, 5, 4]], [[null, 7, 4]]]);
  assert.deepEqual(shared.outputShapes, [[[null, 6]], [[null, 6]]]);
  assert.deepEqual(edgeList(graph), ['a#0.0 -> shared_lstm#0.0', 'b#0.0 -> shared_lstm#1.0', 'shared_lstm#0.0 -> merged#0.0', 'shared_lstm#1.0 -> merged#0.1']);
  assert.deepEqual([nodeOf(graph, 'a').input, nodeOf(graph, 'b').input], [0, 1]);
});

test('a layer shared with another model keeps only this model’s calls', () => {
  const dense = tf.layers.dense({ name: 'both', units: 2 });
  const x = tf.input({ name: 'first_in', shape: [3] });
  const y = tf.input({ name: 'second_in', shape: [3] });
  const first = tf.model({ name: 'first', inputs: x, outputs: apply(dense, x) });
  tf.model({ name: 'second', inputs: y, outputs: apply(dense, y) });
  const graph = extractGraph(first);
  assert.deepEqual(nodeIds(graph), ['first_in', 'both']);
  assert.equal(nodeOf(graph, 'both').callSites, 1);
  assert.deepEqual(edgeList(graph), ['first_in#0.0 -> both#0.0']);
});

test('a model used as a layer is one node carrying its own graph', () => {
  const inner = tf.sequential({ name: 'encoder' });
  inner.add(tf.layers.dense({ name: 'encoder_dense', units: 3, inputShape: [6] }));
  inner.add(tf.layers.dense({ name: 'encoder_out', units: 2 }));
  const x = tf.input({ name: 'x', shape: [6] });
  const pre = apply(tf.layers.dense({ name: 'pre', units: 6 }), x);
  const both = apply(tf.layers.concatenate({ name: 'both' }), [apply(inner, x), apply(inner, pre)]);
  const graph = extractGraph(tf.model({ name: 'outer', inputs: x, outputs: both }));
  const encoder = nodeOf(graph, 'encoder');
  assert.equal(encoder.className, 'Sequential');
  assert.equal(encoder.callSites, 2);
  assert.equal(encoder.params, 6 * 3 + 3 + 3 * 2 + 2);
  assert.deepEqual(nodeIds(encoder.nested!), ['encoder_dense_input', 'encoder_dense', 'encoder_out']);
  assert.deepEqual(edgeList(encoder.nested!), ['encoder_dense_input#0.0 -> encoder_dense#0.0', 'encoder_dense#0.0 -> encoder_out#0.0']);
  assert.deepEqual(edgeList(graph), ['x#0.0 -> pre#0.0', 'x#0.0 -> encoder#0.0', 'pre#0.0 -> encoder#1.0', 'encoder#0.0 -> both#0.0', 'encoder#1.0 -> both#0.1']);
  assert.ok(modelGraphSchema.safeParse(graph).success);
});

test('several outputs, of the model and of one layer, are told apart by tensor index', () => {
  const x = tf.input({ name: 'seq', shape: [5, 4] });
  const [, h, c] = tf.layers.lstm({ name: 'lstm', units: 3, returnState: true }).apply(x) as tf.SymbolicTensor[];
  const fromH = apply(tf.layers.dense({ name: 'from_h', units: 1 }), h);
  const fromC = apply(tf.layers.dense({ name: 'from_c', units: 2 }), c);
  const graph = extractGraph(tf.model({ name: 'heads', inputs: x, outputs: [fromH, fromC] }));
  assert.deepEqual(nodeOf(graph, 'lstm').outputShapes, [[[null, 3], [null, 3], [null, 3]]]);
  assert.deepEqual(edgeList(graph), ['seq#0.0 -> lstm#0.0', 'lstm#0.1 -> from_h#0.0', 'lstm#0.2 -> from_c#0.0']);
  assert.deepEqual(graph.outputs, [
    { node: 'from_h', callSite: 0, tensor: 0 },
    { node: 'from_c', callSite: 0, tensor: 0 },
  ]);
});

test('a model whose graph cannot be read still trains: the trainer logs why and sends nothing', (t) => {
  const run = new Run({ server: 'http://127.0.0.1:9', name: 'unbuilt' });
  t.after(() => run.close());
  const lines: string[] = [];
  logModelGraph(run, tf.sequential({ name: 'empty' }), (line) => lines.push(line));
  assert.equal(lines.length, 1);
  assert.match(lines[0], /^model graph not sent: nodes: Too small/, 'a model with no layers has no graph');
});
