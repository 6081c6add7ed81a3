import * as tf from '@tensorflow/tfjs';

/**
 * Wraps a kernel input as a Tensor so kernels can be composed from tf ops. Inside
 * tf.tidy the wrapper is disposed again; it only adds a reference to the data.
 */
export function asTensor(info: tf.TensorInfo): tf.Tensor {
  return info instanceof tf.Tensor ? info : tf.engine().makeTensorFromTensorInfo(info);
}

export function toNhwc(t: tf.Tensor, dataFormat: 'NHWC' | 'NCHW'): tf.Tensor4D {
  return (dataFormat === 'NCHW' ? tf.transpose(t, [0, 2, 3, 1]) : t) as tf.Tensor4D;
}

export function fromNhwc(t: tf.Tensor4D, dataFormat: 'NHWC' | 'NCHW'): tf.Tensor4D {
  return dataFormat === 'NCHW' ? tf.transpose(t, [0, 3, 1, 2]) : t;
}

/**
 * Applies per-side amounts to the two spatial axes of an NHWC tensor: a negative
 * amount crops that side now, a positive one is returned as explicit padding for
 * the convolution that follows (tf.conv2d rejects negative padding).
 */
export function cropForConv(
  t: tf.Tensor4D,
  [top, bottom, left, right]: [number, number, number, number],
): { cropped: tf.Tensor4D; pad: [[0, 0], [number, number], [number, number], [0, 0]] } {
  const [n, h, w, c] = t.shape;
  const cut = (v: number) => Math.max(0, -v);
  const keep = (v: number) => Math.max(0, v);
  const needsCrop = top < 0 || bottom < 0 || left < 0 || right < 0;
  const cropped = needsCrop
    ? tf.slice(t, [0, cut(top), cut(left), 0], [n, h - cut(top) - cut(bottom), w - cut(left) - cut(right), c])
    : t;
  return { cropped, pad: [[0, 0], [keep(top), keep(bottom)], [keep(left), keep(right)], [0, 0]] };
}
