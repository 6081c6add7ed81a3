import { ApiError } from '../../api/errors';
import type { RunRecord } from '../../storage/store';
import type { KindData } from '../kind';
import { TRIAL_STATES, bestTrial, decodeTrial, type SweepSummary, type TrialState, type WireSweep } from './meta';
import type { SweepTable } from './sqlite-table';

function assemble(run: RunRecord, { tables }: KindData<SweepTable>): WireSweep | null {
  const definition = tables.definition(run.id);
  if (!definition) return null;
  const trials = tables.trials(run.id);
  const best = bestTrial(trials.map(decodeTrial), definition.goal);
  return {
    id: run.id,
    ...definition,
    status: run.status,
    error: run.error,
    startedAt: run.startedAt,
    updatedAt: run.updatedAt,
    finishedAt: run.finishedAt,
    trials,
    bestTrial: best?.trial ?? null,
  };
}

/** One sweep with every trial; not_found for an id that is no sweep. */
export function readSweep(data: KindData<SweepTable>, sweepId: string): WireSweep {
  const run = data.store.getRun(sweepId);
  const sweep = run && assemble(run, data);
  if (!sweep) throw new ApiError('not_found', `sweep "${sweepId}" not found`);
  return sweep;
}

/** Every sweep, newest first, with its trial counts by state and its best value. */
export function readSweepSummaries(data: KindData<SweepTable>): SweepSummary[] {
  const ids = new Set(data.tables.ids());
  return data.store.listRuns().flatMap((run) => {
    const sweep = ids.has(run.id) ? assemble(run, data) : null;
    if (!sweep) return [];
    const { trials, args: _args, ...summary } = sweep;
    const counts = Object.fromEntries(TRIAL_STATES.map((state) => [state, 0])) as Record<TrialState, number>;
    for (const trial of trials) counts[trial.state]++;
    const best = trials.find((trial) => trial.trial === sweep.bestTrial);
    return [{ ...summary, counts, bestValue: best?.value ?? null }];
  });
}
