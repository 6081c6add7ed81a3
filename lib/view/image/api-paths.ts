import { tagPath } from '../shared/tag-path';

export function imageTagsApiUrl(runId: string): string {
  return `/api/runs/${encodeURIComponent(runId)}/images`;
}

export function imageListApiUrl(runId: string, tag: string): string {
  return `${imageTagsApiUrl(runId)}/${tagPath(tag)}`;
}

/** The image's bytes. Its wall time rides along so that a step logged again is a new URL, not a cached old image. */
export function imageDataUrl(runId: string, tag: string, step: number, sample: number, wallTime: number): string {
  const query = new URLSearchParams({ tag, step: String(step), sample: String(sample), v: String(wallTime) });
  return `/api/runs/${encodeURIComponent(runId)}/image?${query}`;
}
