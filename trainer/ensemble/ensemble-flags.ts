import { parseArgs } from 'node:util';
import { defaultServerUrl } from '../../lib/client';
import { runIdSchema } from '../../lib/protocol/ingest-messages';
import type { WeightMethod } from '../../lib/sweep/ensemble-weights';
import { FlagError, integer, oneOf } from '../flag-values';

export const ENSEMBLE_USAGE = `usage: npm run ensemble -- --runs ID,ID[,ID…] [options]
  --runs IDS             the runs to average, comma-separated (2 or more), each with a checkpoint
                         (its best one is loaded: the last of --save-best-only, else the best epoch)
  --weights HOW          equal | optimize: weights that minimise the ensemble's log loss on the
                         validation split the members held out (default equal)
  --test-samples N       test examples (default the members' own --test-samples, when they agree)
  --data PATH            the IMDB reviews, when not where the members read them
  --run-name NAME        name shown in the dashboard (default "ensemble of …")
  --backend NAME         auto | tensorflow-gpu | tensorflow | wasm | cpu (default auto)
  --server URL           dashboard URL (default TENSORLENS_URL or http://127.0.0.1:3000)`;

export interface EnsembleFlags {
  runs: string[];
  weights: WeightMethod;
  testSamples?: number;
  data?: string;
  runName?: string;
  backend: 'auto' | 'tensorflow-gpu' | 'tensorflow' | 'wasm' | 'cpu';
  server: string;
}

const OPTIONS = {
  ...Object.fromEntries(['runs', 'weights', 'test-samples', 'data', 'run-name', 'backend', 'server'].map((k) => [k, { type: 'string' as const }])),
  help: { type: 'boolean' as const },
};

/** Parses and checks the command line; throws FlagError with a message for the user. */
export function parseEnsembleFlags(argv: string[]): EnsembleFlags | 'help' {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: OPTIONS }));
  } catch (e) {
    throw new FlagError((e as Error).message);
  }
  const v = values as Record<string, string | undefined> & { help?: boolean };
  if (v.help) return 'help';
  const runs = (v.runs ?? '').split(',').map((id) => id.trim()).filter((id) => id !== '');
  if (runs.length < 2) throw new FlagError('--runs needs two or more run ids, comma-separated');
  const bad = runs.find((id) => !runIdSchema.safeParse(id).success);
  if (bad) throw new FlagError(`--runs: "${bad}" is not a run id`);
  const twice = runs.find((id, i) => runs.indexOf(id) !== i);
  if (twice) throw new FlagError(`--runs lists ${twice} twice`);
  return {
    runs,
    weights: oneOf('weights', v.weights, ['equal', 'optimize'] as const, 'equal'),
    testSamples: integer('test-samples', v['test-samples'], undefined, 1),
    data: v.data,
    runName: v['run-name'],
    backend: oneOf('backend', v.backend, ['auto', 'tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'] as const, 'auto'),
    server: v.server ?? defaultServerUrl(),
  };
}
