import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { buildMlpFunctional } from '../../../trainer/models/mlp-functional';
import { buildMlpSequential } from '../../../trainer/models/mlp-sequential';

/**
 * Layer classes, activations, output shapes, parameters and, per layer, which layers feed it (by position,
 * or 'input'); names are left out. tf.sequential lists no InputLayer among its layers, a
 * functional model does, so input layers are compared as the 'input' they stand for.
 */
function topology(model: tf.LayersModel) {
  const layers = model.layers.filter((l) => l.getClassName() !== 'InputLayer');
  const feeds = (layer: tf.layers.Layer) =>
    layer.inboundNodes.flatMap((node) => node.inboundLayers.map((inbound) => (inbound.getClassName() === 'InputLayer' ? 'input' : layers.indexOf(inbound))));
  return layers.map((layer) => ({
    className: layer.getClassName(),
    activation: (layer.getConfig() as { activation?: string }).activation,
    outputShape: layer.outputShape,
    feeds: feeds(layer),
    params: layer.countParams(),
  }));
}

test('the Sequential and the functional MLP have the same topology and parameter count', async () => {
  await tf.setBackend('cpu');
  const sequential = buildMlpSequential();
  const functional = buildMlpFunctional();
  assert.deepEqual(topology(sequential), topology(functional));
  assert.deepEqual(topology(functional).map((l) => [l.className, l.outputShape, l.feeds]), [
    ['Dense', [null, 32], ['input']],
    ['Dense', [null, 32], [0]],
    ['Dense', [null, 10], [1]],
  ]);
  assert.deepEqual(sequential.inputs.map((i) => i.shape), [[null, 64]]);
  assert.deepEqual(functional.inputs.map((i) => i.shape), [[null, 64]]);
  assert.equal(sequential.countParams(), 64 * 32 + 32 + 32 * 32 + 32 + 32 * 10 + 10);
  assert.equal(functional.countParams(), sequential.countParams());
  sequential.dispose();
  functional.dispose();
});
