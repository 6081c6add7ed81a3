import type { WireRunSummary } from '../../kinds/scalar/run-summary';

function newestFirst(a: WireRunSummary, b: WireRunSummary): number {
  return b.startedAt - a.startedAt || a.id.localeCompare(b.id);
}

/**
 * Pushes and fetches race each other, so a run only ever moves forward in time:
 * an older copy (by updatedAt) never replaces a newer one.
 */
export function mergeRuns(current: readonly WireRunSummary[], incoming: readonly WireRunSummary[]): WireRunSummary[] {
  const byId = new Map(current.map((run) => [run.id, run]));
  for (const run of incoming) {
    const held = byId.get(run.id);
    if (!held || run.updatedAt >= held.updatedAt) byId.set(run.id, run);
  }
  return [...byId.values()].sort(newestFirst);
}
