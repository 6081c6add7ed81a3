import * as tf from '@tensorflow/tfjs';
import { allocate, view } from '../tensor-memory';

// tfjs-layers' categorical accuracy, cast(equal(argMax(yTrue, -1), argMax(yPred, -1))), as
// one kernel: stock ran ArgMax twice, Equal and Cast, and since Keras computes metrics
// inside the function it differentiates, each ArgMax also saved a clone of its input for a
// gradient nobody asks for. Like ArgMax, a row's first largest entry is its class; the
// metric has no gradient (nothing trains through it).

export const CATEGORICAL_ACCURACY = 'TensorlensCategoricalAccuracy';

const forward: tf.KernelFunc = ({ inputs, backend }) => {
  const { yTrue, yPred } = inputs as Record<'yTrue' | 'yPred', tf.TensorInfo>;
  const classes = yPred.shape[yPred.shape.length - 1];
  const { info, values: out } = allocate(backend, yPred.shape.slice(0, -1), 'float32');
  const [t, p] = [view(backend, yTrue), view(backend, yPred)];
  const argMax = (values: ArrayLike<number>, base: number) => {
    let best = base;
    for (let j = base + 1; j < base + classes; j++) if (values[j] > values[best]) best = j;
    return best;
  };
  for (let r = 0, base = 0; r < out.length; r++, base += classes) out[r] = argMax(t, base) === argMax(p, base) ? 1 : 0;
  return info;
};

export function categoricalAccuracyConfig(backendName: string): tf.KernelConfig {
  return { kernelName: CATEGORICAL_ACCURACY, backendName, kernelFunc: forward };
}

/** 1 where a row's largest target and prediction are at the same class, else 0, over the last axis. */
export function categoricalAccuracy(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  return tf.engine().runKernel(CATEGORICAL_ACCURACY, { yTrue, yPred }) as tf.Tensor;
}
