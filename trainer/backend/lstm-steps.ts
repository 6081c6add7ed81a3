import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { backwardSteps, forwardSteps, type GateActivation, type StepShape } from './lstm-recurrence';
import { runParts, splitRanges } from './simd/simd-threads';
import { simdExports } from './simd/simd-module';
import { allocate, view } from './tensor-memory';
import { isWasmBackend, wasmAllocate, wasmMemory, wasmOffset } from './wasm-heap';
import { startedWasmThreads } from './wasm-threads';

// The fused LSTM's recurrence as two kernels of our own (fused-lstm.ts runs them): on wasm our
// SIMD kernel (simd/lstm-steps.c) on the heap in place, its batch rows split across the
// backend's threads; elsewhere the float64 JS loop of lstm-recurrence.ts. As kernels they
// show up by name in tf.profile, and their saved outputs live and die with the tape.

/** Inputs zx [batch, steps, 4 * units], u [units, 4 * units]; outputs the layer's output, gates, c and hprev. */
export const LSTM_STEPS = 'TensorlensLstmSteps';
/** Inputs gates, c, u and the output's gradient dy; output dz, the gradient of zx. */
export const LSTM_STEPS_GRAD = 'TensorlensLstmStepsGrad';

export interface LstmStepsAttrs { activation: GateActivation; sequences: boolean }

interface LstmSimd {
  lstm_forward(zx: number, u: number, gates: number, c: number, hprev: number, out: number,
    steps: number, units: number, sigmoid: number, sequences: number, from: number, to: number): void;
  lstm_backward(gates: number, c: number, u: number, dy: number, dz: number, scratch: number,
    steps: number, units: number, sigmoid: number, sequences: number, from: number, to: number): void;
  lstm_backward_scratch(units: number): number;
}

function stepShape(zxShape: number[], attrs: LstmStepsAttrs): StepShape {
  const [batch, steps, width] = zxShape;
  return { batch, steps, units: width / 4, ...attrs };
}

/** Batch row ranges, one per thread when the recurrence's multiply-adds pay for the hand-off. */
function rowRanges(s: StepShape): { threads: number; ranges: Array<[number, number]> } {
  const threads = startedWasmThreads();
  return { threads, ranges: splitRanges(s.batch, threads, s.batch * s.steps * 4 * s.units * s.units) };
}

/** The arguments every part of a call shares, after its pointers. */
const tail = (s: StepShape) => [s.steps, s.units, s.activation === 'sigmoid' ? 1 : 0, s.sequences ? 1 : 0];

function runForwardSimd(backend: BackendWasm, s: StepShape, zx: tf.TensorInfo, u: tf.TensorInfo, outs: tf.TensorInfo[]): void {
  const [out, gates, c, hprev] = outs;
  const pointers = [zx, u, gates, c, hprev, out].map((info) => wasmOffset(backend, info));
  const { threads, ranges } = rowRanges(s);
  runParts('lstm-steps', 'lstm_forward', wasmMemory(backend), threads, ranges.map((range) => [...pointers, ...tail(s), ...range]));
}

function runBackwardSimd(backend: BackendWasm, s: StepShape, inputs: tf.TensorInfo[], dz: tf.TensorInfo): void {
  const memory = wasmMemory(backend);
  const { threads, ranges } = rowRanges(s);
  const perPart = simdExports<LstmSimd>('lstm-steps', memory).lstm_backward_scratch(s.units);
  const scratch = wasmAllocate(backend, [ranges.length * perPart], 'float32');
  try {
    const pointers = [...inputs, dz].map((info) => wasmOffset(backend, info));
    const base = wasmOffset(backend, scratch);
    const parts = ranges.map((range, k) => [...pointers, base + 4 * k * perPart, ...tail(s), ...range]);
    runParts('lstm-steps', 'lstm_backward', memory, threads, parts);
  } finally {
    backend.disposeData(scratch.dataId);
  }
}

const lstmSteps: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { zx, u } = inputs as Record<'zx' | 'u', tf.TensorInfo>;
  const s = stepShape(zx.shape, attrs as unknown as LstmStepsAttrs);
  const { batch, steps, units } = s;
  const outShape = s.sequences ? [batch, steps, units] : [batch, units];
  const outs = [outShape, [batch, steps, 4 * units], [batch, steps, units], [batch, steps, units]].map((shape) => allocate(backend, shape, 'float32'));
  const infos = outs.map(({ info }) => info);
  if (isWasmBackend(backend)) {
    runForwardSimd(backend, s, zx, u, infos);
    return infos;
  }
  const [out, gates, c, hprev] = outs.map(({ values }) => values as Float32Array);
  forwardSteps(s, { zx: view(backend, zx) as Float32Array, u: view(backend, u) as Float32Array, gates, c, hprev, out });
  return infos;
};

const lstmStepsGrad: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { gates, c, u, dy } = inputs as Record<'gates' | 'c' | 'u' | 'dy', tf.TensorInfo>;
  const s = stepShape(gates.shape, attrs as unknown as LstmStepsAttrs);
  const { info: dz, values: dzValues } = allocate(backend, gates.shape, 'float32');
  if (isWasmBackend(backend)) {
    runBackwardSimd(backend, s, [gates, c, u, dy], dz);
    return dz;
  }
  const [gv, cv, uv, dyv] = [gates, c, u, dy].map((info) => view(backend, info) as Float32Array);
  backwardSteps(s, { gates: gv, c: cv, u: uv, dy: dyv, dz: dzValues as Float32Array });
  return dz;
};

/** Registers both kernels for `backendName` (idempotent). */
export function registerLstmSteps(backendName: string): void {
  for (const [kernelName, kernelFunc] of [[LSTM_STEPS, lstmSteps], [LSTM_STEPS_GRAD, lstmStepsGrad]] as const) {
    if (!tf.getKernel(kernelName, backendName)) tf.registerKernel({ kernelName, backendName, kernelFunc });
  }
}
