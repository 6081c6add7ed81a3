import { z } from 'zod';
import { tagSchema } from '../protocol/tag-schema';

/** A query number, refused when empty or not a number rather than coerced to 0 or NaN. */
export function numberParam<T extends z.ZodType<number, number>>(schema: T) {
  return z
    .string()
    .regex(/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i, 'must be a number')
    .transform(Number)
    .pipe(schema);
}

/** Digits only: `Number('')`, `'1e3'` or `' 7'` would otherwise pass for steps. */
export const stepParamsSchema = z.object({
  step: z.string().regex(/^\d{1,15}$/, 'step must be an integer ≥ 0').transform(Number),
});

/** A tag in a URL arrives as path segments (`weights/dense/kernel`); joined, it must be a tag a trainer could have sent. */
export const tagParamsSchema = z.object({
  tag: z
    .array(z.string())
    .min(1)
    .transform((segments) => segments.join('/'))
    .pipe(tagSchema),
});
