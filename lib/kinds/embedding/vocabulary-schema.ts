import { z } from 'zod';

/** Index → word of the run's tokenizer, with per-word corpus statistics the projector colours by. */
export const vocabularySchema = z
  .object({
    words: z.array(z.string().max(200)).max(100_000),
    counts: z.array(z.number().int().nonnegative()),
    positiveDocs: z.array(z.number().int().nonnegative()).optional(),
    negativeDocs: z.array(z.number().int().nonnegative()).optional(),
    /** The reviews the doc counts were taken from: the totals log-odds are relative to. */
    positiveReviews: z.number().int().nonnegative().optional(),
    negativeReviews: z.number().int().nonnegative().optional(),
  })
  .refine((v) => v.counts.length === v.words.length, { message: 'counts must have one entry per word' })
  .refine((v) => (v.positiveDocs?.length ?? v.words.length) === v.words.length, {
    message: 'positiveDocs must have one entry per word',
  })
  .refine((v) => (v.negativeDocs?.length ?? v.words.length) === v.words.length, {
    message: 'negativeDocs must have one entry per word',
  });

export type Vocabulary = z.infer<typeof vocabularySchema>;
