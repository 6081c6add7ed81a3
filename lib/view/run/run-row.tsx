import Link from 'next/link';
import type { WireRunSummary } from '../../kinds/scalar/run-summary';
import { runPagePath } from './page-paths';
import { formatDuration } from '../shared/format';
import { lastMetric, SUMMARY_METRICS } from './last-metric';
import { LocalTime } from '../shared/local-time';
import { MetricValue } from '../shared/metric-value';
import { StatusBadge } from './status-badge';
import { ImportedBadge } from './run-source';

/** A running run's duration needs the browser clock; a finished one is fixed. */
function duration(run: WireRunSummary, now: number | null): string {
  const end = run.finishedAt ?? (run.status === 'running' ? now : run.updatedAt);
  return end === null ? '…' : formatDuration(end - run.startedAt);
}

export function RunRow({ run, now }: { run: WireRunSummary; now: number | null }) {
  return (
    <tr data-run-id={run.id} data-status={run.status}>
      <td className="name">
        <Link href={runPagePath(run.id)}>{run.name}</Link> {run.source && <ImportedBadge source={run.source} />}
        <div className="sub mono" title={run.id}>
          {run.source ? run.source.path : run.id.length > 12 ? `${run.id.slice(0, 8)}…` : run.id}
        </div>
      </td>
      <td className="nowrap">
        {run.model || <span className="muted">—</span>}
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
    </tr>
  );
}
