import { z } from 'zod';
import type { WireLastPoint } from '../kinds/scalar/points';
import { decodeNumber } from '../protocol/wire-number';

/** An ensemble run's configuration, as `npm run ensemble` stores it: its members and their weights. */
const ensembleConfigSchema = z.object({
  members: z.array(z.object({ runId: z.string(), name: z.string(), model: z.string(), epoch: z.number(), weight: z.number() })).min(1),
  weights: z.string(),
  testSamples: z.number(),
  validationLogLoss: z.number().nullable().optional(),
});

export interface EnsembleRow {
  /** The member's run id; null for the ensemble itself. */
  runId: string | null;
  name: string;
  /** Which epoch's checkpoint the member joined with. */
  epoch: number | null;
  weight: number | null;
  acc: number | undefined;
  loss: number | undefined;
}

export interface EnsembleMembers {
  weights: string;
  testSamples: number;
  /** The ensemble first, then each member, as the command scored them on one test set. */
  rows: EnsembleRow[];
}

/**
 * An ensemble run's members against it, from its configuration and its scalars (`test/acc`,
 * `member/<run>/test/acc`, …). Null when the configuration is not an ensemble's (a run of another
 * model, or one written by something else).
 */
export function ensembleMembers(run: { name: string; config: unknown; lastScalars: Readonly<Record<string, WireLastPoint>> }): EnsembleMembers | null {
  const config = ensembleConfigSchema.safeParse(run.config);
  if (!config.success) return null;
  const last = (tag: string) => {
    const point = run.lastScalars[tag];
    return point ? decodeNumber(point[2]) : undefined;
  };
  const ensemble: EnsembleRow = { runId: null, name: run.name, epoch: null, weight: null, acc: last('test/acc'), loss: last('test/loss') };
  const members = config.data.members.map((m): EnsembleRow => ({ runId: m.runId, name: m.name, epoch: m.epoch, weight: m.weight, acc: last(`member/${m.runId}/test/acc`), loss: last(`member/${m.runId}/test/loss`) }));
  return { weights: config.data.weights, testSamples: config.data.testSamples, rows: [ensemble, ...members] };
}
