import * as tf from '@tensorflow/tfjs';
import { allocate, view } from '../tensor-memory';
import { isWasmBackend } from '../wasm-heap';

// The gradient of a max (GlobalMaxPooling1D) compares x [128, 92, 32] with its max
// broadcast from [128, 1, 32], and stock wasm's broadcasting Equal cost 15-35 ms of
// a 620 ms IMDB Conv1D step for 377k comparisons. Equal shapes stay with the stock
// kernel; a broadcast is walked here with stride 0 on the broadcast axes.

/** Each input's strides over the output's axes, 0 where it is broadcast. */
function broadcastStrides(shape: number[], outShape: number[]): number[] {
  const padded = [...new Array<number>(outShape.length - shape.length).fill(1), ...shape];
  const strides = new Array<number>(outShape.length).fill(0);
  let stride = 1;
  for (let d = padded.length - 1; d >= 0; d--) {
    strides[d] = padded[d] === 1 ? 0 : stride;
    stride *= padded[d];
  }
  return strides;
}

export function broadcastEqualConfig(backendName: string, stock?: tf.KernelConfig): tf.KernelConfig | undefined {
  if (!stock) return undefined;
  const kernelFunc: tf.KernelFunc = (args) => {
    const { inputs, backend } = args;
    const { a, b } = inputs as Record<'a' | 'b', tf.TensorInfo>;
    const numeric = (t: tf.TensorInfo) => t.dtype === 'float32' || t.dtype === 'int32' || t.dtype === 'bool';
    if (!isWasmBackend(backend) || tf.util.arraysEqual(a.shape, b.shape) || !numeric(a) || !numeric(b)) return stock.kernelFunc(args);
    const outShape = tf.backend_util.assertAndGetBroadcastShape(a.shape, b.shape);
    const { info, values: out } = allocate(backend, outShape, 'bool');
    const size = out.length;
    if (size === 0) return info;
    const as = view(backend, a);
    const bs = view(backend, b);
    const sa = broadcastStrides(a.shape, outShape);
    const sb = broadcastStrides(b.shape, outShape);
    const rank = outShape.length;
    const inner = outShape[rank - 1];
    const ia = sa[rank - 1];
    const ib = sb[rank - 1];
    const index = new Array<number>(rank).fill(0);
    let atA = 0;
    let atB = 0;
    for (let o = 0; o < size; o += inner) {
      for (let j = 0; j < inner; j++) out[o + j] = as[atA + j * ia] === bs[atB + j * ib] ? 1 : 0;
      for (let d = rank - 2; d >= 0; d--) {
        index[d]++;
        atA += sa[d];
        atB += sb[d];
        if (index[d] < outShape[d]) break;
        atA -= sa[d] * outShape[d];
        atB -= sb[d] * outShape[d];
        index[d] = 0;
      }
    }
    return info;
  };
  return { ...stock, kernelName: tf.Equal, backendName, kernelFunc };
}
