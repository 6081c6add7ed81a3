import { z } from 'zod';

/** Index → word of the run's tokenizer, with per-word corpus statistics the projector colours by. */
export const MAX_VOCABULARY_WORDS = 200_000;

export const vocabularySchema = z
  .object({
    words: z.array(z.string().max(200)).max(MAX_VOCABULARY_WORDS),
    counts: z.array(z.number().int().nonnegative()),
    positiveDocs: z.array(z.number().int().nonnegative()).optional(),
    negativeDocs: z.array(z.number().int().nonnegative()).optional(),
    /** The reviews the doc counts were taken from: the totals log-odds are relative to. */
    positiveReviews: z.number().int().nonnegative().optional(),
    negativeReviews: z.number().int().nonnegative().optional(),
    /**
     * A whole IMDB vocabulary (80,000 words with their counts) exceeds one message, so it may come
     * as slices: these words are rows `offset`… of a vocabulary of `total` words.
     */
    offset: z.number().int().nonnegative().optional(),
    total: z.number().int().min(1).max(MAX_VOCABULARY_WORDS).optional(),
  })
  .refine((v) => v.counts.length === v.words.length, { message: 'counts must have one entry per word' })
  .refine((v) => (v.positiveDocs?.length ?? v.words.length) === v.words.length, {
    message: 'positiveDocs must have one entry per word',
  })
  .refine((v) => (v.negativeDocs?.length ?? v.words.length) === v.words.length, {
    message: 'negativeDocs must have one entry per word',
  })
  .refine((v) => (v.offset ?? 0) + v.words.length <= (v.total ?? v.words.length), {
    message: 'offset + words must not pass total',
    path: ['total'],
  });

export type Vocabulary = z.infer<typeof vocabularySchema>;
