import * as tf from '@tensorflow/tfjs';
import { asTensor, cropForConv, fromNhwc, toNhwc } from '../conv-layout';
import { simdExports } from '../simd/simd-module';
import { isWasmBackend, wasmAllocate, wasmMemory, wasmOffset } from '../wasm-heap';

// tfjs-backend-wasm's Conv2DBackpropInput is a scalar C++ loop (no XNNPACK): 1.25 s
// of a 1.8 s training step for the IMDB Conv1D at batch 128. The input gradient is
// the "full" correlation of dy with the spatially flipped, in/out-swapped filter,
// so it runs on the backend's fast forward Conv2D. Strides > 1 are handled by
// spreading dy out with zeros first (the transposed-convolution identity), which
// costs sh*sw times the multiply-adds; the lecture's convolutions have stride 1. A 1x1
// filter that reads no padding (Inception's and the residual net's strided 1x1 branches)
// needs no spread input: its gradient is dy through the transposed filter, spread out.

interface Spread { spread(dst: number, src: number, n: number, h: number, w: number, c: number, H: number, W: number, sh: number, sw: number): void }

/**
 * [N, h, w, C] -> [N, H, W, C] with t[n, i, j] at [n, i*sh, j*sw] and zeros elsewhere, in one
 * SIMD pass (simd/copy-rows.c): two tf.pads and their reshapes took 2.6 ms of an Inception step.
 */
function spreadWithZeros(t: tf.Tensor4D, sh: number, sw: number, [H, W] = [t.shape[1] * sh, t.shape[2] * sw]): tf.Tensor4D {
  if (sh === 1 && sw === 1 && H === t.shape[1] && W === t.shape[2]) return t;
  const backend = tf.backend();
  if (!isWasmBackend(backend)) throw new Error('Tensorlens Conv2DBackpropInput is registered on wasm only');
  const [n, h, w, c] = t.shape;
  const out = wasmAllocate(backend, [n, H, W, c], 'float32');
  simdExports<Spread>('copy-rows', wasmMemory(backend)).spread(wasmOffset(backend, out), wasmOffset(backend, t), n, h, w, c, H, W, sh, sw);
  return tf.engine().makeTensorFromTensorInfo(out) as tf.Tensor4D;
}

const conv2dBackpropInput: tf.KernelFunc = ({ inputs, attrs }) => {
  const { dy, filter } = inputs as Record<'dy' | 'filter', tf.TensorInfo>;
  const { strides, pad, dataFormat, dimRoundingMode, inputShape } = attrs as unknown as tf.Conv2DBackpropInputAttrs;
  const info = tf.backend_util.computeConv2DInfo(
    inputShape, filter.shape as [number, number, number, number], strides, 1, pad, dimRoundingMode, false,
    tf.backend_util.convertConv2DDataFormat(dataFormat),
  );
  const { filterHeight: fh, filterWidth: fw, strideHeight: sh, strideWidth: sw, padInfo } = info;
  return tf.tidy(() => {
    if (fh === 1 && fw === 1 && padInfo.top === 0 && padInfo.left === 0) {
      const through = tf.conv2d(toNhwc(asTensor(dy), dataFormat), tf.transpose(asTensor(filter), [0, 1, 3, 2]) as tf.Tensor4D, 1, 'valid');
      return fromNhwc(spreadWithZeros(through, sh, sw, [info.inHeight, info.inWidth]), dataFormat);
    }
    const spread = spreadWithZeros(toNhwc(asTensor(dy), dataFormat), sh, sw);
    const flipped = tf.transpose(tf.reverse(asTensor(filter), [0, 1]), [0, 1, 3, 2]) as tf.Tensor4D;
    // A tap that the forward pass read from padding row -top must land at row
    // fh - 1 - top of the full correlation; the far sides make the output inHeight x inWidth.
    const top = fh - 1 - padInfo.top;
    const left = fw - 1 - padInfo.left;
    const bottom = info.inHeight + fh - 1 - spread.shape[1] - top;
    const right = info.inWidth + fw - 1 - spread.shape[2] - left;
    const { cropped, pad: explicit } = cropForConv(spread, [top, bottom, left, right]);
    return fromNhwc(tf.conv2d(cropped, flipped, 1, explicit), dataFormat);
  });
};

export function conv2dBackpropInputConfig(backendName: string): tf.KernelConfig {
  return { kernelName: tf.Conv2DBackpropInput, backendName, kernelFunc: conv2dBackpropInput };
}
