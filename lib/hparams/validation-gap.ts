import { sortByObjective, testMetricFor, type Objective } from './best-run';
import type { HParamRun } from './hparam-axes';

/**
 * Overfitting the validation split: a search that tries many settings and keeps the best validation
 * score picks, in part, the settings that were lucky on those examples. The held-out test set shows
 * it: the best trials by validation, each with its test value and its rank among the trials by test.
 * When the validation winner ranks low on test, or validation beats test by far more than the other
 * trials' gap, the search has fitted the validation split.
 */
export interface GapRow<R extends HParamRun> {
  run: R;
  /** 1-based, by the objective. */
  validationRank: number;
  validation: number | undefined;
  test: number | undefined;
  /** 1-based rank among the runs that have a test value; null without one. */
  testRank: number | null;
  /** validation − test, in the objective's units. */
  gap: number | null;
}

export interface ValidationGap<R extends HParamRun> {
  testMetric: string;
  rows: GapRow<R>[];
}

/** The `top` best runs by the objective, against their test metric; null when the objective is no validation metric. */
export function validationGap<R extends HParamRun>(runs: readonly R[], objective: Objective, top: number): ValidationGap<R> | null {
  const testMetric = testMetricFor(objective.metric);
  if (testMetric === null) return null;
  const byValidation = sortByObjective(runs, objective).filter((run) => run.metrics[objective.metric] !== undefined);
  const byTest = sortByObjective(runs, { metric: testMetric, goal: objective.goal }).filter((run) => Number.isFinite(run.metrics[testMetric]));
  const rows = byValidation.slice(0, top).map((run, i): GapRow<R> => {
    const validation = run.metrics[objective.metric];
    const test = run.metrics[testMetric];
    const testRank = byTest.indexOf(run);
    return { run, validationRank: i + 1, validation, test, testRank: testRank < 0 ? null : testRank + 1, gap: validation !== undefined && test !== undefined ? validation - test : null };
  });
  return { testMetric, rows };
}
