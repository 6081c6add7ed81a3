import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { Run } from '../../../lib/client/run';
import { TensorlensCallback } from '../../../trainer/callbacks/tensorlens-callback';
import { buildQaTwoInput } from '../../../trainer/models/qa-two-input';
import { qaTwoInput } from '../../../trainer/zoo/qa-two-input';
import { startSocketServer } from '../../helpers/socket-server';
import { tempDir } from '../../helpers/temp-dir';
import { tinyRunFlags } from './zoo-flags';

test('qa-two-input fits the IMDB cloze data given as a list and as a dict of named inputs, to the same weights', { timeout: 120_000 }, async (t) => {
  await tf.setBackend('cpu');
  const server = await startSocketServer(join(tempDir(t), 'qa.db'));
  t.after(() => server.close());
  const flags = tinyRunFlags('qa-two-input', server.url);
  const { model: listModel, x, y } = await qaTwoInput.prepare(flags, () => undefined);
  const [text, question] = x as tf.Tensor[];
  assert.deepEqual(listModel.inputNames, ['text', 'question']);
  assert.equal(text.shape[1], 40);
  assert.equal(question.shape[1], 7);

  const dictModel = buildQaTwoInput({ vocabularySize: flags.maxFeatures, answerCount: 20, textLength: 40, questionLength: 7, learningRate: flags.learningRate });
  dictModel.setWeights(listModel.getWeights());
  const options = { epochs: 2, batchSize: 8, shuffle: false, verbose: 0 as const };
  const listHistory = await listModel.fit([text, question], y as tf.Tensor, options);

  const run = new Run({ server: server.url, name: 'qa-dict' });
  const probe = { text: text.slice(0, 4), question: question.slice(0, 4) };
  const callback = new TensorlensCallback({ run, histogramFreq: 1, probe });
  const dictHistory = await dictModel.fit({ text, question }, y as tf.Tensor, { ...options, callbacks: [callback] });
  assert.equal(await run.finish(), true);

  assert.deepEqual(dictHistory.history.loss, listHistory.history.loss);
  assert.ok((listHistory.history.loss as number[]).every(Number.isFinite));
  const [listWeights, dictWeights] = [listModel, dictModel].map((m) => m.getWeights().map((w) => Array.from(w.dataSync())));
  assert.deepEqual(dictWeights, listWeights);

  const histograms = server.app.tables.histogram.listTags(run.id).map((h) => h.tag);
  for (const tag of ['activations/text_lstm', 'activations/question_lstm', 'activations/concatenate', 'activations/answer']) {
    assert.ok(histograms.includes(tag), `${tag} in ${histograms}`);
  }
  assert.equal(server.app.tables.histogram.read(run.id, 'activations/answer')![0].count, 4 * 20, 'one value per probe row and answer');
  tf.dispose([text, question, y as tf.Tensor, probe.text, probe.question]);
  listModel.dispose();
  dictModel.dispose();
});
