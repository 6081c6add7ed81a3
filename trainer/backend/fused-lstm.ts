import * as tf from '@tensorflow/tfjs';
import type { GateActivation, RecurrenceArrays } from './lstm-recurrence';
import { runSplit, sharedFloats } from './helper-threads';

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
 * gates) one pass over shared arrays (split by batch rows across threads), and the recurrent kernel's gradient one more matMul.
 */
export function fusedLstm(args: FusedLstmArgs): tf.Tensor {
  const { x, kernel, recurrentKernel, bias, returnSequences } = args;
  const [batch, steps, inputDim] = x.shape as [number, number, number];
  const gates = kernel.shape[1] as number;
  const units = gates / 4;
  return tf.tidy(() => {
    const projected = tf.matMul(tf.reshape(x, [batch * steps, inputDim]), kernel);
    const z = tf.reshape(bias ? tf.add(projected, bias) : projected, [batch, steps, gates]);
    // customGrad's typing passes its save function among the tensors; this op saves nothing.
    const recurrence = tf.customGrad(((zx: tf.Tensor, u: tf.Tensor) => {
      const state = runForward(zx.dataSync() as Float32Array, u.dataSync() as Float32Array, batch, steps, units, args.gateActivation);
      const { h } = state;
      const value = returnSequences ? tf.tensor3d(h, [batch, steps, units]) : tf.tensor2d(lastSteps(h, batch, steps, units), [batch, units]);
      const gradFunc = (dy: tf.Tensor) => {
        const dyValues = dy.dataSync() as Float32Array;
        const dz = sharedFloats(batch * steps * gates);
        runSplit({ kind: 'lstm-backward', arrays: { ...state, dy: sharedFloats(dyValues.length, dyValues), sequences: returnSequences, dz } }, batch);
        const hPrevious = tf.tensor2d(shiftSteps(h, batch, steps, units), [batch * steps, units]);
        const dzTensor = tf.tensor2d(dz, [batch * steps, gates]);
        return [tf.reshape(dzTensor, [batch, steps, gates]), tf.matMul(hPrevious, dzTensor, true, false)];
      };
      return { value, gradFunc };
    }) as unknown as Parameters<typeof tf.customGrad>[0]);
    return recurrence(z, recurrentKernel);
  });
}

/** The forward pass over shared arrays, which the backward pass reads again. */
function runForward(zx: Float32Array, u: Float32Array, batch: number, steps: number, units: number, activation: GateActivation): RecurrenceArrays {
  const arrays: RecurrenceArrays = {
    batch, steps, units, activation,
    zx: sharedFloats(zx.length, zx),
    u: sharedFloats(u.length, u),
    gates: sharedFloats(batch * steps * 4 * units),
    c: sharedFloats(batch * steps * units),
    h: sharedFloats(batch * steps * units),
  };
  runSplit({ kind: 'lstm-forward', arrays }, batch);
  return arrays;
}

function lastSteps(h: Float32Array, batch: number, steps: number, units: number): Float32Array {
  const out = new Float32Array(batch * units);
  for (let b = 0; b < batch; b++) out.set(h.subarray(((b + 1) * steps - 1) * units, (b + 1) * steps * units), b * units);
  return out;
}

/** Each step's previous output (zeros before the first), what the recurrent kernel multiplied. */
function shiftSteps(h: Float32Array, batch: number, steps: number, units: number): Float32Array {
  const out = new Float32Array(batch * steps * units);
  for (let b = 0; b < batch; b++) out.set(h.subarray(b * steps * units, ((b + 1) * steps - 1) * units), (b * steps + 1) * units);
  return out;
}
