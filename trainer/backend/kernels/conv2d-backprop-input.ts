import * as tf from '@tensorflow/tfjs';
import { asTensor, cropForConv, fromNhwc, toNhwc } from '../conv-layout';

// tfjs-backend-wasm's Conv2DBackpropInput is a scalar C++ loop (no XNNPACK): 1.25 s
// of a 1.8 s training step for the IMDB Conv1D at batch 128. The input gradient is
// the "full" correlation of dy with the spatially flipped, in/out-swapped filter,
// so it runs on the backend's fast forward Conv2D. Strides > 1 are handled by
// spreading dy out with zeros first (the transposed-convolution identity), which
// costs sh*sw times the multiply-adds; the lecture's convolutions have stride 1.

/** [N, H, W, C] -> [N, H*sh, W*sw, C] with dy[n, i, j] at [n, i*sh, j*sw]. */
function spreadWithZeros(t: tf.Tensor4D, sh: number, sw: number): tf.Tensor4D {
  const [n, h, w, c] = t.shape;
  let out = t;
  if (sh > 1) {
    const rows = tf.pad(tf.reshape(out, [n * h, 1, w * c]), [[0, 0], [0, sh - 1], [0, 0]]);
    out = tf.reshape(rows, [n, h * sh, w, c]);
  }
  if (sw > 1) {
    const cols = tf.pad(tf.reshape(out, [n * h * sh * w, 1, c]), [[0, 0], [0, sw - 1], [0, 0]]);
    out = tf.reshape(cols, [n, h * sh, w * sw, c]);
  }
  return out;
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
