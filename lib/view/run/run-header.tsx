import type { WireRunSummary } from '../../kinds/scalar/run-summary';
import { backendDetails, backendSummary } from './backend-details';
import { formatDuration } from '../shared/format';
import type { LiveStatus } from '../shared/live-socket';
import { useNow } from '../shared/use-now';
import { LiveIndicator } from '../shared/live-indicator';
import { LocalTime } from '../shared/local-time';
import { StatusBadge } from './status-badge';
import { ConfigTable } from './config-table';
import { ImportedBadge, RunSourceDetails } from './run-source';
import { RunManage } from './run-manage';
import './run-header.css';
import '../shared/controls.css';

export function RunHeader({ run, live }: { run: WireRunSummary; live: LiveStatus }) {
  const running = run.status === 'running';
  const now = useNow(running);
  const end = run.finishedAt ?? (running ? now : run.updatedAt);
  const backend = backendDetails(run.config);
  const backendNote = backendSummary(backend);
  return (
    <header className="run-header card">
      <div className="run-title">
        <h1>{run.name}</h1>
        <StatusBadge status={run.status} />
        {run.source && <ImportedBadge source={run.source} />}
        {run.archived && <span className="tag-chip archived-chip">archived</span>}
        <LiveIndicator status={live} />
      </div>
      {run.error && (
        <pre className="error-box" role="alert">
          {run.error}
        </pre>
      )}
      <dl className="facts">
        <div>
          <dt>Model</dt>
          <dd>{run.model || '—'}</dd>
        </div>
        <div>
          <dt>Backend</dt>
          <dd>
            {run.backend || '—'}
            {backendNote && (
              <span className="fact-note" data-testid="backend-details" title={[backend?.package, ...(backend?.kernels ?? [])].filter(Boolean).join('\n')}>
                {backendNote}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>
            <LocalTime ms={run.startedAt} />
          </dd>
        </div>
        <div>
          <dt>{run.finishedAt === null ? 'Last update' : 'Finished'}</dt>
          <dd>
            <LocalTime ms={run.finishedAt ?? run.updatedAt} />
          </dd>
        </div>
        {run.heardAt !== null && (
          <div>
            <dt>Last heard from</dt>
            <dd data-testid="run-heard-at">
              <LocalTime ms={run.heardAt} />
            </dd>
          </div>
        )}
        <div>
          <dt>Duration</dt>
          <dd data-testid="run-duration">{end === null ? '…' : formatDuration(end - run.startedAt)}</dd>
        </div>
        <div>
          <dt>Run id</dt>
          <dd className="mono">{run.id}</dd>
        </div>
      </dl>
      {run.source && <RunSourceDetails source={run.source} />}
      <RunManage key={run.id} run={run} />
      <ConfigTable config={run.config} />
    </header>
  );
}
