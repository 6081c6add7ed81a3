import { configValue, formatConfigValue, type Config } from '../compare/config-values';
import { diffConfigs } from '../compare/config-diff';
import type { ParamSpec } from '../sweep/space';

/**
 * The HParams view's axes: every run's config is its hyperparameters, and its metrics sit beside
 * them. One axis per hyperparameter and one per metric, each numeric (linear or log) or categorical.
 *
 * - A sweep's space decides its axes: loguniform and qloguniform params are log axes, choices are
 *   categorical (in the order the space lists them), the other kinds linear.
 * - Without a space (any set of runs), the config keys that differ among the runs are the
 *   hyperparameters: a key whose values are all finite numbers is numeric, and log-scaled when they
 *   are all positive and span two decades or more (a learning rate); any other key is categorical.
 * - A missing value is a category of its own ("(none)"); a non-finite metric is off its numeric axis
 *   (valueOf gives null), and the table still shows it.
 */
export interface HParamRun {
  id: string;
  name: string;
  config: Config;
  /** Metric name → value, NaN and ±Infinity included. */
  metrics: Readonly<Record<string, number>>;
}

export type AxisSource = 'hparam' | 'metric';

export type HParamAxis =
  | { key: string; source: AxisSource; type: 'value' | 'log'; min: number; max: number }
  | { key: string; source: AxisSource; type: 'category'; categories: string[] };

export const MISSING_CATEGORY = '(none)';

/** Config keys that name a run or its bookkeeping, never a setting that changes what it learns. */
const NOT_HPARAMS = new Set(['sweepId', 'sweepTrial', 'runName', 'runId', 'server', 'checkpointPath', 'callbacks', 'data.source']);

const LOG_KINDS = new Set(['loguniform', 'qloguniform']);
const LOG_SPAN = 100;

function rawValue(run: HParamRun, axis: Pick<HParamAxis, 'key' | 'source'>): unknown {
  return axis.source === 'metric' ? run.metrics[axis.key] : configValue(run.config, axis.key);
}

function categoryOf(value: unknown): string {
  return value === undefined || value === null ? MISSING_CATEGORY : formatConfigValue(value);
}

function numericAxis(key: string, source: AxisSource, values: readonly number[], log: boolean | 'auto'): HParamAxis {
  const finite = values.filter(Number.isFinite);
  const min = finite.length ? Math.min(...finite) : 0;
  const max = finite.length ? Math.max(...finite) : 1;
  const autoLog = min > 0 && max / min >= LOG_SPAN;
  return { key, source, type: (log === 'auto' ? autoLog : log && min > 0) ? 'log' : 'value', min, max };
}

/** An axis for `key` over the runs' values, categorical unless every present value is a number. */
export function inferAxis(runs: readonly HParamRun[], key: string, source: AxisSource): HParamAxis {
  const values = runs.map((run) => rawValue(run, { key, source }));
  // A metric is a number wherever a run logged it; a run that did not is off its axis.
  if (source === 'metric') return numericAxis(key, source, values.filter((v): v is number => typeof v === 'number'), false);
  if (values.length > 0 && values.every((v) => typeof v === 'number')) return numericAxis(key, source, values as number[], 'auto');
  return { key, source, type: 'category', categories: [...new Set(values.map(categoryOf))].sort() };
}

/** The axis a sweep's space gives a param, spanning the space's bounds and the values seen. */
export function spaceAxis(runs: readonly HParamRun[], spec: ParamSpec): HParamAxis {
  if (spec.kind === 'choice') {
    const seen = runs.map((run) => categoryOf(configValue(run.config, spec.name)));
    return { key: spec.name, source: 'hparam', type: 'category', categories: [...new Set([...spec.choices.map(categoryOf), ...seen])] };
  }
  const seen = runs.map((run) => configValue(run.config, spec.name)).filter((v): v is number => typeof v === 'number');
  return numericAxis(spec.name, 'hparam', [spec.low, spec.high, ...seen], LOG_KINDS.has(spec.kind));
}

/** The hyperparameters of runs without a sweep: the config keys whose values differ among them. */
export function hparamKeys(runs: readonly HParamRun[]): string[] {
  return diffConfigs(runs).differences.map((column) => column.key).filter((key) => !NOT_HPARAMS.has(key) && !key.startsWith('sweep'));
}

/** The families whose last value is a run's result: Keras' epoch logs as the trainer tags them, and the test set's. */
const RESULT_FAMILIES = ['epoch/', 'test/'];

/**
 * The metrics worth an axis: epoch metrics (`epoch/val_acc` as the trainer logs them, or a bare
 * `val_acc` as other writers do) and test metrics (`test/acc`), in name order; the per-batch and
 * per-layer series are not a run's result.
 */
export function metricKeys(runs: readonly HParamRun[]): string[] {
  const keys = new Set(runs.flatMap((run) => Object.keys(run.metrics)));
  return [...keys].filter((key) => !key.includes('/') || RESULT_FAMILIES.some((family) => key.startsWith(family) && !key.slice(family.length).includes('/'))).sort();
}

export interface AxesRequest {
  /** A sweep's space; without one the hyperparameters are the differing config keys. */
  space?: readonly ParamSpec[];
  metrics: readonly string[];
}

export function buildAxes(runs: readonly HParamRun[], { space, metrics }: AxesRequest): HParamAxis[] {
  const hparams = space ? space.map((spec) => spaceAxis(runs, spec)) : hparamKeys(runs).map((key) => inferAxis(runs, key, 'hparam'));
  return [...hparams, ...metrics.map((key) => inferAxis(runs, key, 'metric'))];
}

/**
 * A run's coordinate on an axis: the number on a numeric axis (null when missing or non-finite, or
 * not positive on a log axis), the category's index on a categorical one.
 */
export function valueOf(run: HParamRun, axis: HParamAxis): number | null {
  const value = rawValue(run, axis);
  if (axis.type === 'category') return axis.categories.indexOf(categoryOf(value));
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  return axis.type === 'log' && value <= 0 ? null : value;
}

/** How a run's value on an axis reads in the table: NaN and Infinity as themselves. */
export function displayValue(run: HParamRun, axis: HParamAxis): string {
  const value = rawValue(run, axis);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : Math.abs(value) < 1e-3 && value !== 0 ? value.toExponential(3) : value.toFixed(4).replace(/0+$/, '');
  return axis.type === 'category' ? categoryOf(value) : '';
}
