import type { ConvCase } from './conv-cases';
import { depthwiseOutShape, type DepthwiseCase } from './depthwise-cases';

// Strides longer than the filter, which stock wasm got wrong with 'same' padding
// whenever the last window ended before the input did: XNNPACK's own 'same'
// padding wrapped around and the output came back as zeros. Odd and even sizes
// make both cases (last window short of the end, or reaching past it), and 'valid'
// runs beside each 'same' where the filter fits. Deterministic, so that every
// shape runs every time.

const SPATIAL: Array<[number, number]> = [[4, 9], [9, 4], [6, 7], [7, 10], [1, 9]];
const FILTERS: Array<[number, number]> = [[2, 2], [1, 2], [3, 1], [2, 3], [1, 1]];
const STRIDES: Array<[number, number]> = [[1, 3], [3, 1], [2, 3], [3, 2], [1, 4], [3, 3]];
/** [input channels, output channels or channel multiplier], taken in turn. */
const CHANNELS: Array<[number, number]> = [[2, 3], [1, 1], [3, 2], [4, 1]];

/** The family as Conv2D cases (the issue's own example first). */
export function stridedConvCases(): ConvCase[] {
  const cases: ConvCase[] = [];
  for (const [h, w] of SPATIAL) {
    for (const [fh, fw] of FILTERS) {
      for (const strides of STRIDES) {
        const [c, out] = CHANNELS[cases.length % CHANNELS.length];
        for (const pad of ['same', 'valid'] as const) {
          if (pad === 'valid' && (fh > h || fw > w)) continue;
          cases.push({ label: 'strided family', xShape: [1 + (cases.length % 2), h, w, c], filterShape: [fh, fw, c, out], strides, pad });
        }
      }
    }
  }
  return cases;
}

/** The same family as depthwise cases, the last filter axis read as the channel multiplier. */
export function stridedDepthwiseCases(): DepthwiseCase[] {
  return stridedConvCases()
    .map(({ label, xShape, filterShape, strides, pad }) => ({ label, xShape, filterShape, strides, dilations: [1, 1] as [number, number], pad: pad as 'same' | 'valid' }))
    .filter((c) => depthwiseOutShape(c).every((d) => d > 0));
}
