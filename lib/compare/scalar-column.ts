/**
 * One run's tag at full resolution, as the compare view works on it: steps ascending (the store's
 * order), values with NaN and ±Infinity as real numbers. Float64Array or number[] both fit, so
 * columns fetched as typed arrays are used without a copy.
 */
export interface ScalarColumn {
  readonly steps: ArrayLike<number>;
  readonly values: ArrayLike<number>;
}

/** A column that also keeps its wall times (ms since the epoch), for exports and the time axes. */
export interface TimedScalarColumn extends ScalarColumn {
  readonly tag: string;
  readonly wallTimes: ArrayLike<number>;
}
