import type { HParamRun } from './hparam-axes';

/** Which way the objective metric is better. */
export type Goal = 'min' | 'max';

export interface Objective {
  metric: string;
  goal: Goal;
}

/** a before b when a is better; a missing value ranks after every value, NaN after every number. */
function rank(a: number | undefined, b: number | undefined, goal: Goal): number {
  const missing = (v: number | undefined) => (v === undefined ? 2 : Number.isNaN(v) ? 1 : 0);
  if (missing(a) || missing(b)) return missing(a) - missing(b);
  if (a === b) return 0;
  return (goal === 'max' ? a! > b! : a! < b!) ? -1 : 1;
}

/** Best first by the objective; ties keep the given order. */
export function sortByObjective<R extends HParamRun>(runs: readonly R[], { metric, goal }: Objective): R[] {
  return runs
    .map((run, i) => ({ run, i }))
    .sort((a, b) => rank(a.run.metrics[metric], b.run.metrics[metric], goal) || a.i - b.i)
    .map(({ run }) => run);
}

/** The run with the best objective value, or null when none has a number for it (NaN counts as none). */
export function bestRun<R extends HParamRun>(runs: readonly R[], objective: Objective): R | null {
  const [first] = sortByObjective(runs, objective);
  const value = first?.metrics[objective.metric];
  return value === undefined || Number.isNaN(value) ? null : first;
}

const PREFERRED = ['val_acc', 'val_accuracy', 'val_loss', 'test/acc', 'test/loss', 'acc', 'loss'];

/** A metric's name without the trainer's `epoch/` family: epoch/val_acc is Keras' val_acc. */
export function kerasName(metric: string): string {
  return metric.startsWith('epoch/') ? metric.slice('epoch/'.length) : metric;
}

/**
 * What to colour and rank runs by when no sweep says: the first validation or test metric the runs
 * have, else the first metric; better is higher for accuracy-like names, lower for the rest.
 */
export function defaultObjective(metrics: readonly string[]): Objective | null {
  const rank = (m: string) => {
    const i = PREFERRED.indexOf(kerasName(m));
    return i < 0 ? PREFERRED.length : i;
  };
  const metric = [...metrics].sort((a, b) => rank(a) - rank(b))[0];
  if (metric === undefined) return null;
  return { metric, goal: /acc|auc|precision|recall/i.test(metric) ? 'max' : 'min' };
}

/**
 * The test metric a validation metric stands for: val_acc (or epoch/val_acc) → test/acc, as the
 * trainer logs test/<name> for each of Keras' metricsNames after fit. A metric that is not a
 * validation one has none.
 */
export function testMetricFor(metric: string): string | null {
  const name = kerasName(metric);
  return name.startsWith('val_') ? `test/${name.slice(4)}` : null;
}
