import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

// tfjs-backend-wasm keeps every tensor in the wasm linear memory and offers no
// documented way for a JS kernel to read or write it without a copy (readSync
// copies, and there is no write-into). BackendWasm's own JS kernels use
// makeOutput/typedArrayFromHeap, which are public members of the class but not a
// stable API, so every use of them is kept in this one module.

export function isWasmBackend(backend: unknown): backend is BackendWasm {
  const b = backend as Partial<BackendWasm> | null;
  return b != null && typeof b.makeOutput === 'function' && typeof b.typedArrayFromHeap === 'function';
}

/** Allocates an uninitialised tensor on the wasm heap. */
export function wasmAllocate(backend: BackendWasm, shape: number[], dtype: tf.DataType): tf.TensorInfo {
  return backend.makeOutput(shape, dtype);
}

/**
 * A view of a tensor's bytes on the wasm heap. Any later heap allocation may grow
 * the memory and detach this view, so take views only after allocating outputs.
 */
export function wasmView(backend: BackendWasm, info: tf.TensorInfo): Float32Array | Int32Array | Uint8Array {
  return backend.typedArrayFromHeap(info) as Float32Array | Int32Array | Uint8Array;
}

/** A second reference to a tensor's buffer: tensors are immutable, so a clone may share it. */
export function wasmAlias(backend: BackendWasm, info: tf.TensorInfo, shape = info.shape): tf.TensorInfo {
  backend.incRef(info.dataId);
  return { dataId: info.dataId, shape, dtype: info.dtype };
}

interface EmscriptenMemory { wasmMemory?: WebAssembly.Memory; asm?: { memory?: WebAssembly.Memory } }

/**
 * The WebAssembly.Memory under the heap, so our own wasm modules can import it and
 * work on tensors in place. The threaded build creates it and keeps it on the module
 * object; the single-threaded one exports it from its instance.
 */
export function wasmMemory(backend: BackendWasm): WebAssembly.Memory {
  const module = backend.wasm as unknown as EmscriptenMemory;
  const memory = module.wasmMemory ?? module.asm?.memory;
  if (!(memory instanceof WebAssembly.Memory)) throw new Error('tfjs-backend-wasm: its WebAssembly.Memory is not reachable');
  return memory;
}

/** A tensor's byte offset on the wasm heap: a pointer for our own wasm kernels. */
export function wasmOffset(backend: BackendWasm, info: tf.TensorInfo): number {
  return wasmView(backend, info).byteOffset;
}
