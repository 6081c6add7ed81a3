import Link from 'next/link';
import type { WireSweep } from '../../kinds/sweep/meta';
import { TRIAL_STATES } from '../../kinds/sweep/meta';
import type { ParamSpec } from '../../sweep/space';
import { runPagePath } from '../run/page-paths';
import type { RunStatus } from '../../protocol/ingest-messages';
import { StatusBadge } from '../run/status-badge';

const METHOD_NAMES: Record<WireSweep['method'], string> = { tpe: 'TPE (Tree-structured Parzen Estimator)', random: 'random search', grid: 'grid search' };

/** A param as `--param` gave it: `learningRate loguniform 0.0001 – 0.01`, `batchSize choice 32, 64`. */
export function describeParam(spec: ParamSpec): string {
  if (spec.kind === 'choice') return `choice of ${spec.choices.join(', ')}`;
  return `${spec.kind} ${spec.low} – ${spec.high}${spec.q !== undefined && spec.kind !== 'int' ? ` step ${spec.q}` : ''}`;
}

/** What the sweep searched and how, and how far it got. */
export function SweepHeader({ sweep }: { sweep: WireSweep }) {
  const counts = TRIAL_STATES.map((state) => [state, sweep.trials.filter((t) => t.state === state).length] as const).filter(([, n]) => n > 0);
  return (
    <div className="card sweep-header" data-sweep-status={sweep.status}>
      <dl className="sweep-facts">
        <dt>Status</dt>
        <dd>
          <StatusBadge status={sweep.status as RunStatus} />
          {sweep.error && <span className="muted"> {sweep.error}</span>}
        </dd>
        <dt>Method</dt>
        <dd>
          {METHOD_NAMES[sweep.method]}, seed {sweep.seed}
          {sweep.medianStopping && ', median stopping'}
          {sweep.parallel > 1 && `, ${sweep.parallel} trials at a time`}
        </dd>
        <dt>Objective</dt>
        <dd>
          {sweep.goal === 'max' ? 'maximise' : 'minimise'} {sweep.metric} (a trial&apos;s best epoch)
        </dd>
        <dt>Trials</dt>
        <dd data-trial-count={sweep.trials.length}>
          {sweep.trials.length} of {sweep.maxTrials}
          {counts.length > 0 && `: ${counts.map(([state, n]) => `${n} ${state}`).join(', ')}`}
        </dd>
        <dt>Model</dt>
        <dd>
          {sweep.model} <span className="muted">{sweep.args.join(' ')}</span>
        </dd>
        <dt>History</dt>
        <dd>
          <Link prefetch={false} href={runPagePath(sweep.id)}>sweep/value and sweep/best per trial</Link>
        </dd>
      </dl>
      <table className="sweep-space">
        <caption>Search space</caption>
        <tbody>
          {sweep.space.map((spec) => (
            <tr key={spec.name}>
              <th scope="row">{spec.name}</th>
              <td>{describeParam(spec)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
