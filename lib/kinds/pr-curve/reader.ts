import { ApiError } from '../../api/errors';
import { getRunOrThrow } from '../../api/get-run-or-throw';
import type { KindData } from '../kind';
import type { PrCurveSnapshot, PrCurveTagInfo } from './meta';
import type { PrCurveTable } from './sqlite-table';

export interface PrCurveSeriesResponse {
  runId: string;
  tag: string;
  curves: Omit<PrCurveSnapshot, 'tag'>[];
}

/** The run's PR curve tags with their step ranges. */
export function readPrCurveTags({ store, tables }: KindData<PrCurveTable>, runId: string): PrCurveTagInfo[] {
  getRunOrThrow(store, runId);
  return tables.listTags(runId);
}

/** Every step's curve of one tag, in step order. */
export function readPrCurveSeries({ store, tables }: KindData<PrCurveTable>, runId: string, tag: string): PrCurveSeriesResponse {
  getRunOrThrow(store, runId);
  const curves = tables.read(runId, tag);
  if (!curves) throw new ApiError('not_found', `run "${runId}" has no PR curve tag "${tag}"`);
  return { runId, tag, curves: curves.map(({ tag: _tag, ...curve }) => curve) };
}
