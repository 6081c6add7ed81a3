import * as tf from '@tensorflow/tfjs';
import { asTensor, cropForConv, toNhwc } from '../conv-layout';

// tfjs-backend-wasm has no Conv2DBackpropFilter, and tfjs-backend-cpu's is a scalar
// 7-deep loop. The filter gradient
//   dW[a, b, c, o] = sum over n, i, j of xPadded[n, i*sh + a, j*sw + b, c] * dy[n, i, j, o]
// is itself a convolution once the batch axis is moved into the channel slot:
// input x as [C, H, W, N], "filter" dy as [outH, outW, N, O], stride 1, dilation
// (sh, sw), the forward padding. That hands the whole reduction to the backend's
// own Conv2D (XNNPACK on wasm) at the cost of two transposes.

const conv2dBackpropFilter: tf.KernelFunc = ({ inputs, attrs }) => {
  const { x, dy } = inputs as Record<'x' | 'dy', tf.TensorInfo>;
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number], filterShape, strides, 1, pad, dimRoundingMode, false,
    tf.backend_util.convertConv2DDataFormat(dataFormat),
  );
  const { filterHeight, filterWidth, strideHeight, strideWidth, padInfo } = info;
  return tf.tidy(() => {
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
