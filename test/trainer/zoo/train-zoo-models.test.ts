import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { train } from '../../../trainer/train';
import { MODEL_ZOO } from '../../../trainer/zoo';
import { startSocketServer } from '../../helpers/socket-server';
import { tempDir } from '../../helpers/temp-dir';
import { tinyRunFlags } from './zoo-flags';

for (const entry of MODEL_ZOO) {
  test(`${entry.name}: trains 2 batches through train(), streaming scalars, histograms and test metrics`, { timeout: 300_000 }, async (t) => {
    const server = await startSocketServer(join(tempDir(t), `${entry.name}.db`));
    t.after(() => server.close());
    const lines: string[] = [];
    const tensorsBefore = tf.memory().numTensors;
    const result = await train(tinyRunFlags(entry.name, server.url), entry, (line) => lines.push(line));
    assert.equal(result.delivery.delivered, true, lines.join('\n'));
    assert.equal(tf.memory().numTensors, tensorsBefore, 'train() leaves no tensor behind, the optimizer\'s included');

    const run = server.app.store.getRun(result.runId)!;
    assert.equal(run.status, 'finished', run.error ?? '');
    assert.equal(run.model, entry.name);
    const data = (run.config as { data: { dataset: string; trainSamples: number } }).data;
    assert.ok(data.dataset.length > 0, 'the run says what it trained on');
    assert.ok(data.trainSamples > 0);

    assert.deepEqual(server.app.read.scalar.series(result.runId, 'batch/loss', 100).points.map(([step]) => step), [1, 2]);
    const tags = server.app.tables.scalar.listTags(result.runId).map((s) => s.tag);
    for (const tag of ['epoch/loss', 'epoch/val_loss', 'test/loss']) assert.ok(tags.includes(tag), `${tag} in ${tags}`);
    const finite = server.app.tables.scalar.listTags(result.runId).filter((s) => s.tag !== 'epoch/time').every((s) => Number.isFinite(s.last[2]));
    assert.ok(finite, 'every scalar is finite');

    const histograms = server.app.tables.histogram.listTags(result.runId).map((h) => h.tag);
    assert.ok(histograms.some((h) => h.startsWith('weights/')), `weight histograms in ${histograms}`);
    assert.ok(histograms.some((h) => h.startsWith('activations/')), `activation histograms in ${histograms}`);
  });
}
