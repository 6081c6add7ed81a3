import type { ScalarPoint } from '../../../lib/kinds/scalar/points';
import type { CompareData } from '../../../lib/view/compare/compare-data';
import { pointColumns } from '../../../lib/view/scalar/series-store';

/** The runs' points for the tag 'loss', as the page's data holder hands them to a chart. */
export function dataOf(points: Record<string, ScalarPoint[]>): CompareData {
  const held = { store: (runId: string) => new Map([['loss', { points: points[runId], columns: pointColumns(points[runId]) }]]), isSmoothingReady: () => true };
  return held as unknown as CompareData;
}
