import { useEffect, useRef, useState } from 'react';
import type { WireRunSummary } from '../../kinds/scalar/run-summary';
import type { WireSweep } from '../../kinds/sweep/meta';
import { fetchJsonOrNull } from '../shared/fetch-json';

/** What changes in a trial's report when its run has new values worth fetching: its state or an epoch. */
function trialKey(trial: WireSweep['trials'][number]): string {
  return `${trial.state}:${trial.curve.length}`;
}

/**
 * The trials' run summaries (their last values, test metrics among them), server-rendered first and
 * fetched again for each trial whose report changed: a trial logs its test metrics as it ends, and
 * the sweep's push says when that is. A trial whose run was deleted is left out.
 */
export function useTrialRuns(sweep: WireSweep, initial: readonly WireRunSummary[]): ReadonlyMap<string, WireRunSummary> {
  const [runs, setRuns] = useState<ReadonlyMap<string, WireRunSummary>>(() => new Map(initial.map((run) => [run.id, run])));
  const fetched = useRef(new Map<string, string>());
  useEffect(() => {
    for (const trial of sweep.trials) {
      const key = trialKey(trial);
      if (fetched.current.get(trial.runId) === key) continue;
      const first = !fetched.current.has(trial.runId);
      fetched.current.set(trial.runId, key);
      // The server rendered these with the page.
      if (first && initial.some((run) => run.id === trial.runId)) continue;
      // Not aborted when the sweep changes again: the answer is still this trial's newest.
      fetchJsonOrNull<WireRunSummary>(`/api/runs/${encodeURIComponent(trial.runId)}`)
        .then((run) => run && setRuns((held) => new Map(held).set(run.id, run)))
        .catch(() => fetched.current.delete(trial.runId));
    }
  }, [sweep, initial]);
  return runs;
}
