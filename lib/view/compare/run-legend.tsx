import { memo } from 'react';
import type { WireRunSummary } from '../../kinds/scalar/run-summary';
import { RunColorInput } from './run-color-input';

export interface RunLegendProps {
  runs: readonly WireRunSummary[];
  colors: ReadonlyMap<string, string>;
  hidden: ReadonlySet<string>;
  onToggle: (runId: string) => void;
  onColor: (runId: string, color: string) => void;
}

/** One chip per selected run, in its colour: click to hide or show its lines on every chart. */
export const RunLegend = memo(function RunLegend({ runs, colors, hidden, onToggle, onColor }: RunLegendProps) {
  return (
    <ul className="run-legend" aria-label="Runs">
      {runs.map((run) => {
        const off = hidden.has(run.id);
        return (
          <li key={run.id} className={off ? 'legend-off' : undefined}>
            <RunColorInput runId={run.id} runName={run.name} color={colors.get(run.id) ?? '#888888'} onChange={(color) => onColor(run.id, color)} />
            <button type="button" className="legend-toggle" data-legend-run={run.id} aria-pressed={!off} title={off ? 'Show this run' : 'Hide this run'} onClick={() => onToggle(run.id)}>
              <span className={`status-dot-inline status-${run.status}`} aria-hidden="true" />
              {run.name}
            </button>
          </li>
        );
      })}
    </ul>
  );
});
