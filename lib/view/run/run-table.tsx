import { useRef } from 'react';
import type { WireRunSummary } from '../../kinds/scalar/run-summary';
import { SUMMARY_METRICS } from './last-metric';
import { useNow } from '../shared/use-now';
import { RunRow } from './run-row';
import { useRowWindow } from './use-row-window';
import './run-list.css';
import './run-list-rows.css';

export interface RunTableProps {
  /** The runs the filters let through, in list order. */
  shown: readonly WireRunSummary[];
  selected: ReadonlySet<string>;
  colors: ReadonlyMap<string, string>;
  onSelect: (runId: string, selected: boolean) => void;
  /** Selects (or clears) every run the table shows. */
  onSelectAll: (selected: boolean) => void;
}

export function RunTable({ shown, selected, colors, onSelect, onSelectAll }: RunTableProps) {
  // One clock for the whole table, ticking only while some duration is still growing.
  const now = useNow(shown.some((run) => run.status === 'running'));
  const chosen = shown.filter((run) => selected.has(run.id)).length;
  const body = useRef<HTMLTableSectionElement>(null);
  const rows = useRowWindow(shown.length, body);
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
                checked={shown.length > 0 && chosen === shown.length}
                ref={(box) => {
                  if (box) box.indeterminate = chosen > 0 && chosen < shown.length;
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
        <tbody ref={body} style={{ paddingTop: rows.padTop, paddingBottom: rows.padBottom }} data-rows-from={rows.from} data-rows-placed={rows.measured || undefined}>
          {shown.slice(rows.from, rows.to).map((run) => (
            <RunRow key={run.id} run={run} now={run.status === 'running' ? now : null} selected={selected.has(run.id)} color={colors.get(run.id)!} onSelect={onSelect} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
