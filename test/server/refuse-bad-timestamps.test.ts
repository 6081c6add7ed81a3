import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestHarness } from '../helpers/ingest-harness';

/** `date +%s%N`: what a client that means nanoseconds sends. */
const NANOSECONDS = 1.7e18;
const MICROSECONDS = 1.7e15;

const histogram = (wallTime: number) => ({ tag: 'h', step: 1, wallTime, min: 0, max: 1, count: 1, sum: 0, sumSquares: 0, nanCount: 0, posInfCount: 0, negInfCount: 0, counts: [1] });
const embedding = (wallTime: number) => ({ tag: 'e', step: 1, epoch: 1, wallTime, rows: 1, dim: 1, rowOffset: 0, chunkRows: 1, values: Buffer.from(new Float32Array([1]).buffer).toString('base64') });

const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('base64');
const image = (wallTime: number) => ({ tag: 'i', step: 1, sample: 0, wallTime, width: 1, height: 1, contentType: 'image/png', data: png });
const prCurve = (wallTime: number) => ({
  tag: 'pr', step: 1, wallTime, thresholds: [1], truePositives: [1], falsePositives: [0], trueNegatives: [0], falseNegatives: [0], precision: [1], recall: [1],
});

const cases: [string, (at: number) => unknown, RegExp][] = [
  ['run.startedAt', (at) => ({ v: 1, seq: 5, type: 'run.start', run: { id: 'r2', name: 'r2', startedAt: at } }), /run\.startedAt/],
  ['run.status at', (at) => ({ v: 1, seq: 5, type: 'run.status', runId: 'run-1', status: 'finished', at }), /^at:/],
  ['a scalar wall time', (at) => ({ v: 1, seq: 5, type: 'scalars', runId: 'run-1', points: [{ tag: 'loss', steps: [1, 2], wallTimes: [1_700_000_000_000, at], values: [1, 2] }] }), /points\.0\.wallTimes\.1/],
  ['a histogram wall time', (at) => ({ v: 1, seq: 5, type: 'histograms', runId: 'run-1', histograms: [histogram(at)] }), /histograms\.0\.wallTime/],
  ['an event wall time', (at) => ({ v: 1, seq: 5, type: 'events', runId: 'run-1', events: [{ step: 1, wallTime: at, kind: 'note', reason: 'x' }] }), /events\.0\.wallTime/],
  ['an embedding wall time', (at) => ({ v: 1, seq: 5, type: 'embedding', runId: 'run-1', ...embedding(at) }), /wallTime/],
  ['a text wall time', (at) => ({ v: 1, seq: 5, type: 'text', runId: 'run-1', entries: [{ tag: 't', step: 1, wallTime: at, text: 'x' }] }), /entries\.0\.wallTime/],
  ['an image wall time', (at) => ({ v: 1, seq: 5, type: 'images', runId: 'run-1', images: [image(at)] }), /images\.0\.wallTime/],
  ['a PR curve wall time', (at) => ({ v: 1, seq: 5, type: 'pr-curves', runId: 'run-1', curves: [prCurve(at)] }), /curves\.0\.wallTime/],
];

for (const [field, message, path] of cases) {
  for (const [unit, at] of [['nanoseconds', NANOSECONDS], ['microseconds', MICROSECONDS], ['a negative time', -1]] as const) {
    test(`${field} in ${unit} is refused as invalid_message naming the field and asking for milliseconds`, (t) => {
      const { app, send } = ingestHarness(t);
      const reply = send(message(at));
      assert.equal(reply.type === 'error' && reply.code, 'invalid_message');
      assert.equal(reply.seq, 5);
      const text = reply.type === 'error' ? reply.message : '';
      assert.match(text, path);
      assert.match(text, /milliseconds/);
      assert.deepEqual(app.store.listRuns().map((r) => [r.id, r.status]), [['run-1', 'running']], 'nothing stored');
      assert.deepEqual(app.read.scalar.tags('run-1'), []);
      assert.deepEqual([app.read.image.tags('run-1'), app.read['pr-curve'].tags('run-1')], [[], []]);
    });
  }
}
