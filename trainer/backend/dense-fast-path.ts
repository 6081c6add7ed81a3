import * as tf from '@tensorflow/tfjs';
import { dense, denseGradient, type DenseActivation } from './kernels/dense';
import { layerFastPath } from './layer-fast-path';

/** The parts of tfjs-layers' Dense (not exported as a type) the fused path reads. */
interface DenseLayer {
  kernel: tf.LayerVariable;
  bias: tf.LayerVariable | null;
  activation: { getClassName(): string; apply(x: tf.Tensor): tf.Tensor };
  invokeCallHook(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): void;
}

const FUSED_ACTIVATIONS = new Set<string>(['linear', 'relu']);

const fastPath = layerFastPath<DenseLayer>('Dense', (layer, x, kwargs) => {
  // tfjs-layers' Dense reshapes a higher-rank input around its product; that stays stock.
  if (x.rank !== 2 || x.dtype !== 'float32' || layer.kernel.dtype !== 'float32') return undefined;
  return tf.tidy(() => {
    layer.invokeCallHook(x, kwargs);
    const name = layer.activation.getClassName();
    const fused = FUSED_ACTIVATIONS.has(name) ? (name as DenseActivation) : 'linear';
    const y = dense(x, layer.kernel.read(), layer.bias?.read(), fused);
    // The other activations as tfjs-layers applies them when it cannot fuse them.
    return fused === name ? y : layer.activation.apply(y);
  });
});

/**
 * Routes tf.layers.dense calls on a rank-2 float32 input through the fused kernels while
 * `backendName` is the active backend, in training and in inference. Idempotent.
 */
export function installDenseFastPath(backendName: string): void {
  if (!tf.getGradient(denseGradient.kernelName)) tf.registerGradient(denseGradient);
  fastPath.install(backendName);
}

/** Turns the fast path off for `backendName`; with no backend left, tfjs-layers' call is put back. */
export function removeDenseFastPath(backendName: string): void {
  fastPath.remove(backendName);
}
