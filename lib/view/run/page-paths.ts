/** The views of a run, each a page under the run's own path. */
export type RunView = 'metrics' | 'projector' | 'graph' | 'text';

const VIEW_SUFFIX: Record<RunView, string> = { metrics: '', projector: '/projector', graph: '/graph', text: '/text' };

export function runPagePath(runId: string, view: RunView = 'metrics'): string {
  return `/runs/${encodeURIComponent(runId)}${VIEW_SUFFIX[view]}`;
}
