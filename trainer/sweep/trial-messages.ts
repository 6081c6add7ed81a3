import { z } from 'zod';

/**
 * What a trial and its sweep runner say over the fork IPC channel. The channel uses Node's advanced
 * serialization, so a NaN or infinite metric arrives as itself.
 */

/** Trial → runner after each epoch: the epoch's logs (1-based epoch), as Keras callbacks see them. */
export const epochReportSchema = z.object({
  type: z.literal('epoch'),
  epoch: z.number().int().min(1),
  logs: z.record(z.string(), z.number()),
});
export type EpochReport = z.infer<typeof epochReportSchema>;

/** Runner → trial, answering each epoch report: go on, or stop after this epoch and why. */
export interface Verdict {
  type: 'verdict';
  epoch: number;
  stop: boolean;
  reason: string | null;
}

export function isVerdict(message: unknown): message is Verdict {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'verdict';
}
