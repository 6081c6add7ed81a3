import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { asTensor, cropForConv, toNhwc } from '../conv-layout';
import { isWasmBackend } from '../wasm-heap';
import { simdFilterGrad } from './conv2d-backprop-filter-simd';

// tfjs-backend-wasm has no Conv2DBackpropFilter, and tfjs-backend-cpu's is a scalar
// 7-deep loop. The filter gradient
//   dW[a, b, c, o] = sum over n, i, j of xPadded[n, i*sh + a, j*sw + b, c] * dy[n, i, j, o]
// is itself a convolution once the batch axis is moved into the channel slot:
// input x as [C, H, W, N], "filter" dy as [outH, outW, N, O], stride 1, dilation
// (sh, sw), the forward padding. That hands the whole reduction to the backend's
// own Conv2D at the cost of two transposes. On wasm our SIMD kernel does it in
// place instead (see conv2d-backprop-filter-simd).
//
// A 1x1 filter at stride 1 with no padding (SeparableConv2D's pointwise step) is a
// plain product instead: dW = reshape(x, [NHW, C])ᵀ · reshape(dy, [NHW, O]). As a
// convolution its reduction axis (N*H*W) sits in XNNPACK's spatial loop: 3036 ms
// against 408 ms as a matMul for x [32, 60, 60, 32] (loaded). The transpose is
// explicit because stock wasm's transposed product is slow (see untransposed-matmul).
// On wasm the SIMD kernel beats that product too (a 1x1 window is its simplest case,
// and it skips the transpose), so the product is left to the other backends.

function isPointwise(info: tf.backend_util.Conv2DInfo): boolean {
  const { filterHeight, filterWidth, strideHeight, strideWidth, padInfo } = info;
  const { top, bottom, left, right } = padInfo;
  return filterHeight === 1 && filterWidth === 1 && strideHeight === 1 && strideWidth === 1
    && top === 0 && bottom === 0 && left === 0 && right === 0;
}

function pointwiseFilterGrad(x: tf.Tensor4D, dy: tf.Tensor4D): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const o = dy.shape[3];
  const xRowsT = tf.transpose(tf.reshape(x, [n * h * w, c]));
  return tf.reshape(tf.matMul(xRowsT, tf.reshape(dy, [n * h * w, o])), [1, 1, c, o]);
}

function wasmFilterGrad(backend: BackendWasm, x: tf.TensorInfo, dy: tf.TensorInfo, dataFormat: 'NHWC' | 'NCHW', info: tf.backend_util.Conv2DInfo): tf.TensorInfo {
  if (dataFormat === 'NHWC') return simdFilterGrad(backend, x, dy, info);
  const nhwc = tf.tidy(() => [toNhwc(asTensor(x), dataFormat), toNhwc(asTensor(dy), dataFormat)]);
  try {
    return simdFilterGrad(backend, nhwc[0], nhwc[1], info);
  } finally {
    tf.dispose(nhwc);
  }
}

const conv2dBackpropFilter: tf.KernelFunc = ({ inputs, attrs, backend }) => {
  const { x, dy } = inputs as Record<'x' | 'dy', tf.TensorInfo>;
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number], filterShape, strides, 1, pad, dimRoundingMode, false,
    tf.backend_util.convertConv2DDataFormat(dataFormat),
  );
  if (isWasmBackend(backend)) return wasmFilterGrad(backend, x, dy, dataFormat, info);
  const { filterHeight, filterWidth, strideHeight, strideWidth, padInfo } = info;
  return tf.tidy(() => {
    if (isPointwise(info)) return pointwiseFilterGrad(toNhwc(asTensor(x), dataFormat), toNhwc(asTensor(dy), dataFormat));
    const xBatchLast = tf.transpose(toNhwc(asTensor(x), dataFormat), [3, 1, 2, 0]) as tf.Tensor4D;
    const dyAsFilter = tf.transpose(toNhwc(asTensor(dy), dataFormat), [1, 2, 0, 3]) as tf.Tensor4D;
    const { cropped, pad: explicit } = cropForConv(xBatchLast, [padInfo.top, padInfo.bottom, padInfo.left, padInfo.right]);
    const grad = tf.conv2d(cropped, dyAsFilter, 1, explicit, 'NHWC', [strideHeight, strideWidth]);
    // Rows/columns past the last window position (e.g. 'valid' with a stride that
    // leaves a remainder) come out as extra taps; the filter has only fh x fw.
    const [c, , , o] = grad.shape;
    const taps = tf.slice(grad, [0, 0, 0, 0], [c, filterHeight, filterWidth, o]);
    return tf.transpose(taps, [1, 2, 0, 3]);
  });
};

export function conv2dBackpropFilterConfig(backendName: string): tf.KernelConfig {
  return { kernelName: tf.Conv2DBackpropFilter, backendName, kernelFunc: conv2dBackpropFilter };
}
