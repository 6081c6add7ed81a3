import * as tf from '@tensorflow/tfjs';
import { asTensor, cropForConv, fromNhwc, toNhwc } from '../conv-layout';
import { simdExports } from '../simd/simd-module';
import { isWasmBackend, wasmAllocate, wasmMemory, wasmOffset } from '../wasm-heap';

// tfjs-backend-wasm's Conv2DBackpropInput is a scalar C++ loop (no XNNPACK): 1.25 s
// of a 1.8 s training step for the IMDB Conv1D at batch 128. The input gradient is
// the "full" correlation of dy with the spatially flipped, in/out-swapped filter,
// so it runs on the backend's fast forward Conv2D.
//
// With strides > 1 the rows of dx fall into sh phases ((r + padTop) mod sh), and a phase
// only receives the filter taps of its own phase: dx[m*sh + φ - padTop] = sum over k of
// dy[m - k] * W[φ + k*sh]. So each (row, column) phase is a stride-1 correlation of dy with
// that phase's taps, placed into dx every sh-th row and sw-th column (simd/copy-rows.c).
// This does the multiply-adds of the forward pass; spreading dy out with zeros into one
// stride-1 correlation did sh*sw times as many (Inception's 3x3 stride-2 gradients:
// 2.7 ms each, 1 thread), and a strided 1x1 becomes one 1x1 product and a placement.

interface Place {
  place(dst: number, src: number, n: number, h: number, w: number, c: number, H: number, W: number, r0: number, c0: number, sh: number, sw: number, zero: number): void;
}

/** One axis of one phase: which taps, which dx rows (first, count), how dy is cropped/padded. */
interface AxisPhase { tapStart: number; taps: number; first: number; count: number; before: number; after: number }

function axisPhase(phase: number, filter: number, stride: number, padBefore: number, inSize: number, outSize: number): AxisPhase | undefined {
  const taps = Math.ceil((filter - phase) / stride);
  if (taps <= 0) return undefined;
  const lo = Math.ceil((padBefore - phase) / stride);
  const hi = Math.floor((inSize - 1 + padBefore - phase) / stride);
  if (hi < lo) return undefined;
  // Flipped taps: the last of the phase first, at filter - 1 - phase - (taps - 1) * stride.
  return { tapStart: filter - 1 - phase - (taps - 1) * stride, taps, first: lo * stride + phase - padBefore, count: hi - lo + 1, before: taps - 1 - lo, after: hi - (outSize - 1) };
}

/** dy [N, outH, outW, O] through the filter [fh, fw, C, O] into dx [N, inH, inW, C], phase by phase. */
function inputGrad(dy: tf.Tensor4D, filter: tf.Tensor4D, info: tf.backend_util.Conv2DInfo): tf.Tensor4D {
  const { filterHeight: fh, filterWidth: fw, strideHeight: sh, strideWidth: sw, padInfo, inHeight, inWidth, outHeight, outWidth } = info;
  const flipped = tf.reverse(filter, [0, 1]);
  const parts: Array<{ out: tf.Tensor4D; rows: AxisPhase; cols: AxisPhase }> = [];
  for (let p = 0; p < sh; p++) {
    const rows = axisPhase(p, fh, sh, padInfo.top, inHeight, outHeight);
    for (let q = 0; rows && q < sw; q++) {
      const cols = axisPhase(q, fw, sw, padInfo.left, inWidth, outWidth);
      if (!cols) continue;
      const taps = tf.stridedSlice(flipped, [rows.tapStart, cols.tapStart, 0, 0],
        [rows.tapStart + (rows.taps - 1) * sh + 1, cols.tapStart + (cols.taps - 1) * sw + 1, info.inChannels, info.outChannels], [sh, sw, 1, 1]);
      const { cropped, pad } = cropForConv(dy, [rows.before, rows.after, cols.before, cols.after]);
      parts.push({ out: tf.conv2d(cropped, tf.transpose(taps, [0, 1, 3, 2]) as tf.Tensor4D, 1, pad), rows, cols });
    }
  }
  const whole = parts.length === 1 && parts[0].rows.count === inHeight && parts[0].cols.count === inWidth;
  return whole ? parts[0].out : place(parts, [dy.shape[0], inHeight, inWidth, info.inChannels], sh, sw);
}

/** dx assembled from the phases' outputs (zeros where no tap reaches). */
function place(parts: Array<{ out: tf.Tensor4D; rows: AxisPhase; cols: AxisPhase }>, shape: number[], sh: number, sw: number): tf.Tensor4D {
  const backend = tf.backend();
  if (!isWasmBackend(backend)) throw new Error('Tensorlens Conv2DBackpropInput is registered on wasm only');
  const dx = wasmAllocate(backend, shape, 'float32');
  const kernel = simdExports<Place>('copy-rows', wasmMemory(backend));
  const [n, H, W, c] = shape;
  const covered = parts.reduce((sum, { rows, cols }) => sum + rows.count * cols.count, 0) === H * W;
  parts.forEach(({ out, rows, cols }, k) => {
    kernel.place(wasmOffset(backend, dx), wasmOffset(backend, out), n, rows.count, cols.count, c, H, W, rows.first, cols.first, sh, sw, k === 0 && !covered ? 1 : 0);
  });
  if (parts.length === 0) kernel.place(wasmOffset(backend, dx), 0, n, 0, 0, c, H, W, 0, 0, sh, sw, 1);
  return tf.engine().makeTensorFromTensorInfo(dx) as tf.Tensor4D;
}

const conv2dBackpropInput: tf.KernelFunc = ({ inputs, attrs }) => {
  const { dy, filter } = inputs as Record<'dy' | 'filter', tf.TensorInfo>;
  const { strides, pad, dataFormat, dimRoundingMode, inputShape } = attrs as unknown as tf.Conv2DBackpropInputAttrs;
  const info = tf.backend_util.computeConv2DInfo(
    inputShape, filter.shape as [number, number, number, number], strides, 1, pad, dimRoundingMode, false,
    tf.backend_util.convertConv2DDataFormat(dataFormat),
  );
  return tf.tidy(() => fromNhwc(inputGrad(toNhwc(asTensor(dy), dataFormat), asTensor(filter) as tf.Tensor4D, info), dataFormat));
};

export function conv2dBackpropInputConfig(backendName: string): tf.KernelConfig {
  return { kernelName: tf.Conv2DBackpropInput, backendName, kernelFunc: conv2dBackpropInput };
}
