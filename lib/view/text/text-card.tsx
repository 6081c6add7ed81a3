import { useMemo, useState } from 'react';
import type { TextStep } from '../../kinds/text/meta';
import { LocalTime } from '../shared/local-time';
import { StopSlider } from '../shared/stop-slider';
import { renderMarkdown } from './render-markdown';

export interface TextCardProps {
  tag: string;
  /** In step order, at least one. */
  steps: readonly TextStep[];
}

/** One tag's Markdown at the chosen step; the newest step shows until another is picked. */
export function TextCard({ tag, steps }: TextCardProps) {
  // Null follows the newest step, so the card moves on when training logs another.
  const [pinnedStep, setPinnedStep] = useState<number | null>(null);
  const pinnedIndex = steps.findIndex((s) => s.step === pinnedStep);
  const index = pinnedIndex >= 0 ? pinnedIndex : steps.length - 1;
  const shown = steps[index];
  const last = steps.length - 1;
  const html = useMemo(() => renderMarkdown(shown.text), [shown.text]);

  return (
    <article className="card text-card" data-tag={tag} data-step={shown.step}>
      <header className="text-head">
        <h3 className="text-tag">{tag}</h3>
        <span className="text-time muted">
          <LocalTime ms={shown.wallTime} />
        </span>
      </header>
      <div className="text-steps">
        <StopSlider stops={steps.length} index={index} label={`Step of ${tag}`} onChange={(i) => setPinnedStep(i === last ? null : steps[i].step)} />
        <output>
          step {shown.step} <span className="muted">({index + 1}/{steps.length})</span>
        </output>
      </div>
      {/* renderMarkdown escapes raw HTML and refuses unsafe links: see render-markdown.ts. */}
      <div className="text-markdown" dangerouslySetInnerHTML={{ __html: html }} />
    </article>
  );
}
