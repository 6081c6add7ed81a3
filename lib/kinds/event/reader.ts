import { getRunOrThrow } from '../../api/get-run-or-throw';
import type { KindData } from '../kind';
import type { TrainingEvent } from './meta';
import type { EventTable } from './sqlite-table';

export interface EventListResponse {
  runId: string;
  events: TrainingEvent[];
}

/** A run's events in step order, optionally of one kind only. */
export function readEventList({ store, tables }: KindData<EventTable>, runId: string, kind?: string): EventListResponse {
  getRunOrThrow(store, runId);
  return { runId, events: tables.read(runId, kind) };
}
