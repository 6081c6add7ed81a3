export function sweepApiPath(sweepId: string): string {
  return `/api/sweeps/${encodeURIComponent(sweepId)}`;
}

export function sweepPagePath(sweepId: string): string {
  return `/sweeps/${encodeURIComponent(sweepId)}`;
}
