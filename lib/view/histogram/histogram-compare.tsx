import { useEffect, useMemo, useRef, useState } from 'react';
import { type CompareSeries, type CompareStep, compareCurves, compareSteps, curveStepLabel, stepAtStop, stopOfStep } from './compare-curves';
import type { HistogramSlice } from './histogram-slices';
import { useComparedHistograms } from './use-compared-histograms';
import { compareColor, histogramCompareOption } from './histogram-compare-option';
import { StopSlider } from '../shared/stop-slider';
import { useChart } from '../shared/use-chart';

export interface HistogramCompareProps {
  tag: string;
  runId: string;
  /** The page's run, pushed live. */
  slices: readonly HistogramSlice[];
  comparedIds: readonly string[];
}

/** One tensor from several runs at one step, with a step slider and a legend of run names. */
export function HistogramCompare({ tag, runId, slices, comparedIds }: HistogramCompareProps) {
  const canvasRef = useRef<HTMLDivElement>(null);
  const { chart, theme } = useChart(canvasRef);
  const { available, slices: compared, errors, listError } = useComparedHistograms(tag, comparedIds);
  const [step, setStep] = useState<CompareStep>('latest');

  // Every chosen run keeps its place, loaded or not, so its colour never shifts as others arrive.
  const series = useMemo<CompareSeries[]>(() => {
    const nameOf = (id: string) => available?.find((r) => r.runId === id)?.name ?? id;
    return [runId, ...comparedIds].map((id, i) => ({ runId: id, name: nameOf(id), slices: i === 0 ? slices : (compared[id] ?? []) }));
  }, [available, compared, comparedIds, runId, slices]);
  const steps = compareSteps(series);
  const curves = useMemo(() => compareCurves(series, step), [series, step]);

  useEffect(() => {
    if (!chart || !theme) return;
    chart.setOption(histogramCompareOption(curves, step, theme), { notMerge: true });
  }, [chart, theme, curves, step]);

  const noteFor = (id: string, i: number): string | null => {
    if (i === 0) return null;
    // A run that starts recording the tensor after the list was fetched shows as soon as it pushes one.
    if (compared[id]?.length) return null;
    if (available && !available.some((r) => r.runId === id)) return 'not found, or never recorded this tensor';
    return errors[id] ?? 'loading…';
  };

  return (
    <div className="compare-view" data-compare-curves={curves.filter((c) => c.slice).length}>
      {listError && (
        <p className="alert" role="alert">
          Could not list the runs with this tensor: {listError}
        </p>
      )}
      <label className="compare-step">
        step
        <StopSlider
          stops={steps.length}
          index={stopOfStep(steps, step)}
          label={`Step of ${tag} across runs`}
          onChange={(stop) => setStep(stepAtStop(steps, stop))}
        />
        <output data-compare-step={step}>{step === 'latest' ? 'latest of each run' : step}</output>
      </label>
      <div className="chart-canvas" ref={canvasRef} />
      <ul className="legend compare-legend">
        {curves.map((curve, i) => {
          const note = noteFor(curve.runId, i);
          return (
            <li key={curve.runId} data-compare-run={curve.runId} data-shown-step={curve.slice?.step ?? ''} data-nearest={curve.nearest}>
              <span className="compare-name">
                <span className="swatch" style={{ color: theme ? compareColor(theme, i) : undefined }} aria-hidden="true" />
                <span className="mono">{curve.name}</span>
                {i === 0 && <span className="muted">this run</span>}
              </span>
              <span className={note ? 'compare-note' : 'muted'}>{note ?? curveStepLabel(curve, step)}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
