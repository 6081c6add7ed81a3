import { z } from 'zod';
import { checkedArray, isStep } from '../../protocol/checked-array';
import { kindMessageSchema } from '../../protocol/ingest-messages';
import { tagSchema } from '../../protocol/tag-schema';
import { TIMESTAMP_RULE, isTimestampMs } from '../../protocol/timestamp';
import { MAX_BUCKET_COUNT } from './meta';

/** One tensor's histogram at one step, as computed in the trainer. */
export const wireHistogramSchema = z
  .object({
    tag: tagSchema,
    step: z.number().int().nonnegative(),
    wallTime: z.number().refine(isTimestampMs, TIMESTAMP_RULE),
    min: z.number().refine(Number.isFinite, 'min must be finite'),
    max: z.number().refine(Number.isFinite, 'max must be finite'),
    count: z.number().int().nonnegative(),
    sum: z.number().refine(Number.isFinite, 'sum must be finite'),
    sumSquares: z.number().refine(Number.isFinite, 'sumSquares must be finite'),
    nanCount: z.number().int().nonnegative(),
    posInfCount: z.number().int().nonnegative(),
    negInfCount: z.number().int().nonnegative(),
    counts: checkedArray(isStep, 'a bucket count must be an integer ≥ 0'),
  })
  .refine((h) => h.counts.length >= 1 && h.counts.length <= MAX_BUCKET_COUNT, { message: `1 to ${MAX_BUCKET_COUNT} buckets`, path: ['counts'] })
  .refine((h) => h.max >= h.min, { message: 'max must not be below min', path: ['max'] })
  .refine((h) => h.counts.reduce((a, b) => a + b, 0) + h.nanCount + h.posInfCount + h.negInfCount === h.count, {
    message: 'bucket counts plus NaN and infinity counts must add up to count',
    path: ['count'],
  });

export const histogramBatchSchema = z.array(wireHistogramSchema).min(1).max(2000);

export const histogramsMessageSchema = kindMessageSchema('histograms', { histograms: histogramBatchSchema });
export type HistogramsMessage = z.infer<typeof histogramsMessageSchema>;
