import { useState } from 'react';

export interface StepChoice {
  /** Index into the steps; the latest while the user has not picked another. */
  index: number;
  choose: (index: number) => void;
}

/** Which of a growing list of steps is shown: the latest, until the user picks one; then that one stays. */
export function useStepChoice(steps: readonly number[]): StepChoice {
  const [picked, setPicked] = useState<number | null>(null);
  const found = picked === null ? -1 : steps.indexOf(picked);
  const index = found >= 0 ? found : Math.max(0, steps.length - 1);
  const choose = (i: number) => setPicked(i >= steps.length - 1 ? null : steps[i]);
  return { index, choose };
}

export interface StepSliderProps {
  steps: readonly number[];
  choice: StepChoice;
  /** Names the slider for assistive technology and tests: "Step of <tag>". */
  label: string;
}

/** One stop per recorded step, with the step shown beside it. */
export function StepSlider({ steps, choice, label }: StepSliderProps) {
  const last = steps.length - 1;
  return (
    <div className="step-slider">
      <input
        type="range"
        min={0}
        max={Math.max(0, last)}
        value={choice.index}
        disabled={last < 1}
        aria-label={label}
        onChange={(e) => choice.choose(Number(e.target.value))}
      />
      <span className="step-slider-label" data-step={steps[choice.index]}>
        step {steps[choice.index]} <span className="muted">({choice.index + 1}/{steps.length})</span>
      </span>
    </div>
  );
}
