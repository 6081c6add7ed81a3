import type { RunRecord, Store } from '../storage/store';
import { ApiError } from './errors';

export function getRunOrThrow(store: Store, runId: string): RunRecord {
  const run = store.getRun(runId);
  if (!run) throw new ApiError('not_found', `run "${runId}" not found`);
  return run;
}
