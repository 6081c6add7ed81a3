import type { WireRunSummary } from '../../kinds/scalar/run-summary';
import { SUMMARY_METRICS } from './last-metric';
import { useNow } from '../shared/use-now';
import { RunRow } from './run-row';
import './run-list.css';

export function RunTable({ runs }: { runs: WireRunSummary[] }) {
  // One clock for the whole table, ticking only while some duration is still growing.
  const now = useNow(runs.some((run) => run.status === 'running'));
  return (
    <div className="table-wrap">
      <table className="runs">
        <thead>
          <tr>
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
            <RunRow key={run.id} run={run} now={now} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
