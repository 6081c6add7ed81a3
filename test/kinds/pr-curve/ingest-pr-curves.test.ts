import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestHarness } from '../../helpers/ingest-harness';

const curve = (step: number, tp: number[]) => ({
  tag: 'eval/pr',
  step,
  wallTime: 1000 + step,
  thresholds: [0.25, 0.5, 0.75, 1],
  truePositives: tp,
  falsePositives: [6, 4, 2, 0],
  trueNegatives: [0, 2, 4, 6],
  falseNegatives: tp.map((x) => 4 - x),
  precision: tp.map((x, i) => x / Math.max(1, x + [6, 4, 2, 0][i])),
  recall: tp.map((x) => x / 4),
});

test('PR curves are stored per tag and step, read back column for column, and a step logged again takes the last', (t) => {
  const { app, send } = ingestHarness(t);
  assert.deepEqual(send({ v: 1, seq: 2, type: 'pr-curves', runId: 'run-1', curves: [curve(0, [4, 3, 2, 0]), curve(5, [4, 4, 3, 1])] }), { v: 1, type: 'ack', seq: 2 });
  send({ v: 1, seq: 3, type: 'pr-curves', runId: 'run-1', curves: [curve(0, [4, 2, 1, 0])] });
  assert.deepEqual(app.read['pr-curve'].tags('run-1'), [{ tag: 'eval/pr', count: 2, firstStep: 0, lastStep: 5 }]);
  const { curves } = app.read['pr-curve'].series('run-1', 'eval/pr');
  assert.deepEqual(curves.map((c) => [c.step, c.truePositives]), [[0, [4, 2, 1, 0]], [5, [4, 4, 3, 1]]]);
  assert.deepEqual(curves[1], { step: 5, wallTime: 1005, ...(({ tag: _tag, step: _step, wallTime: _w, ...rest }) => rest)(curve(5, [4, 4, 3, 1])) });
});

test('a curve whose columns differ in length, or whose thresholds do not rise within [0, 1], is refused', (t) => {
  const { app, send } = ingestHarness(t);
  const short = send({ v: 1, seq: 2, type: 'pr-curves', runId: 'run-1', curves: [{ ...curve(0, [4, 3, 2, 0]), recall: [1] }] });
  assert.match((short as { message: string }).message, /every column needs one value per threshold/);
  const falling = send({ v: 1, seq: 3, type: 'pr-curves', runId: 'run-1', curves: [{ ...curve(0, [4, 3, 2, 0]), thresholds: [0.5, 0.25, 0.75, 2] }] });
  assert.match((falling as { message: string }).message, /thresholds rise within \[0, 1\]/);
  assert.deepEqual(app.read['pr-curve'].tags('run-1'), []);
});
