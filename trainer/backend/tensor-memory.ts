import * as tf from '@tensorflow/tfjs';
import { isWasmBackend, wasmAllocate, wasmView } from './wasm-heap';

export type NumericArray = Float32Array | Int32Array | Uint8Array;

/** The part of tfjs-backend-cpu's MathBackendCPU that JS kernels use. */
interface CpuBackend {
  readSync(dataId: tf.DataId): unknown;
  makeTensorInfo(shape: number[], dtype: tf.DataType, values: NumericArray): tf.TensorInfo;
}

function arrayFor(dtype: tf.DataType, size: number): NumericArray {
  if (dtype === 'float32') return new Float32Array(size);
  if (dtype === 'int32') return new Int32Array(size);
  if (dtype === 'bool') return new Uint8Array(size);
  throw new Error(`Tensorlens JS kernels do not handle dtype ${dtype}`);
}

/**
 * Allocates an output tensor and returns the storage to fill it through. On wasm
 * the memory is not zeroed, and the returned array (like any view) is detached by
 * the next allocation, so allocate outputs before taking views of the inputs.
 */
export function allocate(backend: unknown, shape: number[], dtype: tf.DataType): { info: tf.TensorInfo; values: NumericArray } {
  if (isWasmBackend(backend)) {
    const info = wasmAllocate(backend, shape, dtype);
    return { info, values: wasmView(backend, info) };
  }
  // Keep our own reference: the cpu backend's readSync copies bool data.
  const values = arrayFor(dtype, tf.util.sizeFromShape(shape));
  return { info: (backend as CpuBackend).makeTensorInfo(shape, dtype, values), values };
}

/** A tensor's contents for reading (on wasm the heap itself, so no copy). */
export function view(backend: unknown, info: tf.TensorInfo): NumericArray {
  if (isWasmBackend(backend)) return wasmView(backend, info);
  const values = (backend as CpuBackend).readSync(info.dataId);
  if (values instanceof Float32Array || values instanceof Int32Array || values instanceof Uint8Array) {
    return values;
  }
  throw new Error(`Tensorlens JS kernels do not handle dtype ${info.dtype}`);
}
