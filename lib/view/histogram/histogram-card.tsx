import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { HistogramSlice } from './histogram-slices';
import type { ChartTheme } from '../shared/chart-theme';
import { useChart } from '../shared/use-chart';
import { distributionsOption, heatmapOption } from './histogram-bands-option';
import { histogramLinesOption } from './histogram-lines-option';
import { HistogramNonFinite } from './histogram-non-finite';

const VIEWS = ['offset', 'overlay', 'distributions', 'heatmap'] as const;
export type HistogramView = (typeof VIEWS)[number];

function optionFor(view: HistogramView, slices: readonly HistogramSlice[], theme: ChartTheme) {
  if (view === 'distributions') return distributionsOption(slices, theme);
  if (view === 'heatmap') return heatmapOption(slices, theme);
  return histogramLinesOption(slices, view, theme);
}

export interface HistogramCardProps {
  tag: string;
  slices: readonly HistogramSlice[];
  /** The "Compare runs" control, in the header. */
  picker?: ReactNode;
  /** When runs are compared, this takes the place of the run's own views. */
  comparison?: ReactNode;
}

/** One tensor's histograms over steps, in the view the user picks; data-steps is for tests. */
export function HistogramCard({ tag, slices, picker, comparison }: HistogramCardProps) {
  const canvasRef = useRef<HTMLDivElement>(null);
  const { chart, theme } = useChart(canvasRef);
  const [view, setView] = useState<HistogramView>('offset');

  useEffect(() => {
    if (!chart || !theme || slices.length === 0) return;
    // Views differ in axes and series kinds, so each draw replaces the whole option.
    chart.setOption(optionFor(view, slices, theme), { notMerge: true });
  }, [chart, theme, view, slices]);

  const [kind, ...rest] = tag.split('/');
  return (
    <article className="card chart-card histogram-card" data-tag={tag} data-steps={slices.length} data-view={view}>
      <header className="chart-head">
        <h3 title={tag}>
          <span className="histogram-kind">{kind}</span> {rest.join('/')}
        </h3>
        <HistogramNonFinite slices={slices} />
        {picker}
        <div className="view-toggle" role="group" aria-label={`View of ${tag}`} hidden={!!comparison}>
          {VIEWS.map((v) => (
            <button key={v} type="button" data-view-option={v} aria-pressed={view === v} onClick={() => setView(v)}>
              {v}
            </button>
          ))}
        </div>
      </header>
      <div className="chart-canvas" ref={canvasRef} hidden={!!comparison} />
      {comparison}
      <p className="histogram-foot">
        {slices.length} step{slices.length === 1 ? '' : 's'}
        {slices.length > 0 && ` · ${slices[0].step}–${slices[slices.length - 1].step}`}
      </p>
    </article>
  );
}
