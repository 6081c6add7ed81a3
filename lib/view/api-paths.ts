/** Tags hold '/', which the API keeps as path separators, so each segment is encoded on its own. */
export function tagPath(tag: string): string {
  return tag.split('/').map(encodeURIComponent).join('/');
}

export function runPagePath(runId: string): string {
  return `/runs/${encodeURIComponent(runId)}`;
}

export function runTagsApiUrl(runId: string): string {
  return `/api/runs/${encodeURIComponent(runId)}/scalars`;
}

export function seriesApiUrl(runId: string, tag: string, maxPoints: number): string {
  return `${runTagsApiUrl(runId)}/${tagPath(tag)}?max_points=${maxPoints}`;
}

/** A download is for analysis elsewhere, so it asks for as many points as the API serves. */
export function seriesCsvUrl(runId: string, tag: string): string {
  return `${runTagsApiUrl(runId)}/${tagPath(tag)}?format=csv`;
}
