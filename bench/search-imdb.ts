/**
 * A real objective for bench/search.ts: two epochs of a small IMDB Conv1D (reviews cut to 100 words)
 * on 2,000 reviews, its final validation loss; about 7 s a trial on 2 cores. Architecture and
 * optimizer params as a sweep would search them.
 */
import * as tf from '@tensorflow/tfjs';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Params } from '../lib/sweep/sampler';
import { selectBackend } from '../trainer/backend/select-backend';
import { loadImdb } from '../trainer/data/imdb';
import { buildImdbConv1d, type ImdbOptimizer } from '../trainer/models/imdb-conv1d';
import type { SearchObjective } from './search-functions';

const REVIEWS = 2000;
const MAX_LEN = 100;
const MAX_FEATURES = 2000;
const EPOCHS = 2;

/** The archive: IMDB_DATA, else the shared copy beside the checkout; null when neither is there. */
export function imdbArchive(): string | null {
  const candidates = [process.env.IMDB_DATA, resolve(__dirname, '../../shared/data/imdb/aclImdb_v1_labeled.tar.gz')];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

export async function imdbObjective(path: string): Promise<SearchObjective> {
  await selectBackend('auto');
  const data = await loadImdb({ path, numWords: MAX_FEATURES, maxLen: MAX_LEN, trainSamples: REVIEWS, testSamples: 1, seed: 1 });
  const x = tf.tensor2d(data.xTrain, [data.trainCount, MAX_LEN], 'int32');
  const y = tf.tensor2d(data.yTrain, [data.trainCount, 1]);
  const trained = new Map<string, number>();
  return {
    name: `imdb-conv1d (${REVIEWS} reviews, ${EPOCHS} epochs, val_loss)`,
    space: [
      { name: 'learningRate', kind: 'loguniform', low: 1e-4, high: 3e-2 },
      { name: 'convFilters', kind: 'int', low: 8, high: 32, q: 1 },
      { name: 'embeddingDim', kind: 'choice', choices: [16, 32, 64] },
      { name: 'dropout', kind: 'uniform', low: 0, high: 0.5 },
      { name: 'optimizer', kind: 'choice', choices: ['rmsprop', 'adam'] },
    ],
    optimum: null,
    async evaluate(params: Params) {
      // With one seed TPE's startup trials are random search's first ones: each is trained once.
      const key = JSON.stringify(params);
      const known = trained.get(key);
      if (known !== undefined) return known;
      const model = buildImdbConv1d({
        maxFeatures: MAX_FEATURES,
        maxLen: MAX_LEN,
        learningRate: params.learningRate as number,
        convFilters: params.convFilters as number,
        embeddingDim: params.embeddingDim as number,
        dropout: params.dropout as number,
        optimizer: params.optimizer as ImdbOptimizer,
      });
      const history = await model.fit(x, y, { epochs: EPOCHS, batchSize: 32, validationSplit: 0.2, verbose: 0 });
      model.optimizer.dispose();
      model.dispose();
      const value = history.history.val_loss[EPOCHS - 1] as number;
      trained.set(key, value);
      return value;
    },
  };
}
