import type * as tf from '@tensorflow/tfjs';

/**
 * The walk both depthwise gradients share: every (output pixel, filter tap) pair whose input
 * pixel lies inside the image, in dy's memory order. `visit` gets the NHWC offsets of that input
 * pixel, of the tap's filter row and of the output pixel; it loops over the channels itself.
 */
export function forEachDepthwiseTap(info: tf.backend_util.Conv2DInfo, visit: (xBase: number, wBase: number, dyOffset: number) => void): void {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = info;
  const { strideHeight, strideWidth, dilationHeight, dilationWidth, filterHeight, filterWidth, padInfo } = info;
  let dyOffset = 0;
  for (let b = 0; b < batchSize; b++) {
    for (let yR = 0; yR < outHeight; yR++) {
      for (let yC = 0; yC < outWidth; yC++, dyOffset += outChannels) {
        for (let wR = 0; wR < filterHeight; wR++) {
          const xR = yR * strideHeight - padInfo.top + wR * dilationHeight;
          if (xR < 0 || xR >= inHeight) continue;
          for (let wC = 0; wC < filterWidth; wC++) {
            const xC = yC * strideWidth - padInfo.left + wC * dilationWidth;
            if (xC < 0 || xC >= inWidth) continue;
            visit(((b * inHeight + xR) * inWidth + xC) * inChannels, (wR * filterWidth + wC) * outChannels, dyOffset);
          }
        }
      }
    }
  }
}
