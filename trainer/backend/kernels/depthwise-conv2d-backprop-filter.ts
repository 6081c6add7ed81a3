import * as tf from '@tensorflow/tfjs';
import { allocate, view } from '../tensor-memory';
import { isWasmBackend } from '../wasm-heap';
import { forEachDepthwiseTap } from './depthwise-window';
import { accumulateFilterRows, filterRowsLength, sumFilterRows, type UnitStepShape } from './depthwise-unit-step';
import { simdDepthwiseFilterGrad } from './depthwise-conv2d-backprop-filter-simd';

// tfjs-backend-wasm has no DepthwiseConv2dNativeBackpropFilter, so SeparableConv2D
// and DepthwiseConv2D could not train on it; there our SIMD kernel computes it
// (depthwise-conv2d-backprop-filter-simd.ts). On tfjs-backend-cpu, whose own kernel
// reads through TensorBuffer.get, the filter gradient
//   dW[a, b, d1, q] = sum over n, i, j of x[n, i*sh + a*dh, j*sw + b*dw, d1] * dy[n, i, j, d1*m + q]
// is summed in float64: at stride 1 with one filter per channel (every SeparableConv2D)
// by rows (depthwise-unit-step.ts), otherwise by the taps of forEachDepthwiseTap,
// channels innermost.

function unitStepFilterGradient(xs: Float32Array, dys: Float32Array, shape: UnitStepShape): Float64Array {
  const rows = new Float64Array(filterRowsLength(shape));
  accumulateFilterRows(xs, dys, shape, rows);
  return sumFilterRows(shape, rows);
}

const depthwiseConv2dBackpropFilter: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, dy } = inputs as Record<'x' | 'dy', tf.TensorInfo>;
  const { strides, dilations, pad, dimRoundingMode, filterShape } = attrs as unknown as tf.DepthwiseConv2dNativeBackpropFilterAttrs;
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number], filterShape, strides, dilations, pad, dimRoundingMode, true,
  );
  const { inChannels, outChannels, strideHeight, strideWidth, dilationHeight, dilationWidth } = info;
  const multiplier = outChannels / inChannels;
  if (isWasmBackend(backend)) return simdDepthwiseFilterGrad(backend, x, dy, info);

  const { info: dwInfo, values: dw } = allocate(backend, filterShape, 'float32');
  const xs = view(backend, x);
  const dys = view(backend, dy);
  if (multiplier === 1 && strideHeight === 1 && strideWidth === 1 && dilationHeight === 1 && dilationWidth === 1) {
    dw.set(unitStepFilterGradient(xs as Float32Array, dys as Float32Array, info));
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
