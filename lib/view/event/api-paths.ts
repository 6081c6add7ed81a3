export function eventsApiUrl(runId: string): string {
  return `/api/runs/${encodeURIComponent(runId)}/events`;
}
