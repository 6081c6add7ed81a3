import * as tf from '@tensorflow/tfjs';
import { simdExports } from '../simd/simd-module';
import { allocate, view } from '../tensor-memory';
import { isWasmBackend, wasmMemory } from '../wasm-heap';

interface Gather { gather(x: number, idx: number, out: number, batch: number, outer: number, dim: number, sliceBytes: number, perBatch: number): void }

// Both stock kernels copy one element at a time and recompute its multi-dimensional
// location for every element (the wasm one allocates a std::vector per element),
// which made the Embedding lookup of a [128, 500] batch cost ~250 ms on wasm.
// Here each gathered slice is one contiguous block copy; on wasm in our kernel
// (simd/gather.c), since a subarray per slice costs more than the copy.

const SHORT_SLICE = 16; // below this a plain loop beats creating a subarray per slice

// tf.gather rejects string tensors before the kernel, so typed arrays suffice.
const gatherV2: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, indices } = inputs as Record<'x' | 'indices', tf.TensorInfo>;
  const { axis, batchDims } = attrs as unknown as tf.GatherV2Attrs;
  const parsedAxis = tf.util.parseAxisParam(axis, x.shape)[0];
  const info = tf.backend_util.segment_util.collectGatherOpShapeInfo(x, indices, parsedAxis, batchDims ?? 0);
  const { batchSize, outerSize, dimSize, sliceSize } = info;
  const perBatch = tf.util.sizeFromShape(indices.shape) / batchSize;

  const { info: outInfo, values: out } = allocate(backend, info.outputShape, x.dtype);
  const xs = view(backend, x);
  const idx = view(backend, indices);
  for (let i = 0; i < idx.length; i++) {
    if (!(idx[i] >= 0 && idx[i] < dimSize)) {
      throw new Error(`GatherV2: the index value ${idx[i]} is not in [0, ${dimSize - 1}]`);
    }
  }
  if (isWasmBackend(backend) && idx instanceof Int32Array) {
    const sliceBytes = sliceSize * xs.BYTES_PER_ELEMENT;
    simdExports<Gather>('gather', wasmMemory(backend)).gather(xs.byteOffset, idx.byteOffset, out.byteOffset, batchSize, outerSize, dimSize, sliceBytes, perBatch);
    return outInfo;
  }
  let dst = 0;
  for (let b = 0; b < batchSize; b++) {
    for (let o = 0; o < outerSize; o++) {
      const base = (b * outerSize + o) * dimSize;
      for (let i = 0; i < perBatch; i++) {
        const src = (base + idx[b * perBatch + i]) * sliceSize;
        if (sliceSize < SHORT_SLICE) {
          for (let j = 0; j < sliceSize; j++) out[dst + j] = xs[src + j];
        } else {
          out.set(xs.subarray(src, src + sliceSize), dst);
        }
        dst += sliceSize;
      }
    }
  }
  return outInfo;
};

export function gatherV2Config(backendName: string): tf.KernelConfig {
  return { kernelName: tf.GatherV2, backendName, kernelFunc: gatherV2 };
}
