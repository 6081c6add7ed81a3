import type { ImageInfo } from '../../kinds/image/meta';
import { StepSlider, useStepChoice } from '../shared/step-slider';
import { imageDataUrl } from './api-paths';

/** One tag's images at the step the slider picks: every sample of that step side by side. */
export function ImageCard({ runId, tag, images }: { runId: string; tag: string; images: readonly ImageInfo[] }) {
  const steps = [...new Set(images.map((i) => i.step))];
  const choice = useStepChoice(steps);
  const step = steps[choice.index];
  const shown = images.filter((i) => i.step === step).sort((a, b) => a.sample - b.sample);
  return (
    <article className="card image-card" data-tag={tag} data-steps={steps.length} data-step={step}>
      <header className="chart-head">
        <h3 title={tag}>{tag}</h3>
      </header>
      <div className="image-strip">
        {shown.map((i) => (
          <figure key={i.sample}>
            <img src={imageDataUrl(runId, tag, i.step, i.sample, i.wallTime)} width={i.width || undefined} height={i.height || undefined} alt={`${tag} at step ${i.step}, sample ${i.sample}`} data-sample={i.sample} />
            {shown.length > 1 && <figcaption>sample {i.sample}</figcaption>}
          </figure>
        ))}
      </div>
      {steps.length > 0 && <StepSlider steps={steps} choice={choice} label={`Step of ${tag}`} />}
    </article>
  );
}
