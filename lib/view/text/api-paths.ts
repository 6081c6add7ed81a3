import { tagPath } from '../shared/tag-path';

export function textTagsApiUrl(runId: string): string {
  return `/api/runs/${encodeURIComponent(runId)}/text`;
}

export function textApiUrl(runId: string, tag: string): string {
  return `${textTagsApiUrl(runId)}/${tagPath(tag)}`;
}
