import * as tf from '@tensorflow/tfjs';
import { isWasmBackend, wasmAlias } from '../wasm-heap';

// tfjs-core clones every tensor a gradient will need (the engine's
// saveTensorsForBackwardMode runs Identity), and stock wasm's Identity copies the
// buffer: ~60 copies per IMDB Conv1D step, 32 MB for each Embedding/Conv1D input.
// Tensors are immutable on wasm as on cpu, so the clone shares the buffer and
// counts a reference, as tfjs-backend-cpu's Identity does.

export function identityAliasConfig(backendName: string, stock?: tf.KernelConfig): tf.KernelConfig | undefined {
  if (!stock) return undefined;
  const kernelFunc: tf.KernelFunc = (args) => {
    const { x } = args.inputs as { x: tf.TensorInfo };
    if (!isWasmBackend(args.backend) || x.dtype === 'string') return stock.kernelFunc(args);
    return wasmAlias(args.backend, x);
  };
  return { ...stock, kernelName: tf.Identity, backendName, kernelFunc };
}
