import { getRunOrThrow } from '../../api/get-run-or-throw';
import { getTagOrThrow } from '../../api/get-tag-or-throw';
import type { KindData } from '../kind';
import { PR_CURVE_KIND, type PrCurveSnapshot, type PrCurveTagInfo } from './meta';
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
  const curves = getTagOrThrow(store, runId, PR_CURVE_KIND, tag, () => tables.read(runId, tag));
  return { runId, tag, curves: curves.map(({ tag: _tag, ...curve }) => curve) };
}
