import { z } from 'zod';
import { getRunOrThrow } from '../../api/get-run-or-throw';
import { getTagOrThrow } from '../../api/get-tag-or-throw';
import { encodeNumber } from '../../protocol/wire-number';
import type { KindData } from '../kind';
import { csvNumber } from './csv-number';
import { DEFAULT_MAX_POINTS, SCALAR_KIND } from './meta';
import type { HttpPoint, WireLastPoint } from './points';
import { toWireLastPoint } from './run-summary';
import type { ScalarSeries, ScalarTable, ScalarTagInfo } from './sqlite-table';

/** JSON feeds a chart and is downsampled by default; CSV is an export and, like TensorBoard's, has every point. */
export const scalarQuerySchema = z
  .object({
    max_points: z.coerce.number().int().min(2).max(10_000_000).optional(),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .transform((q) => ({ format: q.format, maxPoints: q.max_points ?? (q.format === 'csv' ? Infinity : DEFAULT_MAX_POINTS) }));

export type WireScalarTagInfo = Omit<ScalarTagInfo, 'last'> & { last: WireLastPoint };

export interface ScalarSeriesResponse {
  runId: string;
  tag: string;
  count: number;
  downsampled: boolean;
  points: HttpPoint[];
}

/** The run's scalar tags with point counts and latest points. */
export function readScalarTags({ store, tables }: KindData<ScalarTable>, runId: string): WireScalarTagInfo[] {
  getRunOrThrow(store, runId);
  return tables.listTags(runId).map((info) => ({ ...info, last: toWireLastPoint(info.last) }));
}

export function readScalarSeries({ store, tables }: KindData<ScalarTable>, runId: string, tag: string, maxPoints: number): ScalarSeries {
  return getTagOrThrow(store, runId, SCALAR_KIND, tag, () => tables.read(runId, tag, maxPoints));
}

export function toSeriesResponse(runId: string, series: ScalarSeries): ScalarSeriesResponse {
  return {
    runId,
    tag: series.tag,
    count: series.count,
    downsampled: series.downsampled,
    points: series.points.map(([step, wallTime, value]): HttpPoint => [wallTime / 1000, step, encodeNumber(value)]),
  };
}

export function toCsv(series: ScalarSeries): string {
  const rows = series.points.map(([step, wallTime, value]) => `${wallTime / 1000},${step},${csvNumber(value)}`);
  return ['Wall time,Step,Value', ...rows].join('\n') + '\n';
}
