export function graphApiUrl(runId: string): string {
  return `/api/runs/${encodeURIComponent(runId)}/graph`;
}
