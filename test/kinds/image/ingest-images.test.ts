import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestHarness } from '../../helpers/ingest-harness';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const JPEG = Buffer.from('ffd8ffe000104a464946', 'hex');

const image = (step: number, data: Buffer, contentType = 'image/png', sample = 0) => ({
  tag: 'samples/digits',
  step,
  sample,
  wallTime: 1000 + step,
  width: 28,
  height: 28,
  contentType,
  data: data.toString('base64'),
});

test('images are stored per tag, step and sample, served as their bytes, and a step logged again takes the last', (t) => {
  const { app, send } = ingestHarness(t);
  const reply = send({ v: 1, seq: 2, type: 'images', runId: 'run-1', images: [image(0, PNG), image(0, JPEG, 'image/jpeg', 1), image(1, PNG)] });
  assert.deepEqual(reply, { v: 1, type: 'ack', seq: 2 });
  send({ v: 1, seq: 3, type: 'images', runId: 'run-1', images: [image(1, JPEG, 'image/jpeg')] });
  assert.deepEqual(app.read.image.tags('run-1'), [{ tag: 'samples/digits', count: 3, firstStep: 0, lastStep: 1 }]);
  assert.deepEqual(
    app.read.image.list('run-1', 'samples/digits').images.map((i) => [i.step, i.sample, i.contentType]),
    [[0, 0, 'image/png'], [0, 1, 'image/jpeg'], [1, 0, 'image/jpeg']],
  );
  const served = app.read.image.data('run-1', 'samples/digits', 1, 0);
  assert.deepEqual([served.contentType, served.data.equals(JPEG)], ['image/jpeg', true]);
  assert.throws(() => app.read.image.data('run-1', 'samples/digits', 7, 0), /has no image "samples\/digits" at step 7/);
});

test('an image whose bytes are not the encoding it names, or not base64, is refused', (t) => {
  const { app, send } = ingestHarness(t);
  const wrong = send({ v: 1, seq: 2, type: 'images', runId: 'run-1', images: [image(0, JPEG, 'image/png')] });
  assert.equal(wrong.type, 'error');
  assert.match((wrong as { message: string }).message, /images\.0\.data: data is not the encoding contentType names/);
  const garbled = send({ v: 1, seq: 3, type: 'images', runId: 'run-1', images: [{ ...image(0, PNG), data: 'not base64!' }] });
  assert.match((garbled as { message: string }).message, /data must be base64/);
  const svg = send({ v: 1, seq: 4, type: 'images', runId: 'run-1', images: [{ ...image(0, PNG), contentType: 'image/svg+xml' }] });
  assert.equal(svg.type, 'error', 'only encodings that cannot carry script are served');
  assert.deepEqual(app.read.image.tags('run-1'), []);
});
