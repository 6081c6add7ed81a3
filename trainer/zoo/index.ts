import type { ModelEntry } from './model-entry';
import { imdbConv1d } from './imdb-conv1d';
import { inception } from './inception';
import { mlpFunctional } from './mlp-functional';
import { mlpSequential } from './mlp-sequential';
import { multiOutput } from './multi-output';
import { qaTwoInput } from './qa-two-input';
import { residual } from './residual';
import { separableConv } from './separable-conv';
import { sharedVision } from './shared-vision';
import { siameseLstm } from './siamese-lstm';

/** Every model `npm run train -- --model NAME` knows, in the lecture's order. */
export const MODEL_ZOO: readonly ModelEntry[] = [
  imdbConv1d,
  mlpSequential,
  mlpFunctional,
  qaTwoInput,
  multiOutput,
  inception,
  residual,
  siameseLstm,
  sharedVision,
  separableConv,
];

export function findModel(name: string): ModelEntry {
  const entry = MODEL_ZOO.find((m) => m.name === name);
  if (!entry) throw new Error(`unknown model "${name}"; known models: ${MODEL_ZOO.map((m) => m.name).join(', ')}`);
  return entry;
}
