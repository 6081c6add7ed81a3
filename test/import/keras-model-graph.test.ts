import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { kerasModelGraph } from '../../lib/import/keras-model-graph';
import { modelGraphSchema } from '../../lib/kinds/graph/schema';
import { extractGraph } from '../../trainer/graph/extract-graph';
import { buildImdbConv1d } from '../../trainer/models/imdb-conv1d';
import { buildInception } from '../../trainer/models/inception';
import { buildMlpFunctional } from '../../trainer/models/mlp-functional';
import { buildMlpSequential } from '../../trainer/models/mlp-sequential';
import { buildMultiOutput } from '../../trainer/models/multi-output';
import { buildQaTwoInput } from '../../trainer/models/qa-two-input';
import { buildResidual } from '../../trainer/models/residual';
import { buildSharedVision } from '../../trainer/models/shared-vision';
import { buildSiameseLstm } from '../../trainer/models/siamese-lstm';

/**
 * tfjs writes a model's config in Keras' own JSON (`model.toJSON()`, as tf.keras' `to_json()`), so
 * the lecture's models give configs whose graph is known exactly: the one extractGraph reads from
 * the live layers. The config alone must give the same nodes, shapes, parameters and edges.
 */
const MODELS: [string, () => tf.LayersModel][] = [
  ['mlp-sequential', buildMlpSequential],
  ['mlp-functional', buildMlpFunctional],
  ['imdb-conv1d', () => buildImdbConv1d({ maxFeatures: 100, maxLen: 50 })],
  ['qa-two-input', () => buildQaTwoInput({ vocabularySize: 50, answerCount: 5, textLength: 12, questionLength: 6 })],
  ['multi-output', () => buildMultiOutput({ vocabularySize: 50, postLength: 40, incomeGroups: 4 })],
  ['inception', () => buildInception({ imageSize: 16, classes: 3 })],
  ['residual', () => buildResidual({ imageSize: 16, classes: 3 })],
  ['siamese-lstm', () => buildSiameseLstm({ vocabularySize: 50, sentenceLength: 8 })],
  ['shared-vision', () => buildSharedVision({ imageSize: 16 })],
];

for (const [name, build] of MODELS) {
  test(`${name}: the Keras config gives the graph the live model gives`, () => {
    const model = build();
    const config = JSON.parse(model.toJSON(null, true) as string) as { class_name: string; config: unknown };
    const graph = kerasModelGraph(config);
    const parsed = modelGraphSchema.safeParse(graph);
    assert.ok(parsed.success, parsed.success ? '' : parsed.error.message);
    assert.deepEqual(graph, extractGraph(model));
    model.dispose();
  });
}

test('Keras 3 configs: calls as args holding keras tensors, one input as a bare reference, and unknown classes', () => {
  const tensor = (layer: string, node = 0, index = 0) => ({ class_name: '__keras_tensor__', config: { shape: [null, 4], keras_history: [layer, node, index] } });
  const graph = kerasModelGraph({
    class_name: 'Functional',
    config: {
      name: 'k3',
      layers: [
        { class_name: 'InputLayer', name: 'x', config: { batch_shape: [null, 4], name: 'x' }, inbound_nodes: [] },
        { class_name: 'Dense', name: 'h', config: { name: 'h', units: 3 }, inbound_nodes: [{ args: [tensor('x')], kwargs: {} }] },
        { class_name: 'MyOwnLayer', name: 'mine', config: { name: 'mine' }, inbound_nodes: [{ args: [tensor('h')], kwargs: {} }] },
        { class_name: 'Concatenate', name: 'cat', config: { name: 'cat', axis: -1 }, inbound_nodes: [{ args: [[tensor('h'), tensor('x')]], kwargs: {} }] },
      ],
      input_layers: ['x', 0, 0],
      output_layers: [['mine', 0, 0], ['cat', 0, 0]],
    },
  });
  assert.ok(modelGraphSchema.safeParse(graph).success);
  assert.deepEqual(
    graph.nodes.map((n) => [n.id, n.outputShapes[0][0], n.params]),
    [
      ['x', [null, 4], 0],
      ['h', [null, 3], 15],
      ['mine', [null, null], 0],
      ['cat', [null, 7], 0],
    ],
  );
  assert.deepEqual(graph.nodes[0].input, 0);
  assert.deepEqual(graph.edges.map((e) => `${e.source}->${e.target}.${e.targetInput}`), ['x->h.0', 'h->mine.0', 'h->cat.0', 'x->cat.1']);
});
