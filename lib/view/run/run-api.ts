import type { WireRunSummary } from '../../kinds/scalar/run-summary';
import type { RunPatch } from '../../storage/store';
import { sendJson } from '../shared/fetch-json';

function runUrl(runId: string): string {
  return `/api/runs/${encodeURIComponent(runId)}`;
}

/** Renames, tags, annotates or archives a run; open pages hear of it by push. */
export function patchRun(runId: string, patch: RunPatch): Promise<WireRunSummary> {
  return sendJson<WireRunSummary>(runUrl(runId), 'PATCH', patch);
}

/** Deletes the run and everything recorded for it; open pages drop it by push. */
export function deleteRun(runId: string): Promise<{ id: string; deleted: true }> {
  return sendJson(runUrl(runId), 'DELETE');
}
