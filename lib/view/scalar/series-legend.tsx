import { useState } from 'react';
import type { SeriesStats } from './chart-data';
import { seriesCsvUrl } from './api-paths';
import { MetricValue } from '../shared/metric-value';
import type { ChartTheme } from '../shared/chart-theme';
import type { EChartsType } from '../shared/echarts-setup';
import { seriesStyle } from './series-style';

export interface SeriesLegendProps {
  runId: string;
  family: string;
  stats: readonly SeriesStats[];
  chart: EChartsType;
  theme: ChartTheme;
}

/** The chart's legend in HTML: toggles a series, and carries its size, last value and CSV link. */
export function SeriesLegend({ runId, family, stats, chart, theme }: SeriesLegendProps) {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const tags = stats.map((s) => s.tag);

  const toggle = (tag: string) => {
    chart.dispatchAction({ type: 'legendToggleSelect', name: tag });
    setHidden((held) => {
      const next = new Set(held);
      if (!next.delete(tag)) next.add(tag);
      return next;
    });
  };

  return (
    <ul className="legend">
      {stats.map((s) => {
        const { level, color } = seriesStyle(s.tag, family, tags, theme);
        const off = hidden.has(s.tag);
        return (
          <li key={s.tag} data-tag={s.tag} data-count={s.count} className={off ? 'legend-off' : undefined}>
            <button type="button" className="legend-toggle" aria-pressed={!off} onClick={() => toggle(s.tag)} title={off ? 'Show' : 'Hide'}>
              <span className={`swatch swatch-${level}`} style={{ color }} aria-hidden="true" />
              <span className="mono">{s.tag}</span>
            </button>
            <span className="legend-meta">
              {s.lastValue !== null && <MetricValue value={s.lastValue} title={`last value, step ${s.lastStep}`} />}
              <span className="muted">
                {s.count.toLocaleString()} pts{s.lastStep !== null ? ` · step ${s.lastStep.toLocaleString()}` : ''}
              </span>
              <a className="csv" href={seriesCsvUrl(runId, s.tag)} download title={`Download ${s.tag} as CSV`}>
                CSV
              </a>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
