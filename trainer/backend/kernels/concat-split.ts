import * as tf from '@tensorflow/tfjs';
import { simdExports } from '../simd/simd-module';
import { isWasmBackend, wasmAllocate, wasmAlias, wasmMemory, wasmOffset } from '../wasm-heap';

// tfjs-backend-wasm's Concat copies each input's block of each outer row with its own
// subarray + set (8192 rows x 4 inputs for the Inception module's channel concat: ~2 ms),
// and its SplitV (Concat's gradient) slices each output out on its own. The concat axis
// cuts every tensor into outer rows of one contiguous block, so each input of Concat and
// each output of SplitV is one strided copy in our SIMD kernel (simd/copy-rows.c).
// Strings (and complex64) are left to stock.

interface CopyRows { copy_rows(dst: number, dstStride: number, src: number, srcStride: number, rows: number, rowBytes: number): void }

const BYTES: Partial<Record<tf.DataType, number>> = { float32: 4, int32: 4, bool: 1 };

const outerRows = (shape: number[], axis: number) => tf.util.sizeFromShape(shape.slice(0, axis));
const blockSize = (shape: number[], axis: number) => tf.util.sizeFromShape(shape.slice(axis));

export function concatRowsConfig(backendName: string, stock?: tf.KernelConfig): tf.KernelConfig | undefined {
  if (!stock) return undefined;
  const kernelFunc: tf.KernelFunc = (args) => {
    const { backend } = args;
    const inputs = args.inputs as unknown as tf.TensorInfo[];
    const bytes = BYTES[inputs[0].dtype];
    if (!isWasmBackend(backend) || !bytes) return stock.kernelFunc(args);
    const axis = tf.util.parseAxisParam((args.attrs as unknown as tf.ConcatAttrs).axis, inputs[0].shape)[0];
    tf.backend_util.assertParamsConsistent(inputs.map((t) => t.shape), axis);
    const nonEmpty = inputs.filter((t) => tf.util.sizeFromShape(t.shape) > 0);
    if (nonEmpty.length < 2) return stock.kernelFunc(args);
    const out = wasmAllocate(backend, tf.backend_util.computeOutShape(inputs.map((t) => t.shape), axis), inputs[0].dtype);
    const { copy_rows } = simdExports<CopyRows>('copy-rows', wasmMemory(backend));
    const rows = outerRows(out.shape, axis);
    const outStride = blockSize(out.shape, axis) * bytes;
    let column = wasmOffset(backend, out);
    for (const t of nonEmpty) {
      const block = blockSize(t.shape, axis) * bytes;
      copy_rows(column, outStride, wasmOffset(backend, t), block, rows, block);
      column += block;
    }
    return out;
  };
  return { ...stock, backendName, kernelFunc };
}

export function splitRowsConfig(backendName: string, stock?: tf.KernelConfig): tf.KernelConfig | undefined {
  if (!stock) return undefined;
  const kernelFunc: tf.KernelFunc = (args) => {
    const { backend } = args;
    const { x } = args.inputs as { x: tf.TensorInfo };
    const bytes = BYTES[x.dtype];
    if (!isWasmBackend(backend) || !bytes) return stock.kernelFunc(args);
    const { numOrSizeSplits, axis: axisAttr } = args.attrs as unknown as tf.SplitVAttrs;
    const axis = tf.util.parseAxisParam(axisAttr, x.shape)[0];
    const sizes = tf.backend_util.prepareSplitSize(x, numOrSizeSplits, axis);
    const outs = sizes.map((s) => (s === x.shape[axis] ? wasmAlias(backend, x) : wasmAllocate(backend, x.shape.map((d, i) => (i === axis ? s : d)), x.dtype)));
    const { copy_rows } = simdExports<CopyRows>('copy-rows', wasmMemory(backend));
    const rows = outerRows(x.shape, axis);
    const xStride = blockSize(x.shape, axis) * bytes;
    let column = 0;
    for (const out of outs) {
      const block = blockSize(out.shape, axis) * bytes;
      if (out.dataId !== x.dataId && block > 0 && rows > 0) copy_rows(wasmOffset(backend, out), block, wasmOffset(backend, x) + column, xStride, rows, block);
      column += block;
    }
    return outs;
  };
  return { ...stock, backendName, kernelFunc };
}
