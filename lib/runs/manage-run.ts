import { rmSync } from 'node:fs';
import { ApiError } from '../api/errors';
import { getRunOrThrow } from '../api/get-run-or-throw';
import { AppContext, KINDS } from '../app-context';
import type { RunSummary } from '../kinds/scalar/run-summary';
import type { RunPatch } from '../storage/store';
import { checkpointDir } from './checkpoint-dir';

/** Renames, tags, annotates or archives a run, and shows the change on every open page. */
export function patchRun(app: AppContext, runId: string, patch: RunPatch): RunSummary {
  getRunOrThrow(app.store, runId);
  app.store.updateRun(runId, patch);
  app.live?.runChanged(runId);
  return app.read.scalar.run(runId);
}

type DeleteRows = (tables: unknown, runId: string) => void;

/**
 * Deletes a run with everything recorded for it: in one transaction, each kind's rows that do not
 * cascade (its deleteRun hook), then the run, which takes the rows that reference it; after the
 * commit, its checkpoint files. Open pages drop the run when the live hub says so.
 */
export function deleteRun(app: AppContext, runId: string): void {
  getRunOrThrow(app.store, runId);
  app.store.transaction(() => {
    for (const kind of KINDS) (kind.deleteRun as DeleteRows | undefined)?.(app.tables[kind.name], runId);
    app.store.deleteRun(runId);
  });
  app.live?.runDeleted(runId);
  const files = checkpointDir(app.store.path, runId);
  try {
    rmSync(files, { recursive: true, force: true });
  } catch (e) {
    throw new ApiError('internal', `run "${runId}" was deleted, but its checkpoints in ${files} could not be removed: ${(e as Error).message}`);
  }
}
