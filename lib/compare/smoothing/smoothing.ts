import type { ScalarColumn } from '../scalar-column';
import { clampEmaWeight, EMA_DEFAULT_WEIGHT, emaSmoothing } from './ema';
import { gaussianSmoothing } from './gaussian';
import { runningAverage } from './running-average';

/**
 * The compare view's smoothing choice. Each method has its own parameter, in its own unit: the EMA
 * a weight in [0, 0.999], the running average a window and the Gaussian a σ, both in steps.
 */
export type Smoothing =
  | { method: 'ema'; weight: number }
  | { method: 'average'; window: number }
  | { method: 'gaussian'; sigma: number };

export type SmoothingMethod = Smoothing['method'];

export const SMOOTHING_METHODS: readonly SmoothingMethod[] = ['ema', 'average', 'gaussian'];

export const DEFAULT_SMOOTHING: Smoothing = { method: 'ema', weight: EMA_DEFAULT_WEIGHT };

/** Where each method starts when picked: TensorBoard's EMA weight, and light smoothing for the others. */
export const DEFAULT_SMOOTHING_AMOUNT: Readonly<Record<SmoothingMethod, number>> = { ema: EMA_DEFAULT_WEIGHT, average: 25, gaussian: 10 };

/** Wider than any run we store: past it a window or σ only costs time. */
export const MAX_SMOOTHING_STEPS = 1_000_000;

/** The parameter of each method, for a UI slider and the address. */
export function smoothingAmount(smoothing: Smoothing): number {
  switch (smoothing.method) {
    case 'ema':
      return smoothing.weight;
    case 'average':
      return smoothing.window;
    case 'gaussian':
      return smoothing.sigma;
  }
}

function clampSteps(value: number, min: number): number {
  return Number.isFinite(value) ? Math.min(MAX_SMOOTHING_STEPS, Math.max(min, value)) : min;
}

/** The method with its parameter brought into range; a non-number means no smoothing. */
export function withSmoothingAmount(method: SmoothingMethod, amount: number): Smoothing {
  switch (method) {
    case 'ema':
      return { method, weight: clampEmaWeight(amount) };
    case 'average':
      return { method, window: Math.round(clampSteps(amount, 1)) };
    case 'gaussian':
      return { method, sigma: clampSteps(amount, 0) };
  }
}

/**
 * The smoothed value of every point of the column; non-finite points keep their raw value. Written
 * into `out` when given, which must have the column's length.
 */
export function smoothColumn(column: ScalarColumn, smoothing: Smoothing, out?: Float64Array): Float64Array {
  const s = withSmoothingAmount(smoothing.method, smoothingAmount(smoothing));
  switch (s.method) {
    case 'ema':
      return emaSmoothing(column.values, s.weight, out);
    case 'average':
      return runningAverage(column, s.window, out);
    case 'gaussian':
      return gaussianSmoothing(column, s.sigma, out);
  }
}
