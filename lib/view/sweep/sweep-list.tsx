import Link from 'next/link';
import type { SweepSummary } from '../../kinds/sweep/meta';
import type { RunStatus } from '../../protocol/ingest-messages';
import { decodeNumber } from '../../protocol/wire-number';
import { StatusBadge } from '../run/status-badge';
import { formatDateTime, formatValue } from '../shared/format';
import { sweepPagePath } from './api-paths';

/** Every sweep, newest first: what it searched, how far it got and its best value. */
export function SweepList({ sweeps }: { sweeps: readonly SweepSummary[] }) {
  if (sweeps.length === 0) {
    return (
      <p className="empty">
        No sweeps yet. Start one with <code>npm run sweep -- --model imdb-conv1d --trials 12 --param learningRate=loguniform:1e-4:1e-2</code>.
      </p>
    );
  }
  return (
    <div className="table-wrap">
      <table className="runs" data-sweep-list>
        <thead>
          <tr>
            <th>Sweep</th>
            <th>Status</th>
            <th>Model</th>
            <th>Method</th>
            <th>Objective</th>
            <th className="num">Trials</th>
            <th className="num">Best</th>
            <th>Started</th>
          </tr>
        </thead>
        <tbody>
          {sweeps.map((sweep) => {
            const trials = Object.values(sweep.counts).reduce((a, b) => a + b, 0);
            return (
              <tr key={sweep.id} data-sweep-id={sweep.id}>
                <td>
                  <Link prefetch={false} href={sweepPagePath(sweep.id)}>{sweep.name}</Link>
                </td>
                <td>
                  <StatusBadge status={sweep.status as RunStatus} />
                </td>
                <td>{sweep.model}</td>
                <td>{sweep.method}</td>
                <td>
                  {sweep.goal} {sweep.metric}
                </td>
                <td className="num">
                  {trials} / {sweep.maxTrials}
                </td>
                <td className="num">{sweep.bestValue === null ? '' : formatValue(decodeNumber(sweep.bestValue))}</td>
                <td>{formatDateTime(sweep.startedAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
