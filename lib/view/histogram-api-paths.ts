import { tagPath } from './api-paths';

export function histogramTagsApiUrl(runId: string): string {
  return `/api/runs/${encodeURIComponent(runId)}/histograms`;
}

export function histogramApiUrl(runId: string, tag: string): string {
  return `${histogramTagsApiUrl(runId)}/${tagPath(tag)}`;
}
