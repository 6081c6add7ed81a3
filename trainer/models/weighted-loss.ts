import * as tf from '@tensorflow/tfjs';

type LossFn = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor;

/** Per-sample losses by their Keras names. */
const LOSSES = {
  mse: tf.metrics.meanSquaredError,
  categorical_crossentropy: tf.metrics.categoricalCrossentropy,
  binary_crossentropy: tf.metrics.binaryCrossentropy,
} satisfies Record<string, LossFn>;

export type LossName = keyof typeof LOSSES;

/**
 * Keras' loss_weights for one output. tfjs' compile() has no lossWeights (a TODO in its
 * training.ts), so the weight goes into the loss itself: the total fit() minimises and logs
 * as `loss` is then Σ weight·loss as in Keras, and each `<output>_loss` is that output's
 * weighted term.
 */
export function weightedLoss(loss: LossName, weight: number): LossFn {
  const fn: LossFn | undefined = LOSSES[loss];
  if (!fn) throw new Error(`weightedLoss: unknown loss "${loss}"; known: ${Object.keys(LOSSES).join(', ')}`);
  return (yTrue, yPred) => tf.mul(fn(yTrue, yPred), weight);
}
