import { HOST_IS_LITTLE_ENDIAN } from '../float32-base64';

const f64 = new Float64Array(1);
const hi = new Int32Array(f64.buffer);
// The high word of 1.0 minus Schraudolph's correction that centres the error around zero.
const ONE_HIGH_WORD = 1072632447;
/** Which of the two 32-bit words holds the sign, exponent and top of the mantissa. */
const HIGH = HOST_IS_LITTLE_ENDIAN ? 1 : 0;

/**
 * x^b for x > 0 and 0 <= b < 1 by linear interpolation of the exponent bits (Schraudolph 1999,
 * as uwot's `approx_pow` does): a few percent off, which the layout's stochastic gradients absorb,
 * at a fraction of Math.pow's cost in the optimiser's innermost loop.
 */
export function fastPow(x: number, b: number): number {
  f64[0] = x;
  hi[HIGH] = (b * (hi[HIGH] - ONE_HIGH_WORD) + ONE_HIGH_WORD) | 0;
  hi[1 - HIGH] = 0;
  return f64[0];
}
