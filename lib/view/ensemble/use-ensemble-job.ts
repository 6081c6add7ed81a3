import { useEffect, useState } from 'react';
import type { EnsembleJob, EnsembleRequest } from '../../ensemble/ensemble-job';
import { fetchJson, sendJson } from '../shared/fetch-json';

/** How often a running job is asked for its output. */
const POLL_MS = 500;

export function jobPath(jobId: string): string {
  return `/api/ensembles/jobs/${encodeURIComponent(jobId)}`;
}

/**
 * Starts an ensemble job on the server and follows it until it ends: the command's output as it
 * prints it, then its run or its error. A refusal (runs that cannot be combined) is the error.
 */
export function useEnsembleJob(): { job: EnsembleJob | null; error: string | null; start: (request: EnsembleRequest) => void } {
  const [job, setJob] = useState<EnsembleJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = job?.state === 'running' ? job.id : null;

  useEffect(() => {
    if (running === null) return;
    const abort = new AbortController();
    const timer = setInterval(() => {
      fetchJson<EnsembleJob>(jobPath(running), abort.signal)
        .then(setJob)
        .catch((e: Error) => abort.signal.aborted || setError(e.message));
    }, POLL_MS);
    return () => {
      clearInterval(timer);
      abort.abort();
    };
  }, [running]);

  const start = (request: EnsembleRequest) => {
    setError(null);
    setJob(null);
    sendJson<EnsembleJob>('/api/ensembles', 'POST', request)
      .then(setJob)
      .catch((e: Error) => setError(e.message));
  };
  return { job, error, start };
}
