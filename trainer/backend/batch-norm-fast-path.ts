import * as tf from '@tensorflow/tfjs';
import { batchNormTraining, batchNormTrainingGradient } from './kernels/batch-norm-training';
import { layerFastPath } from './layer-fast-path';

/** The parts of tfjs-layers' BatchNormalization (not exported as a type) the fused path reads. */
interface BatchNormLayer {
  axis: number;
  momentum: number;
  epsilon: number;
  gamma?: tf.LayerVariable;
  beta?: tf.LayerVariable;
  movingMean: tf.LayerVariable;
  movingVariance: tf.LayerVariable;
}


/** Training over the last axis of float32 data, with both gamma and beta (what the fused kernels compute). */
function fits(layer: BatchNormLayer, x: tf.Tensor, kwargs: Record<string, unknown>): boolean {
  return kwargs?.training === true && x.dtype === 'float32' && x.rank >= 2
    && (layer.axis === -1 || layer.axis === x.rank - 1) && layer.gamma != null && layer.beta != null;
}

/** tfjs-layers' moving average update, the same ops in the same order: v - (v - value) * (1 - momentum). */
function updateMovingAverage(variable: tf.LayerVariable, value: tf.Tensor, momentum: number): void {
  tf.tidy(() => {
    const original = variable.read();
    variable.write(tf.sub(original, tf.mul(tf.sub(original, value), 1 - momentum)));
  });
}

const fastPath = layerFastPath<BatchNormLayer>('BatchNormalization', (layer, x, kwargs) => {
  if (!fits(layer, x, kwargs)) return undefined;
  return tf.tidy(() => {
    const [y, mean, variance] = batchNormTraining(x, layer.gamma!.read(), layer.beta!.read(), layer.epsilon);
    updateMovingAverage(layer.movingMean, mean, layer.momentum);
    updateMovingAverage(layer.movingVariance, variance, layer.momentum);
    return y;
  });
});

/**
 * Routes tf.layers.batchNormalization's training-mode calls through the fused kernels while
 * `backendName` is the active backend; inference and any other layout run tfjs-layers' call.
 * Idempotent.
 */
export function installBatchNormFastPath(backendName: string): void {
  if (!tf.getGradient(batchNormTrainingGradient.kernelName)) tf.registerGradient(batchNormTrainingGradient);
  fastPath.install(backendName);
}

/** Turns the fast path off for `backendName`; with no backend left, tfjs-layers' call is put back. */
export function removeBatchNormFastPath(backendName: string): void {
  fastPath.remove(backendName);
}
