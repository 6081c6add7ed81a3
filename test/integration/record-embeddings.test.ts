import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { Run } from '../../lib/client/run';
import { TensorlensCallback } from '../../trainer/callbacks/tensorlens-callback';
import { startSocketServer } from '../helpers/socket-server';
import { tempDir } from '../helpers/temp-dir';

test('embeddings_freq snapshots every Embedding layer, tagged by layer name, at the epochs it names', async (t) => {
  await tf.setBackend('cpu');
  const server = await startSocketServer(join(tempDir(t), 'emb.db'));
  t.after(() => server.close());
  const run = new Run({ server: server.url, name: 'embeddings' });
  const model = tf.sequential({
    layers: [
      tf.layers.embedding({ inputDim: 30, outputDim: 5, inputLength: 4, name: 'words' }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 1, activation: 'sigmoid' }),
    ],
  });
  model.compile({ optimizer: 'sgd', loss: 'binaryCrossentropy' });
  const x = tf.tensor2d(Array.from({ length: 40 * 4 }, (_, i) => (i * 7) % 30), [40, 4], 'int32');
  const y = tf.tensor2d(Array.from({ length: 40 }, (_, i) => i % 2), [40, 1]);
  const before = tf.memory().numTensors;
  await model.fit(x, y, { epochs: 4, batchSize: 10, callbacks: [new TensorlensCallback({ run, embeddingsFreq: 2 })], verbose: 0 });
  assert.equal(tf.memory().numTensors, before, 'recording leaks no tensor');
  assert.equal(await run.finish(), true);
  const finalWeights = model.getLayer('words').getWeights()[0].dataSync() as Float32Array;
  tf.dispose([x, y]);

  assert.deepEqual(server.app.tables.embedding.snapshots.list(run.id).map((s) => [s.tag, s.step, s.epoch, s.rows, s.dim]), [
    ['words', 8, 2, 30, 5],
    ['words', 16, 4, 30, 5],
  ]);
  assert.deepEqual(server.app.tables.embedding.snapshots.read(run.id, 'words', 16)!.matrix, Float32Array.from(finalWeights), 'the last snapshot is the trained matrix');
  assert.notDeepEqual(server.app.tables.embedding.snapshots.read(run.id, 'words', 8)!.matrix, server.app.tables.embedding.snapshots.read(run.id, 'words', 16)!.matrix);
  model.dispose();
  assert.throws(() => new TensorlensCallback({ run, embeddingsFreq: -1 }), /embeddingsFreq must be an integer ≥ 0, got -1/);
});
