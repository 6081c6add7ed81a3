import Link from 'next/link';
import { displayValue, type HParamAxis, type HParamRun } from '../../hparams/hparam-axes';
import { runPagePath } from '../run/page-paths';

export interface HParamsTableProps<R extends HParamRun> {
  /** Best first, already filtered by the brush. */
  runs: readonly R[];
  axes: readonly HParamAxis[];
  bestId: string | null;
  selected: ReadonlySet<string>;
  onSelect: (runId: string, on: boolean) => void;
  /** A trial's state, where the runs are a sweep's. */
  stateOf?: (run: R) => string;
}

/** Every run in the brush, best first, with its hyperparameters and metrics; the best one marked. */
export function HParamsTable<R extends HParamRun>({ runs, axes, bestId, selected, onSelect, stateOf }: HParamsTableProps<R>) {
  return (
    <div className="table-wrap">
      <table className="runs hparams-table" data-hparams-table>
        <thead>
          <tr>
            <th aria-label="Select" />
            <th>#</th>
            <th>Run</th>
            {stateOf && <th>State</th>}
            {axes.map((axis) => (
              <th key={`${axis.source}:${axis.key}`} className={axis.source === 'metric' ? 'num metric' : 'num'}>
                {axis.key}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {runs.map((run, i) => (
            <tr key={run.id} data-run-id={run.id} data-best={run.id === bestId || undefined} className={run.id === bestId ? 'best' : undefined}>
              <td>
                <input type="checkbox" aria-label={`Select ${run.name}`} checked={selected.has(run.id)} onChange={(e) => onSelect(run.id, e.target.checked)} />
              </td>
              <td className="num">{i + 1}</td>
              <td>
                <Link prefetch={false} href={runPagePath(run.id)}>{run.name}</Link>
                {run.id === bestId && (
                  <span className="badge best-badge" title="the best value of the objective">
                    best
                  </span>
                )}
              </td>
              {stateOf && <td>{stateOf(run)}</td>}
              {axes.map((axis) => (
                <td key={`${axis.source}:${axis.key}`} className="num">
                  {displayValue(run, axis)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
