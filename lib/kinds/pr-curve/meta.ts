/** The kind name every layer (protocol, storage, API, view) uses for precision–recall curves. */
export const PR_CURVE_KIND = 'pr-curve';

/** TensorBoard's pr_curves writes 127 thresholds by default; far more would not draw any better. */
export const MAX_THRESHOLDS = 10_000;

export const MAX_CURVES_PER_BATCH = 200;

/**
 * One tag's curve at one step, as TensorBoard's pr_curves plugin keeps it: per threshold (ascending,
 * in [0, 1]) the confusion counts and the precision and recall they give. Stored once per
 * (run, tag, step); a step logged again takes the curve written last.
 */
export interface PrCurveData {
  thresholds: number[];
  truePositives: number[];
  falsePositives: number[];
  trueNegatives: number[];
  falseNegatives: number[];
  precision: number[];
  recall: number[];
}

export interface PrCurveSnapshot extends PrCurveData {
  tag: string;
  step: number;
  /** ms since the epoch */
  wallTime: number;
}

/** The columns of a curve, in the order they are stored. */
export const PR_CURVE_COLUMNS = ['thresholds', 'truePositives', 'falsePositives', 'trueNegatives', 'falseNegatives', 'precision', 'recall'] as const;

/** The live push of one stored batch. */
export interface PrCurvesEvent {
  type: 'pr-curves';
  runId: string;
  curves: PrCurveSnapshot[];
}

export interface PrCurveTagInfo {
  tag: string;
  count: number;
  firstStep: number;
  lastStep: number;
}
