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
 * gates) one kernel of lstm-steps.ts each way, and each weight's gradient one matMul of the
 * transposed dz its backward kernel writes: tfjs-backend-wasm would otherwise transpose x and
 * the previous outputs, 6.5 of a 37 ms siamese LSTM step.
 */
export function fusedLstm(args: FusedLstmArgs): tf.Tensor {
  const { x, kernel, recurrentKernel, bias } = args;
  const [batch, steps, inputDim] = x.shape as [number, number, number];
  const width = kernel.shape[1] as number;
  const rows = batch * steps;
  const attrs: LstmStepsAttrs = { activation: args.gateActivation, sequences: args.returnSequences };
  const run = (name: string, inputs: tf.NamedTensorMap) => tf.engine().runKernel(name, inputs, attrs as unknown as tf.NamedAttrMap);
  // customGrad's typing passes its save function among the tensors; the bias is optional.
  const lstm = tf.customGrad(((...inputs: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const save = inputs.pop() as tf.GradSaveFunc;
    const [xs, k, u, b] = inputs as tf.Tensor[];
    const flat = tf.reshape(xs, [rows, inputDim]);
    const projected = tf.matMul(flat, k);
    const zx = tf.reshape(b ? tf.add(projected, b) : projected, [batch, steps, width]);
    const [value, gates, c, hprev] = run(LSTM_STEPS, { zx, u }) as tf.Tensor[];
    save([flat, gates, c, hprev]);
    const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [xRows, g, cells, previous] = saved;
      const [dz, dzt] = run(LSTM_STEPS_GRAD, { gates: g, c: cells, u, dy }) as tf.Tensor[];
      const dzRows = tf.reshape(dz, [rows, width]);
      const grads = [
        tf.reshape(tf.matMul(dzRows, k, false, true), xs.shape),
        tf.transpose(tf.matMul(dzt, xRows)),
        tf.transpose(tf.matMul(dzt, tf.reshape(previous, [rows, width / 4]))),
      ];
      return b ? [...grads, tf.sum(dzRows, 0)] : grads;
    };
    return { value, gradFunc };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return (lstm as (...t: tf.Tensor[]) => tf.Tensor)(...[x, kernel, recurrentKernel, ...(bias ? [bias] : [])]);
}
