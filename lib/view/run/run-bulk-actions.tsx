import { useState } from 'react';
import type { WireRunSummary } from '../../kinds/scalar/run-summary';
import { ConfirmDelete } from './confirm-delete';
import { deleteRun, patchRun } from './run-api';

/**
 * Archive, unarchive or delete the selected runs. Deleting asks first, naming what goes; the list
 * updates from the server's pushes, like every other open page.
 */
export function RunBulkActions({ runs, onDone }: { runs: readonly WireRunSummary[]; onDone: () => void }) {
  const [error, setError] = useState<string | null>(null);
  if (runs.length === 0) return null;
  const archive = runs.some((run) => !run.archived);
  const each = (action: (run: WireRunSummary) => Promise<unknown>) => {
    setError(null);
    return Promise.all(runs.map(action))
      .then(onDone)
      .catch((e: Error) => setError(e.message));
  };
  return (
    <>
      <button type="button" className="button" onClick={() => each((run) => patchRun(run.id, { archived: archive }))}>
        {archive ? 'Archive' : 'Unarchive'}
      </button>
      <ConfirmDelete
        question={`Delete ${runs.length === 1 ? `"${runs[0].name}"` : `${runs.length} runs`} with all their points, histograms, embeddings, events, graph and checkpoints?`}
        onDelete={() => each((run) => deleteRun(run.id))}
      />
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
