import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { backwardSteps, forwardSteps, type GateActivation, type StepShape } from './lstm-recurrence';
import { runParts, splitRanges } from './simd/simd-threads';
import { simdExports } from './simd/simd-module';
import { allocate, view } from './tensor-memory';
import { isWasmBackend, wasmAllocate, wasmMemory, wasmOffset, wasmView } from './wasm-heap';
import { startedWasmThreads } from './wasm-threads';

// The fused LSTM's recurrence as two kernels of our own (fused-lstm.ts runs them): on wasm our
// SIMD kernel (simd/lstm-steps.c) on the heap in place, its batch rows shared out among the
// backend's threads; elsewhere the float64 JS loop of lstm-recurrence.ts. As kernels they
// show up by name in tf.profile, and their saved outputs live and die with the tape.

/** Inputs zx [batch, steps, 4 * units], u [units, 4 * units]; outputs the layer's output, gates, c and hprev. */
export const LSTM_STEPS = 'TensorlensLstmSteps';
/** Inputs gates, c, u and the output's gradient dy; outputs dz, the gradient of zx, and dz transposed [4 * units, batch * steps]. */
export const LSTM_STEPS_GRAD = 'TensorlensLstmStepsGrad';

export interface LstmStepsAttrs { activation: GateActivation; sequences: boolean }

interface LstmSimd { lstm_backward_scratch(units: number): number }

function stepShape(zxShape: number[], attrs: LstmStepsAttrs): StepShape {
  const [batch, steps, width] = zxShape;
  return { batch, steps, units: width / 4, ...attrs };
}

/**
 * Runs `fn` of simd/lstm-steps.c on as many threads as the recurrence's multiply-adds pay for,
 * all taking rows from one counter on the heap; `args(part)` gives a part's leading arguments.
 */
function runRows(backend: BackendWasm, fn: string, s: StepShape, args: (part: number) => number[]): void {
  const threads = startedWasmThreads();
  const parts = splitRanges(s.batch, threads, s.batch * s.steps * 4 * s.units * s.units).length;
  const counter = wasmAllocate(backend, [1], 'int32');
  try {
    wasmView(backend, counter)[0] = 0;
    const tail = [s.steps, s.units, s.activation === 'sigmoid' ? 1 : 0, s.sequences ? 1 : 0, wasmOffset(backend, counter), s.batch];
    runParts('lstm-steps', fn, wasmMemory(backend), threads, Array.from({ length: parts }, (_, k) => [...args(k), ...tail]));
  } finally {
    backend.disposeData(counter.dataId);
  }
}

function runForwardSimd(backend: BackendWasm, s: StepShape, zx: tf.TensorInfo, u: tf.TensorInfo, outs: tf.TensorInfo[]): void {
  const [out, gates, c, hprev] = outs;
  const pointers = [zx, u, gates, c, hprev, out].map((info) => wasmOffset(backend, info));
  runRows(backend, 'lstm_forward', s, () => pointers);
}

function runBackwardSimd(backend: BackendWasm, s: StepShape, inputs: tf.TensorInfo[], outs: tf.TensorInfo[]): void {
  // Scratch for every thread the backend has, whether or not a call uses them all.
  const perPart = simdExports<LstmSimd>('lstm-steps', wasmMemory(backend)).lstm_backward_scratch(s.units);
  const scratch = wasmAllocate(backend, [startedWasmThreads() * perPart], 'float32');
  try {
    const pointers = [...inputs, ...outs].map((info) => wasmOffset(backend, info));
    const base = wasmOffset(backend, scratch);
    runRows(backend, 'lstm_backward', s, (part) => [...pointers, base + 4 * part * perPart]);
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
  const rows = s.batch * s.steps;
  const width = 4 * s.units;
  const [dz, dzt] = [gates.shape, [width, rows]].map((shape) => allocate(backend, shape, 'float32'));
  if (isWasmBackend(backend)) {
    runBackwardSimd(backend, s, [gates, c, u, dy], [dz.info, dzt.info]);
    return [dz.info, dzt.info];
  }
  const [gv, cv, uv, dyv] = [gates, c, u, dy].map((info) => view(backend, info) as Float32Array);
  backwardSteps(s, { gates: gv, c: cv, u: uv, dy: dyv, dz: dz.values as Float32Array });
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < width; k++) dzt.values[k * rows + r] = dz.values[r * width + k];
  }
  return [dz.info, dzt.info];
};

/** Registers both kernels for `backendName` (idempotent). */
export function registerLstmSteps(backendName: string): void {
  for (const [kernelName, kernelFunc] of [[LSTM_STEPS, lstmSteps], [LSTM_STEPS_GRAD, lstmStepsGrad]] as const) {
    if (!tf.getKernel(kernelName, backendName)) tf.registerKernel({ kernelName, backendName, kernelFunc });
  }
}
