import { tagPath } from '../shared/tag-path';

export function prCurveTagsApiUrl(runId: string): string {
  return `/api/runs/${encodeURIComponent(runId)}/pr-curves`;
}

export function prCurveApiUrl(runId: string, tag: string): string {
  return `${prCurveTagsApiUrl(runId)}/${tagPath(tag)}`;
}
