import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractGraph } from '../../../trainer/graph/extract-graph';
import { modelGraphSchema } from '../../../lib/kinds/graph/schema';
import { buildMlpSequential } from '../../../trainer/models/mlp-sequential';
import { buildMlpFunctional } from '../../../trainer/models/mlp-functional';
import { buildQaTwoInput } from '../../../trainer/models/qa-two-input';
import { buildMultiOutput } from '../../../trainer/models/multi-output';
import { buildInception } from '../../../trainer/models/inception';
import { buildResidual } from '../../../trainer/models/residual';
import { buildSiameseLstm } from '../../../trainer/models/siamese-lstm';
import { buildSharedVision } from '../../../trainer/models/shared-vision';
import { buildSeparableConv } from '../../../trainer/models/separable-conv';
import { buildImdbConv1d } from '../../../trainer/models/imdb-conv1d';
import { edgeList, nodeIds, nodeOf } from './graph-edges';

/** A straight chain of layers: each feeds the next. */
const chain = (ids: string[]) => ids.slice(1).map((id, i) => `${ids[i]}#0.0 -> ${id}#0.0`);

const valid = (graph: ReturnType<typeof extractGraph>) => {
  const parsed = modelGraphSchema.safeParse(graph);
  assert.ok(parsed.success, parsed.success ? '' : parsed.error.message);
  return graph;
};

test('the Sequential and functional MLPs draw the same chain', () => {
  const sequential = valid(extractGraph(buildMlpSequential()));
  assert.deepEqual(nodeIds(sequential), ['dense_input', 'dense', 'dense_1', 'dense_2']);
  assert.deepEqual(edgeList(sequential), chain(['dense_input', 'dense', 'dense_1', 'dense_2']));
  const functional = valid(extractGraph(buildMlpFunctional()));
  assert.deepEqual(nodeIds(functional), ['input', 'dense', 'dense_1', 'dense_2']);
  assert.deepEqual(edgeList(functional), chain(['input', 'dense', 'dense_1', 'dense_2']));
  assert.deepEqual(nodeOf(functional, 'dense_2').outputShapes, [[[null, 10]]]);
  assert.deepEqual(sequential.nodes.map((n) => n.params), functional.nodes.map((n) => n.params));
});

test('the IMDB Conv1D is a chain of six layers after its input', () => {
  const graph = valid(extractGraph(buildImdbConv1d({ maxFeatures: 100, maxLen: 50 })));
  const ids = ['embedding_input', 'embedding', 'conv1d', 'max_pooling1d', 'conv1d_1', 'global_max_pooling1d', 'dense'];
  assert.deepEqual(nodeIds(graph), ids);
  assert.deepEqual(edgeList(graph), chain(ids));
});

test('the two-input QA model: two encoders joined by one concatenate', () => {
  const graph = valid(extractGraph(buildQaTwoInput({ vocabularySize: 50, answerCount: 5, textLength: 12, questionLength: 6 })));
  assert.deepEqual([nodeOf(graph, 'text').input, nodeOf(graph, 'question').input], [0, 1]);
  assert.deepEqual(edgeList(graph).sort(), [
    'concatenate#0.0 -> answer#0.0',
    'question#0.0 -> question_embedding#0.0',
    'question_embedding#0.0 -> question_lstm#0.0',
    'question_lstm#0.0 -> concatenate#0.1',
    'text#0.0 -> text_embedding#0.0',
    'text_embedding#0.0 -> text_lstm#0.0',
    'text_lstm#0.0 -> concatenate#0.0',
  ]);
});

test('the multi-output model: one trunk, three heads, three model outputs', () => {
  const graph = valid(extractGraph(buildMultiOutput({ vocabularySize: 50, postLength: 40, incomeGroups: 4 })));
  const trunk = ['posts', 'embedding', 'conv1d', 'max_pooling1d', 'conv1d_1', 'global_max_pooling1d', 'dense'];
  assert.deepEqual(edgeList(graph), [...chain(trunk), 'dense#0.0 -> age#0.0', 'dense#0.0 -> income#0.0', 'dense#0.0 -> gender#0.0']);
  assert.deepEqual(graph.outputs.map((o) => o.node), ['age', 'income', 'gender']);
  assert.deepEqual(nodeOf(graph, 'income').outputShapes, [[[null, 4]]]);
});

test('the inception model: four branches from the stem into one concatenate', () => {
  const graph = valid(extractGraph(buildInception({ imageSize: 16, classes: 3 })));
  assert.deepEqual(edgeList(graph).sort(), [
    'branch_a_1x1#0.0 -> inception_concat#0.0',
    'branch_b_1x1#0.0 -> branch_b_3x3#0.0',
    'branch_b_3x3#0.0 -> inception_concat#0.1',
    'branch_c_3x3#0.0 -> inception_concat#0.2',
    'branch_c_pool#0.0 -> branch_c_3x3#0.0',
    'branch_d_1x1#0.0 -> branch_d_3x3#0.0',
    'branch_d_3x3#0.0 -> branch_d_3x3_1#0.0',
    'branch_d_3x3_1#0.0 -> inception_concat#0.3',
    'global_average_pooling2d#0.0 -> dense#0.0',
    'image#0.0 -> stem#0.0',
    'inception_concat#0.0 -> global_average_pooling2d#0.0',
    'stem#0.0 -> branch_a_1x1#0.0',
    'stem#0.0 -> branch_b_1x1#0.0',
    'stem#0.0 -> branch_c_pool#0.0',
    'stem#0.0 -> branch_d_1x1#0.0',
  ]);
  assert.deepEqual(nodeOf(graph, 'inception_concat').inputShapes, [Array(4).fill([null, 8, 8, 8])]);
  assert.deepEqual(nodeOf(graph, 'inception_concat').outputShapes, [[[null, 8, 8, 32]]]);
});

test('the residual model: an identity add and a projected add', () => {
  const graph = valid(extractGraph(buildResidual({ imageSize: 16, classes: 3 })));
  const edges = edgeList(graph);
  for (const edge of [
    'identity_block_conv_1#0.0 -> identity_add#0.0',
    'stem#0.0 -> identity_add#0.1',
    'identity_add#0.0 -> projection_block_conv#0.0',
    'identity_add#0.0 -> projection_1x1#0.0',
    'projection_block_pool#0.0 -> projection_add#0.0',
    'projection_1x1#0.0 -> projection_add#0.1',
  ]) {
    assert.ok(edges.includes(edge), `${edge} in ${edges.join('; ')}`);
  }
  assert.equal(edges.length, graph.nodes.length - 1 + 2, 'a tree plus one extra edge per add');
  assert.equal(nodeOf(graph, 'identity_add').className, 'Add');
});

test('the siamese LSTM: one shared embedding and one shared LSTM, each with two call sites', () => {
  const graph = valid(extractGraph(buildSiameseLstm({ vocabularySize: 50, sentenceLength: 8 })));
  assert.deepEqual(nodeIds(graph), ['left', 'right', 'shared_embedding', 'shared_lstm', 'concatenate', 'compare', 'similar']);
  assert.equal(nodeOf(graph, 'shared_lstm').callSites, 2);
  assert.equal(nodeOf(graph, 'shared_embedding').callSites, 2);
  assert.deepEqual(edgeList(graph), [
    'left#0.0 -> shared_embedding#0.0',
    'right#0.0 -> shared_embedding#1.0',
    'shared_embedding#0.0 -> shared_lstm#0.0',
    'shared_embedding#1.0 -> shared_lstm#1.0',
    'shared_lstm#0.0 -> concatenate#0.0',
    'shared_lstm#1.0 -> concatenate#0.1',
    'concatenate#0.0 -> compare#0.0',
    'compare#0.0 -> similar#0.0',
  ]);
});

test('the shared vision model: the base model is one node, called twice, holding its own graph', () => {
  const graph = valid(extractGraph(buildSharedVision({ imageSize: 16 })));
  const base = nodeOf(graph, 'vision_base');
  assert.equal(base.callSites, 2);
  assert.deepEqual(edgeList(graph), [
    'left_image#0.0 -> vision_base#0.0',
    'right_image#0.0 -> vision_base#1.0',
    'vision_base#0.0 -> concatenate#0.0',
    'vision_base#1.0 -> concatenate#0.1',
    'concatenate#0.0 -> compare#0.0',
    'compare#0.0 -> same#0.0',
  ]);
  assert.deepEqual(edgeList(base.nested!), chain(['base_image', 'base_conv2d', 'base_max_pooling2d', 'base_conv2d_1', 'base_global_average_pooling2d']));
  assert.equal(base.params, base.nested!.nodes.reduce((n, node) => n + node.params, 0));
});

test('the separable convnet is one chain of nineteen layers', () => {
  const graph = valid(extractGraph(buildSeparableConv({ width: 4 })));
  assert.equal(graph.nodes.length, 1 + 6 * 2 + 2 + 4, 'input, six separable convs each with batch norm, two pools, the head');
  assert.deepEqual(edgeList(graph), chain(nodeIds(graph)));
  assert.equal(nodeOf(graph, 'separable_conv2d').className, 'SeparableConv2D');
});
