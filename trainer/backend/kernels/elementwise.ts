import * as tf from '@tensorflow/tfjs';
import { simdExports } from '../simd/simd-module';
import { isWasmBackend, wasmAllocate, wasmMemory, wasmOffset } from '../wasm-heap';

// Float32 Add, Multiply, RealDiv and Relu of the zoo's convnets, in our SIMD kernels
// (simd/elementwise.c), single-threaded:
// - A Keras Conv2D or Dense layer with an activation runs unfused while a gradient is
//   recorded (tfjs-core fuses only outside a tape), so every forward pass adds its bias
//   as a broadcasting Add of [C] to [..., C]; stock walks that broadcast in general
//   strides: 0.5-0.65 ms for each [128, 16, 16, 8] + [8], ~3.5 ms per step.
// - In tfjs-backend-wasm's threaded build XNNPACK hands every Multiply and Relu to its
//   thread pool, whose second thread may not get a core for a time slice: with 2 threads
//   (load 16) a residual-net step spent 8.0 ms in Multiply and 5.3 ms in Relu, against
//   1.3 and 0.6 ms with 1 thread; a Multiply of [128, 1] by [128, 5] (the loss's
//   gradient) took 1 ms, and a RealDiv of [128, 5] by [128, 1] (softmax's cross-entropy) 1-8 ms.
// One operand must have the output's shape and the other broadcast over it in at most
// three runs of axes (see LAYOUTS), for RealDiv the dividend; other broadcasts and dtypes
// stay stock. Add and Multiply commute exactly in float32.

interface Elementwise {
  binary(op: number, a: number, b: number, out: number, outer: number, mid: number, inner: number, bOuter: number, bMid: number, bInner: number): void;
  relu(x: number, out: number, size: number): void;
}

/** The kernel's op codes; only those that commute may take the broadcast operand first. */
const OPS = { add: 0, mul: 1, div: 2 };
const COMMUTES = new Set(['add', 'mul']);

type Layout = [outer: number, mid: number, inner: number, bOuter: number, bMid: number, bInner: number];

/**
 * x's axes (size-1 ones dropped) as runs where b matches them (M) or is broadcast (B),
 * to the kernel's [outer, mid, inner] walk and b's strides in it.
 */
const LAYOUTS: Record<string, (s: number[]) => Layout> = {
  '': () => [1, 1, 1, 0, 0, 1],
  M: ([m]) => [1, 1, m, 0, 0, 1],
  B: ([b]) => [1, 1, b, 0, 0, 0],
  BM: ([b, m]) => [1, b, m, 0, 0, 1],
  MB: ([m, b]) => [1, m, b, 0, 1, 0],
  MBM: ([m1, b, m2]) => [m1, b, m2, m2, 0, 1],
  BMB: ([b1, m, b2]) => [b1, m, b2, 0, 1, 0],
};

/** The kernel's walk for x (op) b, b broadcast over x; undefined when there is none. */
function layoutOf(x: number[], b: number[]): Layout | undefined {
  if (b.length > x.length) return undefined;
  const aligned = [...new Array<number>(x.length - b.length).fill(1), ...b];
  let kinds = '';
  const sizes: number[] = [];
  for (let k = 0; k < x.length; k++) {
    if (aligned[k] !== x[k] && aligned[k] !== 1) return undefined;
    if (x[k] === 1) continue;
    const kind = aligned[k] === x[k] ? 'M' : 'B';
    if (kinds.endsWith(kind)) sizes[sizes.length - 1] *= x[k];
    else {
      kinds += kind;
      sizes.push(x[k]);
    }
  }
  return LAYOUTS[kinds]?.(sizes);
}

function binaryConfig(op: keyof typeof OPS, backendName: string, stock?: tf.KernelConfig): tf.KernelConfig | undefined {
  if (!stock) return undefined;
  const kernelFunc: tf.KernelFunc = (args) => {
    const { backend } = args;
    const { a, b } = args.inputs as Record<'a' | 'b', tf.TensorInfo>;
    if (!isWasmBackend(backend) || a.dtype !== 'float32' || b.dtype !== 'float32') return stock.kernelFunc(args);
    const outShape = tf.backend_util.assertAndGetBroadcastShape(a.shape, b.shape);
    const [x, other] = tf.util.arraysEqual(a.shape, outShape) || !COMMUTES.has(op) ? [a, b] : [b, a];
    const layout = tf.util.arraysEqual(x.shape, outShape) && tf.util.sizeFromShape(outShape) > 0 ? layoutOf(x.shape, other.shape) : undefined;
    if (!layout) return stock.kernelFunc(args);
    const out = wasmAllocate(backend, outShape, 'float32');
    const { binary } = simdExports<Elementwise>('elementwise', wasmMemory(backend));
    binary(OPS[op], wasmOffset(backend, x), wasmOffset(backend, other), wasmOffset(backend, out), ...layout);
    return out;
  };
  return { ...stock, backendName, kernelFunc };
}

export const addConfig = (backendName: string, stock?: tf.KernelConfig) => binaryConfig('add', backendName, stock);
export const multiplyConfig = (backendName: string, stock?: tf.KernelConfig) => binaryConfig('mul', backendName, stock);
export const realDivConfig = (backendName: string, stock?: tf.KernelConfig) => binaryConfig('div', backendName, stock);

export function reluConfig(backendName: string, stock?: tf.KernelConfig): tf.KernelConfig | undefined {
  if (!stock) return undefined;
  const kernelFunc: tf.KernelFunc = (args) => {
    const { backend } = args;
    const { x } = args.inputs as { x: tf.TensorInfo };
    const size = tf.util.sizeFromShape(x.shape);
    if (!isWasmBackend(backend) || x.dtype !== 'float32' || size === 0) return stock.kernelFunc(args);
    const out = wasmAllocate(backend, x.shape, 'float32');
    simdExports<Elementwise>('elementwise', wasmMemory(backend)).relu(wasmOffset(backend, x), wasmOffset(backend, out), size);
    return out;
  };
  return { ...stock, backendName, kernelFunc };
}
