import type { RunFilterResult } from '../../compare/run-filter';
import type { WireRunSummary } from '../../kinds/scalar/run-summary';
import type { RunStatus } from '../../protocol/ingest-messages';

export type StatusFilter = 'all' | RunStatus;

export interface RunListFilters {
  /** The parsed filter box; a box that does not parse filters nothing, and says why. */
  filter: RunFilterResult;
  status: StatusFilter;
  showArchived: boolean;
}

/** The runs the list shows: archived ones only when asked for, then status, then the filter box. */
export function filterRuns(runs: readonly WireRunSummary[], { filter, status, showArchived }: RunListFilters): WireRunSummary[] {
  return runs.filter((run) => (showArchived || !run.archived) && (status === 'all' || run.status === status) && (!filter.ok || filter.matches(run)));
}
