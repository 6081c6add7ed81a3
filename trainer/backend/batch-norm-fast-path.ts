import * as tf from '@tensorflow/tfjs';
import { batchNormTraining, batchNormTrainingGradient } from './kernels/batch-norm-training';

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
type Call = (this: BatchNormLayer, inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>) => tf.Tensor | tf.Tensor[];

let stockCall: Call | undefined;
/** Backends with the fused kernels registered (batch-norm-training.ts); others keep the stock call. */
const backends = new Set<string>();

function batchNormPrototype(): { call: Call } {
  // tfjs does not export the class; its serialization registry holds it under its Keras name.
  const [BatchNormClass] = tf.serialization.SerializationMap.getMap().classNameMap.BatchNormalization as unknown as [{ prototype: { call: Call } }];
  return BatchNormClass.prototype;
}

/** Training over the last axis of float32 data, with both gamma and beta (what the fused kernels compute). */
function fits(layer: BatchNormLayer, x: tf.Tensor, kwargs: Record<string, unknown>): boolean {
  return backends.has(tf.getBackend()) && kwargs?.training === true && x.dtype === 'float32' && x.rank >= 2
    && (layer.axis === -1 || layer.axis === x.rank - 1) && layer.gamma != null && layer.beta != null;
}

/** tfjs-layers' moving average update, the same ops in the same order: v - (v - value) * (1 - momentum). */
function updateMovingAverage(variable: tf.LayerVariable, value: tf.Tensor, momentum: number): void {
  tf.tidy(() => {
    const original = variable.read();
    variable.write(tf.sub(original, tf.mul(tf.sub(original, value), 1 - momentum)));
  });
}

/**
 * Routes tf.layers.batchNormalization's training-mode calls through the fused kernels while
 * `backendName` is the active backend; inference and any other layout run tfjs-layers' call.
 * Idempotent.
 */
export function installBatchNormFastPath(backendName: string): void {
  backends.add(backendName);
  if (!tf.getGradient(batchNormTrainingGradient.kernelName)) tf.registerGradient(batchNormTrainingGradient);
  if (stockCall) return;
  const prototype = batchNormPrototype();
  const stock = prototype.call;
  stockCall = stock;
  prototype.call = function (this: BatchNormLayer, inputs, kwargs) {
    const x = Array.isArray(inputs) && inputs.length === 1 ? inputs[0] : inputs;
    if (Array.isArray(x) || !fits(this, x, kwargs)) return stock.call(this, inputs, kwargs);
    return tf.tidy(() => {
      const [y, mean, variance] = batchNormTraining(x, this.gamma!.read(), this.beta!.read(), this.epsilon);
      updateMovingAverage(this.movingMean, mean, this.momentum);
      updateMovingAverage(this.movingVariance, variance, this.momentum);
      return y;
    });
  };
}

/** Turns the fast path off for `backendName`; with no backend left, tfjs-layers' call is put back. */
export function removeBatchNormFastPath(backendName: string): void {
  backends.delete(backendName);
  if (!stockCall || backends.size > 0) return;
  batchNormPrototype().call = stockCall;
  stockCall = undefined;
}
