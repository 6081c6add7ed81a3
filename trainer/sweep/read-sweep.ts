import { decodeTrial, type SweepDefinition, type SweepTrial } from '../../lib/kinds/sweep/meta';
import { sweepDefinitionSchema, sweepTrialSchema } from '../../lib/kinds/sweep/schema';
import { fetchApi } from '../io/fetch-api';

const storedSweepSchema = sweepDefinitionSchema.extend({ trials: sweepTrialSchema.array() });

/** A sweep as the server stored it (GET /api/sweeps/{id}), for --resume. */
export async function readSweep(server: string, sweepId: string): Promise<{ definition: SweepDefinition; trials: SweepTrial[] }> {
  const { trials, ...definition } = await fetchApi(server, `/api/sweeps/${encodeURIComponent(sweepId)}`, storedSweepSchema);
  return { definition, trials: trials.map(decodeTrial) };
}
