import type { ModelEntry } from './model-entry';
import { imdbConv1d } from './imdb-conv1d';

/** Every model `npm run train -- --model NAME` knows. */
export const MODEL_ZOO: readonly ModelEntry[] = [imdbConv1d];

export function findModel(name: string): ModelEntry {
  const entry = MODEL_ZOO.find((m) => m.name === name);
  if (!entry) throw new Error(`unknown model "${name}"; known models: ${MODEL_ZOO.map((m) => m.name).join(', ')}`);
  return entry;
}
