import { z } from 'zod';
import type { UmapParams } from '../../kinds/embedding/meta';

/** The form's text, checked against the same ranges the API accepts, so a typo gets a message, not a 422. */
const umapParamsFormSchema = z.object({
  neighbors: z.coerce.number().int('neighbours must be a whole number').min(2, 'neighbours must be 2–200').max(200, 'neighbours must be 2–200'),
  minDist: z.coerce.number().min(0, 'min distance must be 0–1').max(1, 'min distance must be 0–1'),
});

export type ParsedUmapParams = { params: UmapParams; error: null } | { params: null; error: string };

export function parseUmapParams(input: { neighbors: string; minDist: string }): ParsedUmapParams {
  if (!input.neighbors.trim() || !input.minDist.trim()) return { params: null, error: 'both parameters are needed' };
  const parsed = umapParamsFormSchema.safeParse(input);
  if (!parsed.success) return { params: null, error: parsed.error.issues.map((i) => i.message).join('; ') };
  return { params: parsed.data, error: null };
}
