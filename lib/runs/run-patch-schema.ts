import { z } from 'zod';

/** A user tag: shown as a chip and typed in a comma-separated box, so no commas or line breaks. */
const runTagSchema = z
  .string()
  .trim()
  .min(1, 'a tag may not be empty')
  .max(64, 'a tag has at most 64 characters')
  .regex(/^[^,\r\n\t]+$/, 'a tag may not hold commas, tabs or line breaks');

/** The body of `PATCH /api/runs/{id}`: any of the fields, at least one. */
export const runPatchSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'a name may not be empty').max(200).optional(),
    tags: z
      .array(runTagSchema)
      .max(32, 'a run has at most 32 tags')
      .transform((tags) => [...new Set(tags)])
      .optional(),
    note: z.string().max(10_000, 'a note has at most 10,000 characters').optional(),
    archived: z.boolean().optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, 'give at least one of name, tags, note, archived');

export type RunPatchBody = z.infer<typeof runPatchSchema>;
