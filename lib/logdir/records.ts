/**
 * What the logdir reader hands on: one typed record per summary value (or graph) in an event file,
 * with no storage or view concerns. The importer maps each kind onto a Tensorlens data kind.
 */
import type { HistogramData } from '../kinds/histogram/meta';
import type { ImageContentType } from '../kinds/image/meta';
import type { OpNode } from '../kinds/op-graph/meta';
import type { PrCurveData } from '../kinds/pr-curve/meta';

export type { OpNode };

/** When a record was written: TensorBoard's global step, and its wall time. */
export interface At {
  step: number;
  /** Milliseconds since the epoch, as Tensorlens stores it (event files hold seconds). */
  wallTime: number;
}

export interface ScalarRecord extends At {
  kind: 'scalar';
  tag: string;
  /** Float32 or wider, as written; NaN and infinities kept. */
  value: number;
}

/**
 * Both of TensorBoard's histogram forms (PyTorch's HistogramProto, Keras' `[k,3]` bucket tensors)
 * as the histogram kind stores them: equal-width buckets over [min, max] (see histogram-buckets.ts).
 */
export interface HistogramRecord extends At, HistogramData {
  kind: 'histogram';
  tag: string;
}

/** Keras' `model.to_json()` (plugin `graph_keras_model`), parsed. */
export interface KerasModelRecord extends At {
  kind: 'keras-model';
  tag: string;
  config: unknown;
}

/** A TensorFlow GraphDef (`Event.graph_def`): the op graph. */
export interface GraphRecord extends At {
  kind: 'graph';
  nodes: OpNode[];
}

export type HParamValue = number | string | boolean | null;

/** One session's hyperparameter values (`_hparams_/session_start_info`): the run's config. */
export interface HParamsRecord extends At {
  kind: 'hparams';
  hparams: Record<string, HParamValue>;
  group: string;
}

/** The experiment's declared hyperparameters and metrics (`_hparams_/experiment`). */
export interface HParamsExperimentRecord extends At {
  kind: 'hparams-experiment';
  hparams: { name: string; displayName: string; type: 'string' | 'bool' | 'float64' | 'unset' }[];
  /** Metric tags as TensorBoard names them: `tag` in the run `<session><group>`. */
  metrics: { tag: string; group: string; displayName: string; dataset: 'training' | 'validation' | 'unknown' }[];
}

export interface HParamsEndRecord extends At {
  kind: 'hparams-end';
  status: 'unknown' | 'success' | 'failure' | 'running';
}

/** Plugin `text`: a string tensor of any shape, row-major. */
export interface TextRecord extends At {
  kind: 'text';
  tag: string;
  shape: number[];
  texts: string[];
}

/**
 * Plugin `pr_curves`: the `[6,k]` tensor's rows, with TensorBoard's thresholds i/k for i = 1..k
 * (pr_curves_plugin.py `_compute_thresholds`), as the pr-curve kind stores them.
 */
export interface PrCurveRecord extends At, PrCurveData {
  kind: 'pr-curve';
  tag: string;
}

/** `Summary.Image`: the encoded bytes as written (PNG from PyTorch and tf.summary.image). */
export interface ImageRecord extends At {
  kind: 'image';
  tag: string;
  /** Which image of the step's batch (TF2 writes several per value; Summary.Image holds one). */
  sample: number;
  width: number;
  height: number;
  /** 1 grayscale, 2 grayscale+alpha, 3 RGB, 4 RGBA (summary.proto). */
  colorspace: number;
  /** From the bytes themselves; null for an encoding browsers do not show. */
  contentType: ImageContentType | null;
  encoded: Buffer;
}

/** Anything Tensorlens does not show (audio, run metadata, unknown plugins): listed by tag and plugin. */
export interface OtherRecord extends At {
  kind: 'other';
  tag: string;
  plugin: string;
  /** Why it is not shown when it looked like a known kind but could not be read. */
  reason?: string;
}

export type LogdirRecord =
  | ScalarRecord
  | HistogramRecord
  | KerasModelRecord
  | GraphRecord
  | HParamsRecord
  | HParamsExperimentRecord
  | HParamsEndRecord
  | TextRecord
  | PrCurveRecord
  | ImageRecord
  | OtherRecord;

/** The records that carry a tag, the ones a Keras validation folder renames. */
export type TaggedRecord = Extract<LogdirRecord, { tag: string }>;

export function hasTag(r: LogdirRecord): r is TaggedRecord {
  return 'tag' in r;
}
