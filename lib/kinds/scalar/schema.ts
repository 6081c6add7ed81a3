import { z } from 'zod';
import { checkedArray, isStep } from '../../protocol/checked-array';
import { TIMESTAMP_RULE, isTimestampMs } from '../../protocol/timestamp';
import { kindMessageSchema } from '../../protocol/ingest-messages';
import { tagSchema } from '../../protocol/tag-schema';
import { decodeNumber, encodeNumber, isWireNumber } from '../../protocol/wire-number';
import { MAX_POINTS_PER_BATCH } from './meta';
import type { LivePoint, ScalarColumnsData } from './points';

/**
 * One tag's points in columns. Columns keep the tag out of every point and let the server
 * validate plain number arrays, which is most of what ingest costs.
 */
export const scalarColumnsSchema = z
  .object({
    tag: tagSchema,
    steps: checkedArray(isStep, 'a step must be an integer ≥ 0'),
    wallTimes: checkedArray(isTimestampMs, `a wall time ${TIMESTAMP_RULE}`),
    values: checkedArray(isWireNumber, 'a value must be a number or "NaN", "Infinity", "-Infinity"'),
  })
  .refine((c) => c.steps.length > 0, { message: 'a tag needs at least one point', path: ['steps'] })
  .refine((c) => c.wallTimes.length === c.steps.length && c.values.length === c.steps.length, {
    message: 'steps, wallTimes and values must have the same length',
  });
export type ScalarColumns = z.infer<typeof scalarColumnsSchema>;

export const scalarBatchSchema = z
  .array(scalarColumnsSchema)
  .min(1)
  .refine((batch) => batch.reduce((n, c) => n + c.steps.length, 0) <= MAX_POINTS_PER_BATCH, {
    message: `a batch may hold at most ${MAX_POINTS_PER_BATCH} points`,
  });

export const scalarsMessageSchema = kindMessageSchema('scalars', { points: scalarBatchSchema });
export type ScalarsMessage = z.infer<typeof scalarsMessageSchema>;

/** Decodes the value columns; a column without non-finite values is used as it is. */
export function fromColumns(batch: readonly ScalarColumns[]): ScalarColumnsData[] {
  return batch.map(({ tag, steps, wallTimes, values }) => ({
    tag,
    steps,
    wallTimes,
    values: values.every((v) => typeof v === 'number') ? (values as number[]) : values.map(decodeNumber),
  }));
}

/** The points of some columns as dashboards receive them. */
export function toLivePoints(batch: readonly ScalarColumnsData[]): LivePoint[] {
  return batch.flatMap(({ tag, steps, wallTimes, values }) => steps.map((step, i): LivePoint => [tag, step, wallTimes[i], encodeNumber(values[i])]));
}

/** Builds the columns of one message as points are logged. */
export class ColumnBuilder {
  private readonly byTag = new Map<string, ScalarColumns>();
  size = 0;

  add(tag: string, step: number, wallTime: number, value: number): void {
    let c = this.byTag.get(tag);
    if (!c) this.byTag.set(tag, (c = { tag, steps: [], wallTimes: [], values: [] }));
    c.steps.push(step);
    c.wallTimes.push(wallTime);
    c.values.push(encodeNumber(value));
    this.size++;
  }

  take(): ScalarColumns[] {
    const out = [...this.byTag.values()];
    this.byTag.clear();
    this.size = 0;
    return out;
  }
}
