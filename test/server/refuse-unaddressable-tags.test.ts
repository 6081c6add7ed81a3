import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestHarness, outcome } from '../helpers/ingest-harness';

const scalars = (tag: string) => ({ v: 1, seq: 4, type: 'scalars', runId: 'run-1', points: [{ tag, steps: [1], wallTimes: [1], values: [0.5] }] });
const histograms = (tag: string) => ({
  v: 1, seq: 4, type: 'histograms', runId: 'run-1',
  histograms: [{ tag, step: 1, wallTime: 1, min: 0, max: 1, count: 1, sum: 0, sumSquares: 0, nanCount: 0, posInfCount: 0, negInfCount: 0, counts: [1] }],
});
const text = (tag: string) => ({ v: 1, seq: 4, type: 'text', runId: 'run-1', entries: [{ tag, step: 1, wallTime: 1, text: 'x' }] });
const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('base64');
const images = (tag: string) => ({ v: 1, seq: 4, type: 'images', runId: 'run-1', images: [{ tag, step: 1, sample: 0, wallTime: 1, width: 1, height: 1, contentType: 'image/png', data: png }] });
const prCurves = (tag: string) => ({
  v: 1, seq: 4, type: 'pr-curves', runId: 'run-1',
  curves: [{ tag, step: 1, wallTime: 1, thresholds: [1], truePositives: [1], falsePositives: [0], trueNegatives: [0], falseNegatives: [0], precision: [1], recall: [1] }],
});

for (const tag of ['.', '..', '/a', 'a/', 'a/../b', 'a//b', 'a/./b', '/']) {
  test(`tag "${tag}", which no URL can address, is refused at ingest`, (t) => {
    const { app, send } = ingestHarness(t);
    for (const [message, path] of [[scalars(tag), 'points.0.tag'], [histograms(tag), 'histograms.0.tag'], [text(tag), 'entries.0.tag'], [images(tag), 'images.0.tag'], [prCurves(tag), 'curves.0.tag']] as const) {
      const [code, text] = outcome(send(message));
      assert.equal(code, 'invalid_message');
      assert.match(text, new RegExp(`^${path.replace(/\./g, '\\.')}: tag segments between "/" must not be empty, "\\." or "\\.\\."`));
    }
    assert.deepEqual(app.read.scalar.tags('run-1'), []);
    assert.deepEqual(app.read.histogram.tags('run-1'), []);
    assert.deepEqual(app.read.text.tags('run-1'), []);
    assert.deepEqual([app.read.image.tags('run-1'), app.read['pr-curve'].tags('run-1')], [[], []]);
  });
}

test('tags whose segments merely contain dots are addressable and accepted', (t) => {
  const { app, send } = ingestHarness(t);
  for (const tag of ['a/b', '.hidden', 'a/.b', 'a../b', 'val.loss', 'a b/c']) assert.deepEqual(outcome(send(scalars(tag))), ['ack', ''], tag);
  assert.deepEqual(app.read.scalar.tags('run-1').map((i) => i.tag), ['.hidden', 'a b/c', 'a../b', 'a/.b', 'a/b', 'val.loss']);
});
