export function opGraphApiUrl(runId: string): string {
  return `/api/runs/${encodeURIComponent(runId)}/op-graph`;
}
