import * as tf from '@tensorflow/tfjs';
import { compileMlp, type MlpArgs } from './mlp-sequential';

/** The same MLP as buildMlpSequential, declared with the functional API (tf.input → layer calls → tf.model). */
export function buildMlpFunctional(args: MlpArgs = {}): tf.LayersModel {
  const { inputDim = 64, classes = 10, learningRate } = args;
  const input = tf.input({ name: 'input', shape: [inputDim] });
  const x = tf.layers.dense({ name: 'dense', units: 32, activation: 'relu' }).apply(input) as tf.SymbolicTensor;
  const y = tf.layers.dense({ name: 'dense_1', units: 32, activation: 'relu' }).apply(x) as tf.SymbolicTensor;
  const output = tf.layers.dense({ name: 'dense_2', units: classes, activation: 'softmax' }).apply(y) as tf.SymbolicTensor;
  return compileMlp(tf.model({ name: 'model', inputs: input, outputs: output }), learningRate);
}
