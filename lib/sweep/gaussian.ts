const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
const ERFC_COEFFICIENTS = [
  -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277,
];

/**
 * erfc with a relative error under 1.2e-7 everywhere (the Chebyshev fit of Numerical Recipes §6.2):
 * relative, not absolute, so tail masses far from a Gaussian's mean keep their digits.
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  let poly = 0;
  for (let k = ERFC_COEFFICIENTS.length - 1; k >= 0; k--) poly = ERFC_COEFFICIENTS[k] + t * poly;
  const r = t * Math.exp(-z * z + poly);
  return x >= 0 ? r : 2 - r;
}

/**
 * P(lo ≤ X ≤ hi) for X ~ N(mu, sigma²). Computed from the tail the interval sits in, so a narrow
 * interval far out does not vanish in 1 − 1.
 */
export function normalMass(lo: number, hi: number, mu: number, sigma: number): number {
  const a = (lo - mu) / (sigma * Math.SQRT2);
  const b = (hi - mu) / (sigma * Math.SQRT2);
  if (a >= 0) return 0.5 * (erfc(a) - erfc(b));
  if (b <= 0) return 0.5 * (erfc(-b) - erfc(-a));
  return 1 - 0.5 * (erfc(-a) + erfc(b));
}

export function normalLogPdf(x: number, mu: number, sigma: number): number {
  const z = (x - mu) / sigma;
  return -0.5 * z * z - Math.log(sigma) - LOG_SQRT_2PI;
}

/** log Σ exp(terms), without overflow. */
export function logSumExp(terms: readonly number[]): number {
  const max = Math.max(...terms);
  if (!Number.isFinite(max)) return max;
  let sum = 0;
  for (const t of terms) sum += Math.exp(t - max);
  return max + Math.log(sum);
}
