import type { Store } from '../storage/store';
import { ApiError } from './errors';
import { getRunOrThrow } from './get-run-or-throw';

/** What `read` finds of one tag of a run; not_found naming the run, or the tag of that kind, when either is unknown. */
export function getTagOrThrow<T>(store: Store, runId: string, kind: string, tag: string, read: () => T | null): T {
  getRunOrThrow(store, runId);
  const found = read();
  if (found === null) throw new ApiError('not_found', `run "${runId}" has no ${kind} tag "${tag}"`);
  return found;
}
