import { tagPath } from '../shared/tag-path';

export function scalarTagsApiUrl(runId: string): string {
  return `/api/runs/${encodeURIComponent(runId)}/scalars`;
}

export function seriesApiUrl(runId: string, tag: string, maxPoints: number): string {
  return `${scalarTagsApiUrl(runId)}/${tagPath(tag)}?max_points=${maxPoints}`;
}

/** A download is for analysis elsewhere, so it asks for as many points as the API serves. */
export function seriesCsvUrl(runId: string, tag: string): string {
  return `${scalarTagsApiUrl(runId)}/${tagPath(tag)}?format=csv`;
}
