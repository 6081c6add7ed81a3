import { tagPath } from '../shared/tag-path';

export function histogramTagsApiUrl(runId: string): string {
  return `/api/runs/${encodeURIComponent(runId)}/histograms`;
}

export function histogramApiUrl(runId: string, tag: string): string {
  return `${histogramTagsApiUrl(runId)}/${tagPath(tag)}`;
}

/** The runs that recorded a tensor. */
export function histogramTagRunsApiUrl(tag: string): string {
  return `/api/histograms/${tagPath(tag)}`;
}
