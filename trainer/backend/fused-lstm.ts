import * as tf from '@tensorflow/tfjs';
import type { GateActivation } from './lstm-recurrence';
import { LSTM_STEPS, LSTM_STEPS_GRAD, type LstmStepsAttrs } from './lstm-steps';

export interface FusedLstmArgs {
  /** [batch, steps, inputDim]. */
  x: tf.Tensor;
  /** [inputDim, 4 * units], gates in tfjs-layers' order: input, forget, candidate, output. */
  kernel: tf.Tensor;
  /** [units, 4 * units]. */
  recurrentKernel: tf.Tensor;
  /** [4 * units], or null for useBias: false. */
  bias: tf.Tensor | null;
  gateActivation: GateActivation;
  /** Every step's output [batch, steps, units] rather than the last one [batch, units]. */
  returnSequences: boolean;
}

/**
 * An LSTM layer's forward pass and its gradient, with the tanh activation and zero initial
 * states (what tf.layers.lstm runs without a mask, dropout or state). tfjs-layers runs each
 * step as some 20 kernels forward and 40 backward, so a 100-step LSTM costs thousands of
 * kernel calls a batch, each far smaller than its call overhead. Here the input projection
 * x·kernel + bias is one matMul over every step, the recurrence (h·recurrentKernel and the
 * gates) one kernel of lstm-steps.ts each way, and the recurrent kernel's gradient one more matMul.
 */
export function fusedLstm(args: FusedLstmArgs): tf.Tensor {
  const { x, kernel, recurrentKernel, bias } = args;
  const [batch, steps, inputDim] = x.shape as [number, number, number];
  const width = kernel.shape[1] as number;
  const attrs: LstmStepsAttrs = { activation: args.gateActivation, sequences: args.returnSequences };
  const run = (name: string, inputs: tf.NamedTensorMap) => tf.engine().runKernel(name, inputs, attrs as unknown as tf.NamedAttrMap);
  return tf.tidy(() => {
    const projected = tf.matMul(tf.reshape(x, [batch * steps, inputDim]), kernel);
    const zx = tf.reshape(bias ? tf.add(projected, bias) : projected, [batch, steps, width]);
    // customGrad's typing passes its save function among the tensors.
    const recurrence = tf.customGrad(((z: tf.Tensor, u: tf.Tensor, save: tf.GradSaveFunc) => {
      const [value, gates, c, hprev] = run(LSTM_STEPS, { zx: z, u }) as tf.Tensor[];
      save([gates, c, hprev]);
      const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [g, cells, previous] = saved;
        const dz = run(LSTM_STEPS_GRAD, { gates: g, c: cells, u, dy }) as tf.Tensor;
        const dzRows = tf.reshape(dz, [batch * steps, width]);
        return [dz, tf.matMul(tf.reshape(previous, [batch * steps, width / 4]), dzRows, true, false)];
      };
      return { value, gradFunc };
    }) as unknown as Parameters<typeof tf.customGrad>[0]);
    return recurrence(zx, recurrentKernel);
  });
}
