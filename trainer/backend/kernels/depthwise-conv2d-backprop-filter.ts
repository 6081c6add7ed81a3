import * as tf from '@tensorflow/tfjs';
import { allocate, view } from '../tensor-memory';
import { forEachDepthwiseTap } from './depthwise-window';

// tfjs-backend-wasm has no DepthwiseConv2dNativeBackpropFilter, so SeparableConv2D
// and DepthwiseConv2D could not train on it. The filter gradient
//   dW[a, b, d1, q] = sum over n, i, j of x[n, i*sh + a*dh, j*sw + b*dw, d1] * dy[n, i, j, d1*m + q]
// is summed in float64.
//
// At stride 1 with one filter per channel (every SeparableConv2D) a tap's x pixels along an
// output row are one contiguous run in memory, as are dy's, so each (row, tap) is one flat
// multiply-add loop into a per-tap row of sums, folded over the row at the end (2.8 s of a
// loaded 13.9 s step went to the general walk, a callback per tap and pixel). Otherwise the
// taps of forEachDepthwiseTap are walked, channels innermost.

function unitStepFilterGradient(xs: ArrayLike<number>, dys: ArrayLike<number>, info: tf.backend_util.Conv2DInfo): Float64Array {
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth, filterHeight, filterWidth, padInfo } = info;
  const rowLength = outWidth * channels;
  const rows = Array.from({ length: filterHeight * filterWidth }, () => new Float64Array(rowLength));
  for (let n = 0; n < batchSize; n++) {
    for (let i = 0; i < outHeight; i++) {
      const dyRow = (n * outHeight + i) * rowLength;
      for (let a = 0; a < filterHeight; a++) {
        const xR = i - padInfo.top + a;
        if (xR < 0 || xR >= inHeight) continue;
        for (let b = 0; b < filterWidth; b++) {
          // Output columns j whose input column j - left + b lies inside the image.
          const first = Math.max(0, padInfo.left - b);
          const last = Math.min(outWidth, inWidth + padInfo.left - b);
          if (first >= last) continue;
          const sums = rows[a * filterWidth + b];
          const xStart = ((n * inHeight + xR) * inWidth + first - padInfo.left + b) * channels;
          const dyStart = dyRow + first * channels;
          for (let k = first * channels, end = last * channels, d = 0; k < end; k++, d++) sums[k] += xs[xStart + d] * dys[dyStart + d];
        }
      }
    }
  }
  const dw = new Float64Array(filterHeight * filterWidth * channels);
  rows.forEach((sums, tap) => {
    for (let k = 0; k < rowLength; k++) dw[tap * channels + (k % channels)] += sums[k];
  });
  return dw;
}

const depthwiseConv2dBackpropFilter: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, dy } = inputs as Record<'x' | 'dy', tf.TensorInfo>;
  const { strides, dilations, pad, dimRoundingMode, filterShape } = attrs as unknown as tf.DepthwiseConv2dNativeBackpropFilterAttrs;
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number], filterShape, strides, dilations, pad, dimRoundingMode, true,
  );
  const { inChannels, outChannels, strideHeight, strideWidth, dilationHeight, dilationWidth } = info;
  const multiplier = outChannels / inChannels;

  const { info: dwInfo, values: dw } = allocate(backend, filterShape, 'float32');
  const xs = view(backend, x);
  const dys = view(backend, dy);
  if (multiplier === 1 && strideHeight === 1 && strideWidth === 1 && dilationHeight === 1 && dilationWidth === 1) {
    dw.set(unitStepFilterGradient(xs, dys, info));
    return dwInfo;
  }
  const sums = new Float64Array(dw.length);
  forEachDepthwiseTap(info, (xBase, wBase, dyOffset) => {
    for (let d1 = 0, d2 = 0; d1 < inChannels; d1++) {
      const xv = xs[xBase + d1];
      for (let q = 0; q < multiplier; q++, d2++) sums[wBase + d2] += xv * dys[dyOffset + d2];
    }
  });
  dw.set(sums);
  return dwInfo;
};

export function depthwiseConv2dBackpropFilterConfig(backendName: string): tf.KernelConfig {
  return { kernelName: tf.DepthwiseConv2dNativeBackpropFilter, backendName, kernelFunc: depthwiseConv2dBackpropFilter };
}
