import * as tf from '@tensorflow/tfjs';

/** The LSTM gate activations the fused path knows; tfjs-layers' default is hardSigmoid. */
export type GateActivation = 'hardSigmoid' | 'sigmoid';

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

const gate: Record<GateActivation, { apply(z: number): number; slope(s: number): number }> = {
  // Keras's hard sigmoid, clip(0.2 z + 0.5, 0, 1); its slope is taken from the output.
  hardSigmoid: { apply: (z) => Math.min(1, Math.max(0, 0.2 * z + 0.5)), slope: (s) => (s > 0 && s < 1 ? 0.2 : 0) },
  sigmoid: { apply: (z) => 1 / (1 + Math.exp(-z)), slope: (s) => s * (1 - s) },
};

/**
 * An LSTM layer's forward pass and its gradient, with the tanh activation and zero initial
 * states (what tf.layers.lstm runs without a mask, dropout or state). tfjs-layers runs each
 * step as some 20 kernels forward and 40 backward, so a 100-step LSTM costs thousands of
 * kernel calls a batch, each far smaller than its call overhead. Here the input projection
 * x·kernel + bias is one matMul over every step, the recurrence (h·recurrentKernel and the
 * gates) one pass over plain arrays, and the recurrent kernel's gradient one more matMul.
 */
export function fusedLstm(args: FusedLstmArgs): tf.Tensor {
  const { x, kernel, recurrentKernel, bias, returnSequences } = args;
  const [batch, steps, inputDim] = x.shape as [number, number, number];
  const gates = kernel.shape[1] as number;
  const units = gates / 4;
  const act = gate[args.gateActivation];
  return tf.tidy(() => {
    const projected = tf.matMul(tf.reshape(x, [batch * steps, inputDim]), kernel);
    const z = tf.reshape(bias ? tf.add(projected, bias) : projected, [batch, steps, gates]);
    // customGrad's typing passes its save function among the tensors; this op saves nothing.
    const recurrence = tf.customGrad(((zx: tf.Tensor, u: tf.Tensor) => {
      const us = u.dataSync() as Float32Array;
      const state = runForward(zx.dataSync() as Float32Array, us, batch, steps, units, act.apply);
      const value = returnSequences ? tf.tensor3d(state.h, [batch, steps, units]) : tf.tensor2d(lastSteps(state.h, batch, steps, units), [batch, units]);
      const gradFunc = (dy: tf.Tensor) => {
        const dz = runBackward(state, dy.dataSync() as Float32Array, us, returnSequences, act.slope);
        const hPrevious = tf.tensor2d(shiftSteps(state.h, batch, steps, units), [batch * steps, units]);
        const dzTensor = tf.tensor2d(dz, [batch * steps, gates]);
        return [tf.reshape(dzTensor, [batch, steps, gates]), tf.matMul(hPrevious, dzTensor, true, false)];
      };
      return { value, gradFunc };
    }) as unknown as Parameters<typeof tf.customGrad>[0]);
    return recurrence(z, recurrentKernel);
  });
}

interface LstmState {
  batch: number;
  steps: number;
  units: number;
  /** Gate activations [batch, steps, 4 * units]. */
  gates: Float32Array;
  /** Cell states and outputs [batch, steps, units]. */
  c: Float32Array;
  h: Float32Array;
}

function runForward(zx: Float32Array, u: Float32Array, batch: number, steps: number, units: number, activate: (z: number) => number): LstmState {
  const width = 4 * units;
  const gates = new Float32Array(batch * steps * width);
  const c = new Float32Array(batch * steps * units);
  const h = new Float32Array(batch * steps * units);
  const row = new Float64Array(width);
  for (let b = 0; b < batch; b++) {
    for (let t = 0; t < steps; t++) {
      const at = b * steps + t;
      for (let k = 0; k < width; k++) row[k] = zx[at * width + k];
      if (t > 0) {
        for (let j = 0; j < units; j++) {
          const hv = h[(at - 1) * units + j];
          if (hv === 0) continue;
          for (let k = 0, uo = j * width; k < width; k++) row[k] += hv * u[uo + k];
        }
      }
      for (let j = 0; j < units; j++) {
        const i = activate(row[j]);
        const f = activate(row[units + j]);
        const g = Math.tanh(row[2 * units + j]);
        const o = activate(row[3 * units + j]);
        const cell = (t > 0 ? f * c[(at - 1) * units + j] : 0) + i * g;
        const go = at * width + j;
        gates[go] = i; gates[go + units] = f; gates[go + 2 * units] = g; gates[go + 3 * units] = o;
        c[at * units + j] = cell;
        h[at * units + j] = o * Math.tanh(cell);
      }
    }
  }
  return { batch, steps, units, gates, c, h };
}

/** Backpropagation through time: the gradient of the gate pre-activations, every step. */
function runBackward(state: LstmState, dy: Float32Array, u: Float32Array, sequences: boolean, slope: (s: number) => number): Float32Array {
  const { batch, steps, units, gates, c } = state;
  const width = 4 * units;
  const dz = new Float32Array(batch * steps * width);
  const dh = new Float64Array(units);
  const dc = new Float64Array(units);
  for (let b = 0; b < batch; b++) {
    dh.fill(0);
    dc.fill(0);
    for (let t = steps - 1; t >= 0; t--) {
      const at = b * steps + t;
      for (let j = 0; j < units; j++) {
        const dOut = dh[j] + (sequences ? dy[at * units + j] : t === steps - 1 ? dy[b * units + j] : 0);
        const go = at * width + j;
        const [i, f, g, o] = [gates[go], gates[go + units], gates[go + 2 * units], gates[go + 3 * units]];
        const tc = Math.tanh(c[at * units + j]);
        const dCell = dc[j] + dOut * o * (1 - tc * tc);
        dc[j] = dCell * f;
        dz[go] = dCell * g * slope(i);
        dz[go + units] = t > 0 ? dCell * c[(at - 1) * units + j] * slope(f) : 0;
        dz[go + 2 * units] = dCell * i * (1 - g * g);
        dz[go + 3 * units] = dOut * tc * slope(o);
      }
      for (let j = 0; j < units; j++) {
        let sum = 0;
        for (let k = 0, uo = j * width, zo = at * width; k < width; k++) sum += dz[zo + k] * u[uo + k];
        dh[j] = sum;
      }
    }
  }
  return dz;
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
