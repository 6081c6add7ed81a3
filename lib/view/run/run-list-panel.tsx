import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { parseRunFilter } from '../../compare/run-filter';
import { assignRunColors, preferredColorIndex, RUN_PALETTE } from '../../compare/run-colors';
import type { WireRunSummary } from '../../kinds/scalar/run-summary';
import { useRunColorOverrides } from '../shared/run-color-overrides';
import { toggleSelection } from '../shared/toggle-selection';
import { EnsembleButton } from '../ensemble/ensemble-button';
import { RunBulkActions } from './run-bulk-actions';
import { filterRuns } from './run-filters';
import { type RunListChoice, RunListToolbar } from './run-list-toolbar';
import { RunTable } from './run-table';

/**
 * The run list with its filters and selection. The filter is parsed from a deferred copy of the
 * box, so typing stays immediate while a thousand rows re-filter behind it.
 */
export function RunListPanel({ runs }: { runs: readonly WireRunSummary[] }) {
  const [choice, setChoice] = useState<RunListChoice>({ text: '', status: 'all', showArchived: false });
  const deferredText = useDeferredValue(choice.text);
  const { status, showArchived } = choice;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const overrides = useRunColorOverrides();

  const filter = useMemo(() => parseRunFilter(deferredText), [deferredText]);
  const shown = useMemo(() => filterRuns(runs, { filter, status, showArchived }), [runs, filter, status, showArchived]);
  const statuses = useMemo(() => [...new Set(runs.map((run) => run.status))].sort(), [runs]);
  // Selected runs get the colours the compare page will give them; the others their first choice.
  const colors = useMemo(() => {
    const chosen = assignRunColors(runs.filter((run) => selected.has(run.id)), overrides);
    return new Map(runs.map((run) => [run.id, chosen.get(run.id) ?? overrides[run.id] ?? RUN_PALETTE[preferredColorIndex(run.id)]]));
  }, [runs, selected, overrides]);
  const selectedRuns = runs.filter((run) => selected.has(run.id));

  const onSelect = useCallback((runId: string, on: boolean) => {
    setSelected((held) => toggleSelection(held, runId, on));
  }, []);
  const onSelectAll = (on: boolean) => {
    setSelected((held) => {
      const next = new Set(held);
      for (const run of shown) if (on) next.add(run.id);
      else next.delete(run.id);
      return next;
    });
  };

  return (
    <>
      <RunListToolbar choice={choice} onChoice={setChoice} filter={filter} statuses={statuses} shown={shown.length} total={runs.length} selected={selectedRuns.map((run) => run.id)}>
        <RunBulkActions runs={selectedRuns} onDone={() => setSelected(new Set())} />
        {selectedRuns.length >= 2 && <EnsembleButton runIds={selectedRuns.map((run) => run.id)} />}
      </RunListToolbar>
      <RunTable shown={shown} selected={selected} colors={colors} onSelect={onSelect} onSelectAll={onSelectAll} />
    </>
  );
}
