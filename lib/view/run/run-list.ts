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

/**
 * The server's whole list in place of what is held (runs deleted while away go), keeping each held
 * run that is unchanged, and the held list itself when nothing changed: the socket sends the whole
 * list right after the page loads, and new copies of 1,000 runs would draw every row again.
 */
export function replaceRuns(held: readonly WireRunSummary[], incoming: readonly WireRunSummary[]): readonly WireRunSummary[] {
  const byId = new Map(held.map((run) => [run.id, run]));
  const next = mergeRuns([], incoming).map((run) => {
    const kept = byId.get(run.id);
    return kept && JSON.stringify(kept) === JSON.stringify(run) ? kept : run;
  });
  return next.length === held.length && next.every((run, i) => run === held[i]) ? held : next;
}
