/**
 * The depthwise filter gradient at stride 1 with one filter per channel (every SeparableConv2D),
 * over a range of batch samples. A tap's x pixels along an output row are one contiguous run in
 * memory, as are dy's, so each (row, tap) is one flat multiply-add loop into a per-tap row of
 * sums (2.8 s of a loaded 13.9 s step went to the general walk, a callback per tap and pixel).
 */

/** The fields of tfjs's Conv2DInfo the gradient reads. */
export interface UnitStepShape {
  batchSize: number;
  inHeight: number;
  inWidth: number;
  inChannels: number;
  outHeight: number;
  outWidth: number;
  filterHeight: number;
  filterWidth: number;
  padInfo: { top: number; left: number };
}

/** Per tap, a row of outWidth * channels sums: what sumFilterRows folds into the filter gradient. */
export function filterRowsLength(s: UnitStepShape): number {
  return s.filterHeight * s.filterWidth * s.outWidth * s.inChannels;
}

/** Adds every sample's x·dy into `rows` (filterRowsLength long). */
export function accumulateFilterRows(xs: ArrayLike<number>, dys: ArrayLike<number>, s: UnitStepShape, rows: Float64Array): void {
  const { inHeight, inWidth, inChannels: channels, outHeight, outWidth, filterHeight, filterWidth, padInfo } = s;
  const rowLength = outWidth * channels;
  for (let n = 0; n < s.batchSize; n++) {
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
          const sums = (a * filterWidth + b) * rowLength;
          const xStart = ((n * inHeight + xR) * inWidth + first - padInfo.left + b) * channels;
          const dyStart = dyRow + first * channels;
          for (let k = first * channels, end = last * channels, d = 0; k < end; k++, d++) rows[sums + k] += xs[xStart + d] * dys[dyStart + d];
        }
      }
    }
  }
}

/** Folds the rows into the filter gradient [taps * channels]. */
export function sumFilterRows(s: UnitStepShape, rows: Float64Array): Float64Array {
  const channels = s.inChannels;
  const rowLength = s.outWidth * channels;
  const taps = s.filterHeight * s.filterWidth;
  const dw = new Float64Array(taps * channels);
  for (let tap = 0; tap < taps; tap++) {
    for (let k = 0; k < rowLength; k++) dw[tap * channels + (k % channels)] += rows[tap * rowLength + k];
  }
  return dw;
}
