import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';

export interface LossAndGrads {
  outputs: number[];
  loss: number;
  grads: number[][];
}

interface SavedWeight {
  values: tf.TypedArray;
  shape: number[];
  dtype: tf.DataType;
}

/** Outputs, loss and gradients of one training-mode step under binary cross-entropy. */
export function lossAndGrads(model: tf.LayersModel, x: () => tf.Tensor, y: () => tf.Tensor): LossAndGrads {
  return tf.tidy(() => {
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const { value, grads } = tf.variableGrads(() => {
      const predicted = model.apply(x(), { training: true }) as tf.Tensor;
      return tf.metrics.binaryCrossentropy(y(), predicted).mean() as tf.Scalar;
    }, variables);
    const outputs = Array.from((model.apply(x(), { training: true }) as tf.Tensor).dataSync());
    return { outputs, loss: value.dataSync()[0], grads: variables.map((v) => Array.from(grads[v.name].dataSync())) };
  });
}

/** A model's weights copied out of the backend, to load into its twin on another one. */
export function saveWeights(model: tf.LayersModel): SavedWeight[] {
  return model.getWeights().map((w) => ({ values: w.dataSync().slice(), shape: w.shape, dtype: w.dtype }));
}

export function loadWeights(model: tf.LayersModel, saved: SavedWeight[]): void {
  const tensors = saved.map((w) => tf.tensor(w.values, w.shape, w.dtype));
  model.setWeights(tensors);
  tf.dispose(tensors);
}

/**
 * Builds the model on stock cpu and again, with the same weights, on the backend
 * `activate` starts, and asserts one training step gives the same outputs, loss and gradients.
 */
export async function expectSameLossAndGrads(
  build: () => tf.LayersModel, x: () => tf.Tensor, y: () => tf.Tensor, activate: () => Promise<unknown>,
): Promise<void> {
  await tf.setBackend('cpu');
  const cpuModel = build();
  const cpu = lossAndGrads(cpuModel, x, y);
  const weights = saveWeights(cpuModel);
  cpuModel.dispose();
  await activate();
  const model = build();
  loadWeights(model, weights);
  const other = lossAndGrads(model, x, y);
  model.dispose();
  const backend = tf.getBackend();
  const outputDiff = Math.max(...cpu.outputs.map((v, j) => Math.abs(v - other.outputs[j])));
  assert.ok(outputDiff <= 1e-5, `${backend}: outputs differ by ${outputDiff}`);
  assert.ok(Number.isFinite(other.loss), `${backend}: loss ${other.loss}`);
  assert.ok(Math.abs(other.loss - cpu.loss) < 1e-5, `${backend}: loss ${other.loss} vs ${cpu.loss}`);
  cpu.grads.forEach((expected, i) => {
    const scale = Math.max(1e-3, ...expected.map(Math.abs));
    const maxDiff = Math.max(...expected.map((v, j) => Math.abs(v - other.grads[i][j])));
    assert.ok(maxDiff <= 1e-3 * scale, `${backend}: gradient ${i} differs by ${maxDiff} (scale ${scale})`);
  });
}
