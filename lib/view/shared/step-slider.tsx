import './step-slider.css';
import { useState } from 'react';
import { StopSlider } from './stop-slider';

export interface StepChoice {
  /** Index into the steps: the latest, until the user picks another. */
  index: number;
  choose: (index: number) => void;
}

/** Which of a growing list of steps is shown: the newest, so the view moves on as training logs more, until one is picked. */
export function useStepChoice(steps: readonly number[]): StepChoice {
  const [pinned, setPinned] = useState<number | null>(null);
  const found = pinned === null ? -1 : steps.indexOf(pinned);
  const index = found >= 0 ? found : Math.max(0, steps.length - 1);
  return { index, choose: (i) => setPinned(i >= steps.length - 1 ? null : steps[i]) };
}

/** A slider over a tag's steps with the step it shows, for the per-step views (PR curves, images). */
export function StepSlider({ steps, choice, label }: { steps: readonly number[]; choice: StepChoice; label: string }) {
  return (
    <div className="step-slider">
      <StopSlider stops={steps.length} index={choice.index} label={label} onChange={choice.choose} />
      <output data-step={steps[choice.index]}>
        step {steps[choice.index]} <span className="muted">({choice.index + 1}/{steps.length})</span>
      </output>
    </div>
  );
}
