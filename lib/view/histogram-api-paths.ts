/** Tags keep their '/' as path separators, so each segment is encoded on its own (as in api-paths.ts). */
export function histogramTagsApiUrl(runId: string): string {
  return `/api/runs/${encodeURIComponent(runId)}/histograms`;
}

export function histogramApiUrl(runId: string, tag: string): string {
  return `${histogramTagsApiUrl(runId)}/${tag.split('/').map(encodeURIComponent).join('/')}`;
}
