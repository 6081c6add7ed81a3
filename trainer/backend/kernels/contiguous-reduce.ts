import * as tf from '@tensorflow/tfjs';
import { simdExports } from '../simd/simd-module';
import { allocate, view } from '../tensor-memory';
import { isWasmBackend, wasmMemory } from '../wasm-heap';

// tfjs-backend-wasm's Sum and Mean transpose the reduced axes innermost first, and their
// gradients and BatchNormalization reduce over the leading axes ([0, 1, 2] of an NHWC
// activation) or the spatial ones (global average pooling): 47 Sums and 18 Means took 3.6 s
// of an 18.9 s SeparableConv2D step. Axes that sit next to each other reduce in place as
// [outer, reduced, inner] rows, summed in float64; any other reduction is left to stock.
// An empty reduction sums and averages to 0, as on cpu. On wasm, float32 rows go to our
// SIMD kernel (simd/sum-rows.c): the JS loop still took 623 ms of Sum and 270 ms of Mean
// in a 5.7 s SeparableConv2D step (1 thread, load 8).

interface SumRows { sum_rows(x: number, out: number, outer: number, reduced: number, inner: number, mean: number): void }

interface ReduceAttrs {
  axis: number | number[];
  keepDims: boolean;
}

/** [outer, reduced, inner] sizes when the axes are one contiguous run, else undefined. */
function contiguousRun(shape: number[], axis: number | number[]): [number, number, number] | undefined {
  const axes = tf.util.parseAxisParam(axis, shape).sort((a, b) => a - b);
  if (axes.length === 0 || axes.some((a, i) => i > 0 && a !== axes[i - 1] + 1)) return undefined;
  const size = (from: number, to: number) => shape.slice(from, to).reduce((p, d) => p * d, 1);
  return [size(0, axes[0]), size(axes[0], axes[axes.length - 1] + 1), size(axes[axes.length - 1] + 1, shape.length)];
}

function reduceConfig(kernelName: string, backendName: string, stock: tf.KernelConfig | undefined, mean: boolean): tf.KernelConfig | undefined {
  if (!stock) return undefined;
  const kernelFunc: tf.KernelFunc = ({ inputs, backend, attrs }) => {
    const { x } = inputs as { x: tf.TensorInfo };
    const { axis, keepDims } = attrs as unknown as ReduceAttrs;
    // Stock sums int32 too, and leaves an empty reduction's int32 sum uninitialised.
    const dtype = mean ? 'float32' : x.dtype;
    const run = x.dtype === 'float32' || (x.dtype === 'int32' && !mean) ? contiguousRun(x.shape, axis) : undefined;
    if (!run) return stock.kernelFunc({ inputs, backend, attrs });
    const [outer, reduced, inner] = run;
    const axes = tf.util.parseAxisParam(axis, x.shape);
    const outShape = x.shape.flatMap((d, i) => (axes.includes(i) ? (keepDims ? [1] : []) : [d]));
    const { info, values: out } = allocate(backend, outShape, dtype);
    const xs = view(backend, x);
    if (isWasmBackend(backend) && xs instanceof Float32Array && out instanceof Float32Array) {
      simdExports<SumRows>('sum-rows', wasmMemory(backend)).sum_rows(xs.byteOffset, out.byteOffset, outer, reduced, inner, mean ? 1 : 0);
      return info;
    }
    const sums = new Float64Array(inner);
    for (let o = 0; o < outer; o++) {
      sums.fill(0);
      // Four rows a pass: a quarter of the read-modify-writes of the sums.
      let m = 0;
      for (let base = o * reduced * inner; m + 4 <= reduced; m += 4, base += 4 * inner) {
        for (let i = 0, j = base; i < inner; i++, j++) sums[i] += xs[j] + xs[j + inner] + xs[j + 2 * inner] + xs[j + 3 * inner];
      }
      for (let base = (o * reduced + m) * inner; m < reduced; m++, base += inner) {
        for (let i = 0; i < inner; i++) sums[i] += xs[base + i];
      }
      for (let i = 0; i < inner; i++) out[o * inner + i] = mean && reduced > 0 ? sums[i] / reduced : sums[i];
    }
    return info;
  };
  return { ...stock, kernelName, backendName, kernelFunc };
}

export function contiguousSumConfig(backendName: string, stock?: tf.KernelConfig): tf.KernelConfig | undefined {
  return reduceConfig(tf.Sum, backendName, stock, false);
}

export function contiguousMeanConfig(backendName: string, stock?: tf.KernelConfig): tf.KernelConfig | undefined {
  return reduceConfig(tf.Mean, backendName, stock, true);
}
