import type { HistogramSlice } from './histogram-slices';

/** One run's slices of the compared tensor, in step order. */
export interface CompareSeries {
  runId: string;
  name: string;
  slices: readonly HistogramSlice[];
}

/** `latest` shows each run's own newest step and follows live runs as they grow. */
export type CompareStep = number | 'latest';

/** What one run draws at the chosen step. */
export interface CompareCurve {
  runId: string;
  name: string;
  /** Null when the run has no step at or before the chosen one. */
  slice: HistogramSlice | null;
  /** The run lacks the chosen step, so its nearest earlier one stands in. */
  nearest: boolean;
}

/** Every step any run recorded, ascending: the stops of the step slider. */
export function compareSteps(series: readonly CompareSeries[]): number[] {
  const steps = new Set<number>();
  for (const s of series) for (const h of s.slices) steps.add(h.step);
  return [...steps].sort((a, b) => a - b);
}

/** The last slice at or before `step`; runs log histograms on their own schedules, so exact matches are not assumed. */
export function sliceAtOrBefore(slices: readonly HistogramSlice[], step: number): HistogramSlice | null {
  let lo = 0;
  let hi = slices.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (slices[mid].step <= step) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? null : slices[lo - 1];
}

export function compareCurves(series: readonly CompareSeries[], step: CompareStep): CompareCurve[] {
  return series.map(({ runId, name, slices }) => {
    if (step === 'latest') return { runId, name, slice: slices.at(-1) ?? null, nearest: false };
    const slice = sliceAtOrBefore(slices, step);
    return { runId, name, slice, nearest: slice !== null && slice.step !== step };
  });
}

/** How a curve's step reads in the legend and tooltip. */
export function curveStepLabel(curve: CompareCurve, step: CompareStep): string {
  if (!curve.slice) return `no step ≤ ${step}`;
  return curve.nearest ? `step ${curve.slice.step} (nearest before ${step})` : `step ${curve.slice.step}`;
}

/** The slider's last stop is `latest`, so a slider left at the end keeps following new steps. */
export function stepAtStop(steps: readonly number[], stop: number): CompareStep {
  return stop >= steps.length - 1 ? 'latest' : steps[Math.max(0, stop)];
}

export function stopOfStep(steps: readonly number[], step: CompareStep): number {
  if (step === 'latest') return Math.max(0, steps.length - 1);
  const exact = steps.indexOf(step);
  return exact >= 0 ? exact : Math.max(0, steps.length - 1);
}
