import type * as tf from '@tensorflow/tfjs';

/**
 * The walk both pooling gradients share: every output pixel's window, clipped to the image.
 * `visit` gets the NHWC offset of the output pixel and the window's in-image row and column
 * ranges (end exclusive); it loops over the pixels and channels itself.
 */
export function forEachPoolWindow(
  info: tf.backend_util.Conv2DInfo,
  visit: (dyOffset: number, batch: number, rows: [number, number], cols: [number, number]) => void,
): void {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth } = info;
  const { strideHeight, strideWidth, filterHeight, filterWidth, padInfo } = info;
  let dyOffset = 0;
  for (let b = 0; b < batchSize; b++) {
    for (let yR = 0; yR < outHeight; yR++) {
      const rowStart = yR * strideHeight - padInfo.top;
      const rows: [number, number] = [Math.max(0, rowStart), Math.min(inHeight, rowStart + filterHeight)];
      for (let yC = 0; yC < outWidth; yC++, dyOffset += inChannels) {
        const colStart = yC * strideWidth - padInfo.left;
        visit(dyOffset, b, rows, [Math.max(0, colStart), Math.min(inWidth, colStart + filterWidth)]);
      }
    }
  }
}
