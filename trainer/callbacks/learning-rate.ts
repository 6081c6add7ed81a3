import type * as tf from '@tensorflow/tfjs';

/** tfjs optimizers keep their rate in a `learningRate` field; SGD and Momentum also cache it in a scalar. */
interface LearningRateFields {
  learningRate?: unknown;
  setLearningRate?: (learningRate: number) => void;
}

/** The rate the optimizer applies at its next step. */
export function getLearningRate(optimizer: tf.Optimizer): number {
  const { learningRate } = optimizer as unknown as LearningRateFields;
  if (typeof learningRate !== 'number') throw new Error(`${optimizer.getClassName()} has no numeric learningRate, so it cannot be changed during training`);
  return learningRate;
}

/**
 * Changes the rate the optimizer applies from its next step on. Every tfjs optimizer reads the field
 * on each step, except SGD and Momentum, which read a cached scalar that setLearningRate rebuilds.
 */
export function setLearningRate(optimizer: tf.Optimizer, learningRate: number): void {
  getLearningRate(optimizer);
  const fields = optimizer as unknown as LearningRateFields;
  if (typeof fields.setLearningRate === 'function') fields.setLearningRate(learningRate);
  else fields.learningRate = learningRate;
}
