import { tagPath } from '../shared/tag-path';

export function scalarTagsApiUrl(runId: string): string {
  return `/api/runs/${encodeURIComponent(runId)}/scalars`;
}

/** `range` narrows the read to inclusive steps, for a zoomed chart. */
export function seriesApiUrl(runId: string, tag: string, maxPoints: number, range?: readonly [from: number, to: number]): string {
  const url = `${scalarTagsApiUrl(runId)}/${tagPath(tag)}?max_points=${maxPoints}`;
  return range ? `${url}&from_step=${range[0]}&to_step=${range[1]}` : url;
}

/** A download is for analysis elsewhere, so it asks for as many points as the API serves. */
export function seriesCsvUrl(runId: string, tag: string): string {
  return `${scalarTagsApiUrl(runId)}/${tagPath(tag)}?format=csv`;
}

/** One tag of many runs in one request (`GET /api/scalars/{tag}?runs=…`), as float64 columns (tag-runs-columns.ts). */
export function tagRunsApiUrl(tag: string, runIds: readonly string[], maxPoints: number): string {
  return `/api/scalars/${tagPath(tag)}?runs=${runIds.map(encodeURIComponent).join(',')}&max_points=${maxPoints}&format=f64`;
}
