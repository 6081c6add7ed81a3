import { z } from 'zod';
import { isStep } from '../../protocol/checked-array';
import { kindMessageSchema } from '../../protocol/ingest-messages';
import { tagSchema } from '../../protocol/tag-schema';
import { TIMESTAMP_RULE, isTimestampMs } from '../../protocol/timestamp';
import { MAX_TEXT_ENTRIES, MAX_TEXT_LENGTH } from './meta';

/** One tag's Markdown at one step. */
export const textEntrySchema = z.object({
  tag: tagSchema,
  step: z.number().refine(isStep, 'step must be an integer ≥ 0'),
  wallTime: z.number().refine(isTimestampMs, TIMESTAMP_RULE),
  text: z.string().max(MAX_TEXT_LENGTH, `text may hold at most ${MAX_TEXT_LENGTH} characters`),
});

/** Markdown per tag and step (TensorBoard's text summaries). */
export const textMessageSchema = kindMessageSchema('text', {
  entries: z.array(textEntrySchema).min(1).max(MAX_TEXT_ENTRIES),
});
export type TextMessage = z.infer<typeof textMessageSchema>;
