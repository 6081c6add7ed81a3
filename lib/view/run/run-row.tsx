import Link from 'next/link';
import { memo } from 'react';
import type { WireRunSummary } from '../../kinds/scalar/run-summary';
import { runPagePath } from './page-paths';
import { formatDuration } from '../shared/format';
import { lastMetric, SUMMARY_METRICS } from './last-metric';
import { LocalTime } from '../shared/local-time';
import { MetricValue } from '../shared/metric-value';
import { StatusBadge } from './status-badge';
import { ImportedBadge } from './run-source';
import { RunColorInput } from '../compare/run-color-input';
import { setRunColorOverride } from '../shared/run-color-overrides';
import { SWEEP_MODEL } from '../../kinds/sweep/meta';
import { sweepPagePath } from '../sweep/api-paths';

/** A running run's duration needs the browser clock; a finished one is fixed. */
function duration(run: WireRunSummary, now: number | null): string {
  const end = run.finishedAt ?? (run.status === 'running' ? now : run.updatedAt);
  return end === null ? '…' : formatDuration(end - run.startedAt);
}

export interface RunRowProps {
  run: WireRunSummary;
  /** The clock, for running runs only: a finished row never re-renders as it ticks. */
  now: number | null;
  selected: boolean;
  color: string;
  onSelect: (runId: string, selected: boolean) => void;
}

/** Memoised: a scroll or a keystroke in the filter draws only the rows that come into the window. */
export const RunRow = memo(function RunRow(props: RunRowProps) {
  const { run, selected } = props;
  return (
    <tr data-run-id={run.id} data-status={run.status} data-archived={run.archived || undefined} className={selected ? 'row-selected' : undefined}>
      <RunCells {...props} />
    </tr>
  );
});

function RunCells({ run, now, selected, color, onSelect }: RunRowProps) {
  return (
    <>
      <td className="select-cell">
        <input type="checkbox" checked={selected} data-select-run={run.id} aria-label={`Select ${run.name}`} onChange={(e) => onSelect(run.id, e.target.checked)} />
      </td>
      <td className="name">
        <RunColorInput runId={run.id} runName={run.name} color={color} onChange={(c) => setRunColorOverride(run.id, c)} />
        {/* No prefetch: each row in view would have the server render a run page while the user filters. */}
        <Link href={runPagePath(run.id)} prefetch={false}>
          {run.name}
        </Link>{' '}
        {run.source && <ImportedBadge source={run.source} />}
        {run.archived && <span className="tag-chip archived-chip">archived</span>}
        {run.tags.map((tag) => (
          <span key={tag} className="tag-chip" data-run-tag={tag}>
            {tag}
          </span>
        ))}
        <div className="sub mono" title={run.id}>
          {run.source ? run.source.path : run.id.length > 12 ? `${run.id.slice(0, 8)}…` : run.id}
        </div>
        {run.note && (
          <div className="sub run-note" title={run.note}>
            {run.note}
          </div>
        )}
      </td>
      <td className="nowrap">
        {run.model || <span className="muted">—</span>}
        {run.model === SWEEP_MODEL && (
          <>
            {' '}
            <Link prefetch={false} href={sweepPagePath(run.id)} data-sweep-page>
              trials
            </Link>
          </>
        )}
        {run.backend && <div className="sub">{run.backend}</div>}
      </td>
      <td className="status-cell">
        <StatusBadge status={run.status} />
        {run.status !== 'finished' && run.heardAt !== null && (
          <div className="sub">
            last heard <LocalTime ms={run.heardAt} />
          </div>
        )}
        {run.error && (
          <div className="error-text" title={run.error}>
            {run.error}
          </div>
        )}
      </td>
      <td className="nowrap">
        <LocalTime ms={run.startedAt} />
      </td>
      <td className="num nowrap">{duration(run, now)}</td>
      {SUMMARY_METRICS.map((metric) => {
        const last = lastMetric(run, metric);
        return (
          <td key={metric} className="num" data-metric={metric}>
            {last ? <MetricValue value={last.value} title={`${last.tag} at step ${last.step}`} /> : <span className="muted">—</span>}
          </td>
        );
      })}
    </>
  );
}
