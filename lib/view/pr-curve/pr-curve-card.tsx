import { useEffect, useRef } from 'react';
import { useChart } from '../shared/use-chart';
import { StepSlider, useStepChoice } from '../shared/step-slider';
import { prCurveOption } from './pr-curve-option';
import type { PrCurveStep } from './use-live-pr-curves';

/** One tag's precision–recall curve at the step the slider picks (the latest until the user moves it). */
export function PrCurveCard({ tag, curves }: { tag: string; curves: readonly PrCurveStep[] }) {
  const canvasRef = useRef<HTMLDivElement>(null);
  const { chart, theme } = useChart(canvasRef);
  const steps = curves.map((c) => c.step);
  const choice = useStepChoice(steps);
  const curve = curves[choice.index];

  useEffect(() => {
    if (!chart || !theme || !curve) return;
    chart.setOption(prCurveOption(curve, theme), { notMerge: true });
  }, [chart, theme, curve]);

  return (
    <article className="card chart-card pr-curve-card" data-tag={tag} data-steps={curves.length} data-step={curve?.step}>
      <header className="chart-head">
        <h3 title={tag}>{tag}</h3>
      </header>
      <div className="chart-canvas pr-curve-canvas" ref={canvasRef} />
      {curves.length > 0 && <StepSlider steps={steps} choice={choice} label={`Step of ${tag}`} />}
    </article>
  );
}
