import type { WireRunSummary } from '../../kinds/scalar/run-summary';
import { SUMMARY_METRICS } from './last-metric';
import { useNow } from '../shared/use-now';
import { RunRow } from './run-row';
import './run-list.css';
import './run-list-rows.css';

export interface RunTableProps {
  /** Every run, in list order; those not in `shown` are filtered out and hidden. */
  runs: readonly WireRunSummary[];
  shown: ReadonlySet<string>;
  selected: ReadonlySet<string>;
  colors: ReadonlyMap<string, string>;
  onSelect: (runId: string, selected: boolean) => void;
  /** Selects (or clears) every run the table shows. */
  onSelectAll: (selected: boolean) => void;
}

export function RunTable({ runs, shown, selected, colors, onSelect, onSelectAll }: RunTableProps) {
  // One clock for the whole table, ticking only while some duration is still growing.
  const now = useNow(runs.some((run) => run.status === 'running'));
  const chosen = runs.filter((run) => shown.has(run.id) && selected.has(run.id)).length;
  return (
    <div className="table-wrap">
      <table className="runs run-list">
        <thead>
          <tr>
            <th className="select-cell">
              <input
                type="checkbox"
                aria-label="Select every run shown"
                data-select-all
                checked={shown.size > 0 && chosen === shown.size}
                ref={(box) => {
                  if (box) box.indeterminate = chosen > 0 && chosen < shown.size;
                }}
                onChange={(e) => onSelectAll(e.target.checked)}
              />
            </th>
            <th>Name</th>
            <th>Model · backend</th>
            <th>Status</th>
            <th>Started</th>
            <th className="num">Duration</th>
            {SUMMARY_METRICS.map((metric) => (
              <th key={metric} className="num">
                {metric}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <RunRow key={run.id} run={run} hidden={!shown.has(run.id)} now={run.status === 'running' ? now : null} selected={selected.has(run.id)} color={colors.get(run.id)!} onSelect={onSelect} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
