import { z } from 'zod';
import { getRunOrThrow } from '../../api/get-run-or-throw';
import { getTagOrThrow } from '../../api/get-tag-or-throw';
import { encodeNumber } from '../../protocol/wire-number';
import type { KindData } from '../kind';
import { csvNumber } from './csv-number';
import { DEFAULT_MAX_POINTS, SCALAR_KIND } from './meta';
import type { HttpPoint, WireLastPoint } from './points';
import { toWireLastPoint } from './run-summary';
import type { ScalarSeries, ScalarTable, ScalarTagInfo, StepRange } from './sqlite-table';

const stepParam = z.string().regex(/^\d{1,15}$/, 'must be an integer step ≥ 0').transform(Number);

/**
 * JSON feeds a chart and is downsampled by default; CSV is an export and, like TensorBoard's, has
 * every point. `from_step`/`to_step` (inclusive) narrow either to a zoomed range.
 */
export const scalarQuerySchema = z
  .object({
    max_points: z.coerce.number().int().min(2).max(10_000_000).optional(),
    format: z.enum(['json', 'csv']).default('json'),
    from_step: stepParam.optional(),
    to_step: stepParam.optional(),
  })
  .refine((q) => q.from_step === undefined || q.to_step === undefined || q.from_step <= q.to_step, {
    message: 'from_step must not be past to_step',
    path: ['from_step'],
  })
  .transform((q) => ({
    format: q.format,
    maxPoints: q.max_points ?? (q.format === 'csv' ? Infinity : DEFAULT_MAX_POINTS),
    range: q.from_step === undefined && q.to_step === undefined ? undefined : { from: q.from_step ?? 0, to: q.to_step ?? Number.MAX_SAFE_INTEGER },
  }));

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

export function readScalarSeries({ store, tables }: KindData<ScalarTable>, runId: string, tag: string, maxPoints: number, range?: StepRange): ScalarSeries {
  return getTagOrThrow(store, runId, SCALAR_KIND, tag, () => tables.read(runId, tag, maxPoints, range));
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
