import * as tf from '@tensorflow/tfjs';
import { simdExports } from '../simd/simd-module';
import { isWasmBackend, wasmAllocate, wasmMemory, wasmOffset } from '../wasm-heap';

// A Keras Conv2D or Dense layer with an activation runs unfused while a gradient is
// recorded (tfjs-core fuses only outside a tape), so every forward pass adds its bias
// as a broadcasting Add of [C] to [..., C]. Stock wasm's Add walks a broadcast in
// general strides: 0.5-0.65 ms for each [128, 16, 16, 8] + [8] of the zoo's convnets,
// ~3.5 ms per step. When one float32 operand's shape is the other's trailing axes
// (leading 1s aside) it is a bias over rows, added in our SIMD kernel (simd/bias-add.c);
// anything else is left to stock.

interface BiasAdd { bias_add(x: number, bias: number, out: number, rows: number, width: number): void }

/** True when `bias` broadcasts over `x` as one row repeated: its shape (less leading 1s) ends x's. */
function isRowBias(x: number[], bias: number[]): boolean {
  if (bias.length > x.length) return false;
  const first = bias.findIndex((d) => d !== 1);
  const trimmed = first < 0 ? [] : bias.slice(first);
  return trimmed.every((d, i) => d === x[x.length - trimmed.length + i]);
}

export function biasAddConfig(backendName: string, stock?: tf.KernelConfig): tf.KernelConfig | undefined {
  if (!stock) return undefined;
  const kernelFunc: tf.KernelFunc = (args) => {
    const { backend } = args;
    const { a, b } = args.inputs as Record<'a' | 'b', tf.TensorInfo>;
    if (!isWasmBackend(backend) || a.dtype !== 'float32' || b.dtype !== 'float32') return stock.kernelFunc(args);
    const [x, bias] = tf.util.sizeFromShape(a.shape) >= tf.util.sizeFromShape(b.shape) ? [a, b] : [b, a];
    const width = tf.util.sizeFromShape(bias.shape);
    const size = tf.util.sizeFromShape(x.shape);
    if (width === 0 || width === size || !isRowBias(x.shape, bias.shape)) return stock.kernelFunc(args);
    const out = wasmAllocate(backend, tf.backend_util.assertAndGetBroadcastShape(a.shape, b.shape), 'float32');
    const { bias_add } = simdExports<BiasAdd>('bias-add', wasmMemory(backend));
    bias_add(wasmOffset(backend, x), wasmOffset(backend, bias), wasmOffset(backend, out), size / width, width);
    return out;
  };
  return { ...stock, backendName, kernelFunc };
}
