import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_MESSAGE_BYTES } from '../../lib/protocol/version';
import { ingestHarness } from '../helpers/ingest-harness';

const scalars = (points: unknown, runId = 'run-1', seq = 7) => ({ v: 1, seq, type: 'scalars', runId, points });
/** One tag's columns from `[step, wallTime, value]` rows. */
const columns = (tag: unknown, rows: unknown[][]) => ({ tag, steps: rows.map((r) => r[0]), wallTimes: rows.map((r) => r[1]), values: rows.map((r) => r[2]) });

test('valid scalars are acked and stored', (t) => {
  const { app, send } = ingestHarness(t);
  assert.deepEqual(send(scalars([columns('batch/loss', [[1, 1000, 0.7], [2, 1001, 'NaN'], [3, 1002, '-Infinity']])])), { v: 1, type: 'ack', seq: 7 });
  const values = app.read.scalar.series('run-1', 'batch/loss', 10).points.map(([, , value]) => value);
  assert.equal(values[0], 0.7);
  assert.ok(Number.isNaN(values[1]));
  assert.equal(values[2], -Infinity);
});

const badCases: [string, unknown, string, RegExp][] = [
  ['invalid JSON', '{"v":1, "seq": 3, ', 'invalid_json', /not valid JSON/],
  ['a bare number', '42', 'invalid_message', /must be a JSON object/],
  ['an old protocol version', { v: 0, seq: 3, type: 'scalars' }, 'unsupported_version', /version 0 is not supported/],
  ['an unknown message type', { v: 1, seq: 3, type: 'histograms!' }, 'invalid_message', /type/],
  ['a string step', scalars([columns('loss', [['one', 1, 0.5]])]), 'invalid_message', /points\.0\.steps\.0/],
  ['a negative step', scalars([columns('loss', [[-1, 1, 0.5]])]), 'invalid_message', /points\.0\.steps\.0/],
  ['a fractional step', scalars([columns('loss', [[1.5, 1, 0.5]])]), 'invalid_message', /points\.0\.steps\.0/],
  ['a value that is an object', scalars([columns('loss', [[1, 1, { x: 1 }]])]), 'invalid_message', /points\.0\.values\.0/],
  ['columns of different lengths', scalars([{ tag: 'loss', steps: [1, 2], wallTimes: [1], values: [0.5, 0.4] }]), 'invalid_message', /same length/],
  ['too many points in one batch', scalars([columns('loss', Array.from({ length: 10_001 }, (_, i) => [i, 1, 0.5]))]), 'invalid_message', /at most 10000 points/],
  ['a bare NaN literal is not JSON', '{"v":1,"seq":3,"type":"scalars","runId":"run-1","points":[{"tag":"loss","steps":[1],"wallTimes":[1],"values":[NaN]}]}', 'invalid_json', /JSON/],
  ['a misspelled NaN', scalars([columns('loss', [[1, 1, 'nan']])]), 'invalid_message', /points\.0\.values\.0/],
  ['an empty tag', scalars([columns('', [[1, 1, 0.5]])]), 'invalid_message', /points\.0\.tag/],
  ['a tag with control characters', scalars([columns('lo\nss', [[1, 1, 0.5]])]), 'invalid_message', /points\.0\.tag/],
  ['no points', scalars([]), 'invalid_message', /points/],
  ['an unknown run', scalars([columns('loss', [[1, 1, 0.5]])], 'nobody'), 'unknown_run', /never started/],
  ['a run id with a slash', scalars([columns('loss', [[1, 1, 0.5]])], '../etc'), 'invalid_message', /runId/],
  ['a status for an unknown run', { v: 1, seq: 3, type: 'run.status', runId: 'ghost', status: 'finished', at: 1 }, 'unknown_run', /ghost/],
  ['a bad status', { v: 1, seq: 3, type: 'run.status', runId: 'run-1', status: 'exploded', at: 1 }, 'invalid_message', /status/],
  ['a vocabulary with mismatched counts', { v: 1, seq: 3, type: 'vocabulary', runId: 'run-1', vocabulary: { words: ['a', 'b'], counts: [1] } }, 'invalid_message', /one entry per word/],
];

for (const [name, message, code, pattern] of badCases) {
  test(`rejects ${name} with a clear error and keeps what is stored`, (t) => {
    const { app, send } = ingestHarness(t);
    send(scalars([columns('loss', [[1, 1, 0.25]])], 'run-1', 2));
    const reply = send(message);
    assert.equal(reply.type, 'error');
    assert.ok(reply.type === 'error' && reply.code === code, `code ${reply.type === 'error' && reply.code}`);
    assert.match(reply.type === 'error' ? reply.message : '', pattern);
    assert.deepEqual(app.read.scalar.series('run-1', 'loss', 10).points.map(([, , value]) => value), [0.25]);
  });
}

const histogram = (extra: Record<string, unknown> = {}) => ({
  tag: 'weights/dense/kernel', step: 3, wallTime: 1, min: 0, max: 1, count: 5, sum: 2, sumSquares: 1.5,
  nanCount: 1, posInfCount: 0, negInfCount: 1, counts: [1, 2], ...extra,
});

test('valid histograms are acked and stored', (t) => {
  const { app, send } = ingestHarness(t);
  assert.deepEqual(send({ v: 1, seq: 9, type: 'histograms', runId: 'run-1', histograms: [histogram()] }), { v: 1, type: 'ack', seq: 9 });
  assert.deepEqual(app.tables.histogram.read('run-1', 'weights/dense/kernel')!.map((h) => [h.step, h.counts]), [[3, [1, 2]]]);
});

for (const [name, extra, pattern] of [
  ['counts that do not add up', { count: 6 }, /add up to count/],
  ['a negative bucket count', { counts: [-1, 4] }, /histograms\.0\.counts\.0/],
  ['max below min', { min: 2, max: 1 }, /max must not be below min/],
  ['no buckets', { counts: [], count: 2 }, /1 to 1000 buckets/],
] as const) {
  test(`rejects a histogram with ${name}`, (t) => {
    const { send } = ingestHarness(t);
    const reply = send({ v: 1, seq: 9, type: 'histograms', runId: 'run-1', histograms: [histogram(extra)] });
    assert.equal(reply.type === 'error' && reply.code, 'invalid_message');
    assert.match(reply.type === 'error' ? reply.message : '', pattern);
  });
}

test('an oversized message is refused before parsing', (t) => {
  const { send } = ingestHarness(t);
  const reply = send('x'.repeat(MAX_MESSAGE_BYTES + 1));
  assert.equal(reply.type === 'error' && reply.code, 'too_large');
});

test('the error reply carries the seq when the message had one', (t) => {
  const { send } = ingestHarness(t);
  const reply = send(scalars([columns('loss', [[1, 1, 0.5]])], 'nobody', 41));
  assert.equal(reply.type === 'error' && reply.seq, 41);
});

test('embedding chunks are acked, stored once, and one that contradicts them is refused', (t) => {
  const { app, send } = ingestHarness(t);
  const chunk = (seq: number, rowOffset: number, chunkRows: number) => ({
    v: 1, seq, type: 'embedding', runId: 'run-1', tag: 'embedding', step: 8, epoch: 1, wallTime: 1, rows: 3, dim: 2, rowOffset, chunkRows,
    values: Buffer.from(Float32Array.from({ length: chunkRows * 2 }, (_, i) => rowOffset * 2 + i).buffer).toString('base64'),
  });
  assert.deepEqual(send(chunk(11, 0, 2)), { v: 1, type: 'ack', seq: 11 });
  assert.deepEqual(send(chunk(11, 0, 2)), { v: 1, type: 'ack', seq: 11 }, 'a resend is acked');
  const overlap = send(chunk(12, 1, 2));
  assert.equal(overlap.type === 'error' && overlap.code, 'invalid_message', 'sending it again cannot help');
  assert.equal(overlap.seq, 12);
  assert.match(overlap.type === 'error' ? overlap.message : '', /rows 1-2 overlap the stored rows 0-1/);
  assert.deepEqual(send(chunk(13, 2, 1)), { v: 1, type: 'ack', seq: 13 });
  assert.deepEqual(Array.from(app.tables.embedding.snapshots.read('run-1', 'embedding', 8)!.matrix), [0, 1, 2, 3, 4, 5]);
  const unknown = send({ ...chunk(14, 0, 1), runId: 'nobody' });
  assert.equal(unknown.type === 'error' && unknown.code, 'unknown_run');
});
