import Link from 'next/link';
import { useState } from 'react';
import type { EnsembleRequest } from '../../ensemble/ensemble-job';
import { runPagePath } from '../run/page-paths';
import { useEnsembleJob } from './use-ensemble-job';
import './ensemble.css';

/**
 * "Ensemble these runs": starts `npm run ensemble` on the server for the selected runs, shows the
 * command's output as it runs, and links to the ensemble run when it is stored.
 */
export function EnsembleButton({ runIds }: { runIds: readonly string[] }) {
  const { job, error, start } = useEnsembleJob();
  const [weights, setWeights] = useState<EnsembleRequest['weights']>('equal');
  const running = job?.state === 'running';
  return (
    <span className="ensemble-action" data-ensemble>
      <select className="field" aria-label="Ensemble weights" value={weights} onChange={(e) => setWeights(e.target.value as EnsembleRequest['weights'])}>
        <option value="equal">equal weights</option>
        <option value="optimize">weights tuned on validation</option>
      </select>
      <button type="button" className="button" disabled={runIds.length < 2 || running} onClick={() => start({ runs: [...runIds], weights })}>
        {running ? 'Ensembling…' : `Ensemble these runs${runIds.length > 0 ? ` (${runIds.length})` : ''}`}
      </button>
      {error && (
        <span className="field-error ensemble-error" role="alert">
          {error}
        </span>
      )}
      {job && (
        <details className="ensemble-job" open={job.state !== 'finished'} data-job-state={job.state}>
          <summary>
            {job.state === 'running' && 'ensemble running…'}
            {job.state === 'finished' && job.runId && (
              <>
                ensemble stored: <Link prefetch={false} href={runPagePath(job.runId)}>open the ensemble run</Link>
              </>
            )}
            {job.state === 'failed' && <span className="field-error">ensemble failed</span>}
          </summary>
          {/* The command's stderr is among its lines; the error repeats it only when it printed nothing. */}
          <pre className="ensemble-log">{job.lines.length > 0 ? job.lines.join('\n') : (job.error ?? '')}</pre>
        </details>
      )}
    </span>
  );
}
