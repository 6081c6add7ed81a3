import type { WireRunSummary } from '../../kinds/scalar/run-summary';
import { decodeNumber } from '../../protocol/wire-number';

/** The run list's columns: what a Keras user looks at first. */
export const SUMMARY_METRICS = ['loss', 'acc', 'val_loss', 'val_acc'] as const;

export interface LastMetric {
  tag: string;
  step: number;
  value: number;
}

/**
 * Epoch values are what Keras prints, so they win; a run still in its first epoch has only
 * batch values, and scripts outside our trainer may log the bare metric name.
 */
export function lastMetric(run: WireRunSummary, metric: string): LastMetric | null {
  for (const tag of [`epoch/${metric}`, `batch/${metric}`, metric]) {
    const last = run.lastScalars[tag];
    if (last) return { tag, step: last[0], value: decodeNumber(last[2]) };
  }
  return null;
}
