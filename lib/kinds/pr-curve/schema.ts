import { z } from 'zod';
import { checkedArray, isFiniteNumber } from '../../protocol/checked-array';
import { kindMessageSchema } from '../../protocol/ingest-messages';
import { tagSchema } from '../../protocol/tag-schema';
import { TIMESTAMP_RULE, isTimestampMs } from '../../protocol/timestamp';
import { MAX_CURVES_PER_BATCH, MAX_THRESHOLDS, PR_CURVE_COLUMNS } from './meta';

const column = checkedArray(isFiniteNumber, 'a PR curve holds finite numbers');

/** One curve: seven columns of the same length, thresholds ascending within [0, 1]. */
export const wirePrCurveSchema = z
  .object({
    tag: tagSchema,
    step: z.number().int().nonnegative().refine(Number.isSafeInteger, 'step must be a safe integer'),
    wallTime: z.number().refine(isTimestampMs, TIMESTAMP_RULE),
    thresholds: column,
    truePositives: column,
    falsePositives: column,
    trueNegatives: column,
    falseNegatives: column,
    precision: column,
    recall: column,
  })
  .refine((c) => c.thresholds.length >= 1 && c.thresholds.length <= MAX_THRESHOLDS, { message: `1 to ${MAX_THRESHOLDS} thresholds`, path: ['thresholds'] })
  .refine((c) => PR_CURVE_COLUMNS.every((name) => c[name].length === c.thresholds.length), { message: 'every column needs one value per threshold' })
  .refine((c) => c.thresholds.every((t, i) => t >= 0 && t <= 1 && (i === 0 || t > c.thresholds[i - 1])), {
    message: 'thresholds rise within [0, 1]',
    path: ['thresholds'],
  });

export const prCurvesMessageSchema = kindMessageSchema('pr-curves', { curves: z.array(wirePrCurveSchema).min(1).max(MAX_CURVES_PER_BATCH) });
export type PrCurvesMessage = z.infer<typeof prCurvesMessageSchema>;
