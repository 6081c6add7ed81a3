import * as tf from '@tensorflow/tfjs';
import { isWasmBackend } from '../wasm-heap';
import { allocate, view } from '../tensor-memory';
import { forEachDepthwiseTap } from './depthwise-window';

// tfjs-backend-wasm has no DepthwiseConv2dNativeBackpropInput, so SeparableConv2D
// and DepthwiseConv2D could not train on it.
//
// At stride 1 with one filter per channel (every SeparableConv2D), the input gradient is
// itself a depthwise convolution: dy, padded by (filter - 1 - forward padding) a side,
// correlated with the filter turned 180°. On wasm that runs as the stock (XNNPACK, threaded)
// DepthwiseConv2dNative: 3.2 s of a loaded 13.9 s SeparableConv2D step went to the JS loop.
//
// Otherwise each dy value is scattered back to the input pixels its window read, channels
// innermost so reads follow NHWC memory order; output channel d2 = d1 * channelMultiplier + q
// reads input channel d1. Sums are kept in float64, as stock cpu does, and written out once.

type Backend = { disposeData(dataId: tf.DataId): void };

function asDepthwiseConvolution(backend: unknown, dy: tf.TensorInfo, filter: tf.TensorInfo, info: tf.backend_util.Conv2DInfo): tf.TensorInfo {
  const { filterHeight: fh, filterWidth: fw, inChannels, padInfo } = info;
  const { info: turnedInfo, values: turned } = allocate(backend, filter.shape, 'float32');
  const w = view(backend, filter);
  for (let r = 0; r < fh; r++) {
    for (let c = 0; c < fw; c++) {
      turned.set(w.subarray((r * fw + c) * inChannels, (r * fw + c + 1) * inChannels), ((fh - 1 - r) * fw + (fw - 1 - c)) * inChannels);
    }
  }
  const pad = [[0, 0], [fh - 1 - padInfo.top, fh - 1 - padInfo.bottom], [fw - 1 - padInfo.left, fw - 1 - padInfo.right], [0, 0]];
  const convolution = tf.getKernel(tf.DepthwiseConv2dNative, 'wasm')!;
  try {
    return convolution.kernelFunc({
      inputs: { x: dy, filter: turnedInfo }, backend: backend as tf.KernelBackend,
      attrs: { strides: [1, 1], dilations: [1, 1], pad, dataFormat: 'NHWC' } as unknown as tf.NamedAttrMap,
    }) as tf.TensorInfo;
  } finally {
    (backend as Backend).disposeData(turnedInfo.dataId);
  }
}

const depthwiseConv2dBackpropInput: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { dy, filter } = inputs as Record<'dy' | 'filter', tf.TensorInfo>;
  const { strides, dilations, pad, dimRoundingMode, inputShape } = attrs as unknown as tf.DepthwiseConv2dNativeBackpropInputAttrs;
  const info = tf.backend_util.computeConv2DInfo(
    inputShape, filter.shape as [number, number, number, number], strides, dilations, pad, dimRoundingMode, true,
  );
  const { inChannels, outChannels, strideHeight, strideWidth, dilationHeight, dilationWidth } = info;
  const multiplier = outChannels / inChannels;
  const unitSteps = strideHeight === 1 && strideWidth === 1 && dilationHeight === 1 && dilationWidth === 1;
  if (unitSteps && multiplier === 1 && isWasmBackend(backend)) return asDepthwiseConvolution(backend, dy, filter, info);

  const { info: dxInfo, values: dx } = allocate(backend, inputShape, 'float32');
  const dys = view(backend, dy);
  const w = view(backend, filter);
  const sums = new Float64Array(dx.length);
  forEachDepthwiseTap(info, (xBase, wBase, dyOffset) => {
    for (let d1 = 0, d2 = 0; d1 < inChannels; d1++) {
      for (let q = 0; q < multiplier; q++, d2++) sums[xBase + d1] += dys[dyOffset + d2] * w[wBase + d2];
    }
  });
  dx.set(sums);
  return dxInfo;
};

export function depthwiseConv2dBackpropInputConfig(backendName: string): tf.KernelConfig {
  return { kernelName: tf.DepthwiseConv2dNativeBackpropInput, backendName, kernelFunc: depthwiseConv2dBackpropInput };
}
