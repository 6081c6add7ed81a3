import * as tf from '@tensorflow/tfjs';
import { isWasmBackend, wasmAlias, wasmAllocate, wasmView } from '../wasm-heap';

// Training casts float32 tensors to float32 (tfjs-layers' losses and metrics, the
// gradients of Relu and of Cast itself: ~15 per zoo convnet step), and stock wasm's Cast
// copies the buffer even then. A cast to the dtype a tensor already has shares its
// buffer instead, as tfjs-backend-cpu's Cast does. Stock also casts to bool by a plain
// typed-array copy, so 2 became 2 (and 0.5 became 0) instead of true; a cast to bool is
// `x != 0` here, as on cpu. Other conversions stay stock.

export function castAliasConfig(backendName: string, stock?: tf.KernelConfig): tf.KernelConfig | undefined {
  if (!stock) return undefined;
  const kernelFunc: tf.KernelFunc = (args) => {
    const { x } = args.inputs as { x: tf.TensorInfo };
    const { dtype } = args.attrs as unknown as tf.CastAttrs;
    const { backend } = args;
    if (!isWasmBackend(backend) || x.dtype === 'string' || x.dtype === 'complex64') return stock.kernelFunc(args);
    if (x.dtype === dtype) return wasmAlias(backend, x);
    if (dtype !== 'bool') return stock.kernelFunc(args);
    const out = wasmAllocate(backend, x.shape, 'bool');
    const [values, xs] = [wasmView(backend, out), wasmView(backend, x)];
    for (let i = 0; i < values.length; i++) values[i] = xs[i] !== 0 ? 1 : 0;
    return out;
  };
  return { ...stock, backendName, kernelFunc };
}
