import { ApiError } from '../../api/errors';
import type { Store } from '../../storage/store';
import type { TrainingEvent } from './meta';

export interface EventListResponse {
  runId: string;
  events: TrainingEvent[];
}

/** A run's events in step order, optionally of one kind only. */
export function readEventList(store: Store, runId: string, kind?: string): EventListResponse {
  if (!store.hasRun(runId)) throw new ApiError('not_found', `run "${runId}" not found`);
  return { runId, events: store.readEvents(runId, kind) };
}
