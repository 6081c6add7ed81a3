import * as tf from '@tensorflow/tfjs';
import { runParts, splitRanges } from '../simd/simd-threads';
import { allocate, view } from '../tensor-memory';
import { isWasmBackend, wasmMemory } from '../wasm-heap';
import { startedWasmThreads } from '../wasm-threads';

// The two passes over token ids of the Embedding->Conv1D fusion (../embedding-conv1d.ts),
// as kernels of our own so that they work on tensors where they lie: on wasm our SIMD
// kernel (simd/tap-sum.c) over the heap, split across threads; on cpu the same loops in JS.

export const TAP_SUM = 'TensorlensTapSum';
export const TAP_SCATTER = 'TensorlensTapScatter';

/** Where each tap of each output position reads: the convolution's geometry. */
export interface TapAttrs {
  taps: number;
  stride: number;
  /** Positions of padding before the first token ('same' padding's left part). */
  pad: number;
  outLen: number;
}

interface Geometry extends TapAttrs { seqLen: number; filters: number; vocab: number }

/** The id tap k of output position t reads in a row of ids, or -1 in the padding or out of the vocabulary. */
function tapId(ids: ArrayLike<number>, rowStart: number, t: number, k: number, g: Geometry): number {
  const pos = t * g.stride + k - g.pad;
  if (pos < 0 || pos >= g.seqLen) return -1;
  const id = ids[rowStart + pos];
  return id >= 0 && id < g.vocab ? id : -1;
}

function tapSumJs(p: Float32Array, ids: Int32Array, bias: Float32Array | null, out: Float32Array, batch: number, g: Geometry): void {
  const { filters, taps, outLen, seqLen } = g;
  for (let b = 0; b < batch; b++) {
    for (let t = 0; t < outLen; t++) {
      const dst = (b * outLen + t) * filters;
      for (let f = 0; f < filters; f++) out[dst + f] = bias ? bias[f] : 0;
      for (let k = 0; k < taps; k++) {
        const id = tapId(ids, b * seqLen, t, k, g);
        if (id < 0) continue;
        const src = (id * taps + k) * filters;
        for (let f = 0; f < filters; f++) out[dst + f] += p[src + f];
      }
    }
  }
}

function tapScatterJs(dy: Float32Array, ids: Int32Array, dp: Float32Array, batch: number, g: Geometry): void {
  const { filters, taps, outLen, seqLen } = g;
  dp.fill(0);
  for (let b = 0; b < batch; b++) {
    for (let t = 0; t < outLen; t++) {
      const src = (b * outLen + t) * filters;
      for (let k = 0; k < taps; k++) {
        const id = tapId(ids, b * seqLen, t, k, g);
        if (id < 0) continue;
        const dst = (id * taps + k) * filters;
        for (let f = 0; f < filters; f++) dp[dst + f] += dy[src + f];
      }
    }
  }
}

function geometry(attrs: TapAttrs, ids: tf.TensorInfo, filters: number, vocab: number): Geometry {
  const { taps, stride, pad, outLen } = attrs;
  return { taps, stride, pad, outLen, seqLen: ids.shape[1], filters, vocab };
}

/** The kernels' arguments after the pointers, in simd/tap-sum.c's order. */
function geometryArgs(g: Geometry): number[] {
  return [g.seqLen, g.outLen, g.taps, g.filters, g.stride, g.pad, g.vocab];
}

const tapSum: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { p, ids, bias } = inputs as Record<'p' | 'ids', tf.TensorInfo> & { bias?: tf.TensorInfo };
  const tapAttrs = attrs as unknown as TapAttrs;
  const [vocab, width] = p.shape;
  const batch = ids.shape[0];
  const g = geometry(tapAttrs, ids, width / tapAttrs.taps, vocab);
  const { info, values } = allocate(backend, [batch, g.outLen, g.filters], 'float32');
  const [pv, idv] = [view(backend, p), view(backend, ids)];
  const biasValues = bias ? view(backend, bias) as Float32Array : null;
  if (!isWasmBackend(backend)) {
    tapSumJs(pv as Float32Array, idv as Int32Array, biasValues, values as Float32Array, batch, g);
    return info;
  }
  const threads = startedWasmThreads();
  const pointers = [pv.byteOffset, idv.byteOffset, biasValues?.byteOffset ?? 0, values.byteOffset];
  const args = [...pointers, ...geometryArgs(g), biasValues ? 1 : 0];
  const adds = batch * g.outLen * g.taps * g.filters;
  const parts = splitRanges(batch, threads, adds).map((range) => [...args, ...range]);
  runParts('tap-sum', 'tap_sum', wasmMemory(backend), threads, parts);
  return info;
};

const tapScatter: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { dy, ids } = inputs as Record<'dy' | 'ids', tf.TensorInfo>;
  const { vocab, ...tapAttrs } = attrs as unknown as TapAttrs & { vocab: number };
  const batch = ids.shape[0];
  const g = geometry(tapAttrs, ids, dy.shape[2], vocab);
  const { info, values } = allocate(backend, [vocab, g.taps * g.filters], 'float32');
  const [dyv, idv] = [view(backend, dy), view(backend, ids)];
  if (!isWasmBackend(backend)) {
    tapScatterJs(dyv as Float32Array, idv as Int32Array, values as Float32Array, batch, g);
    return info;
  }
  const threads = startedWasmThreads();
  const args = [dyv.byteOffset, idv.byteOffset, values.byteOffset, batch, ...geometryArgs(g)];
  const adds = batch * g.outLen * g.taps * g.filters;
  const parts = splitRanges(g.taps, threads, adds).map((range) => [...args, ...range]);
  runParts('tap-sum', 'tap_scatter', wasmMemory(backend), threads, parts);
  return info;
};

export function tapSumConfig(backendName: string): tf.KernelConfig {
  return { kernelName: TAP_SUM, backendName, kernelFunc: tapSum };
}

export function tapScatterConfig(backendName: string): tf.KernelConfig {
  return { kernelName: TAP_SCATTER, backendName, kernelFunc: tapScatter };
}
