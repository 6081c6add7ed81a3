import * as tf from '@tensorflow/tfjs';

// tfjs-backend-wasm hands 'same' padding to XNNPACK as a flag
// (XNN_FLAG_TENSORFLOW_SAME_PADDING), and XNNPACK works the padding out per axis as
// (ceil(in / s) - 1) * s + (k - 1) * d + 1 - in in unsigned arithmetic, without
// TensorFlow's max(0, ...). When the stride is longer than the filter and the last
// window ends before the input does (x [1, 4, 9, 2], filter [2, 2], strides [1, 3]:
// 2 * 3 + 2 - 9 = -1 on the width), the total wraps to ~2^32, every tap falls
// outside the image and the convolution comes back as zeros (the Fused kernels as
// just bias and activation; 1x1 filters escape: XNNPACK runs them as a GEMM that
// never reads the padding). tfjs-core's padding for the same attrs is TensorFlow's,
// so it is passed to the stock kernel as explicit padding, which XNNPACK takes as
// given: the same XNNPACK operator, the right windows.

interface ConvAttrs {
  strides: [number, number] | number;
  pad: unknown;
  dilations?: [number, number] | number;
  dataFormat?: 'NHWC' | 'NCHW';
}

/**
 * Wraps a stock wasm convolution kernel (Conv2D, DepthwiseConv2dNative and their
 * Fused forms: all take `x` and `filter`) so 'same' reaches it as explicit padding.
 * Keeps the stock setup and dispose, which bind the wasm function it calls.
 */
export function explicitSamePaddingConfig(backendName: string, stock?: tf.KernelConfig): tf.KernelConfig | undefined {
  if (!stock) return undefined;
  const kernelFunc: tf.KernelFunc = ({ inputs, backend, attrs }) => {
    const { strides, pad, dilations, dataFormat } = attrs as unknown as ConvAttrs;
    // NCHW is left to the stock kernel, which refuses it with its own message.
    if (pad !== 'same' || (dataFormat ?? 'NHWC') !== 'NHWC') return stock.kernelFunc({ inputs, backend, attrs });
    const { x, filter } = inputs as Record<'x' | 'filter', tf.TensorInfo>;
    const { padInfo } = tf.backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number], filter.shape as [number, number, number, number],
      strides, dilations ?? 1, 'same',
    );
    const explicit = [[0, 0], [padInfo.top, padInfo.bottom], [padInfo.left, padInfo.right], [0, 0]];
    // dimRoundingMode only applies to numeric padding; 'same' ignored it, so must this.
    return stock.kernelFunc({ inputs, backend, attrs: { ...attrs, pad: explicit, dimRoundingMode: undefined } as unknown as tf.NamedAttrMap });
  };
  return { ...stock, backendName, kernelFunc };
}
