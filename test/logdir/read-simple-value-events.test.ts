import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventDecoder } from '../../lib/logdir/event-decoder';
import { encodeEvent } from '../../lib/logdir/event-writer';
import { decodeSimpleValueEvent, encodeSimpleValueEvent } from '../../lib/logdir/simple-value-event';

const event = (wallTime: number, step: number, values: Record<string, unknown>[]) => encodeEvent({ wallTime, step, summary: { value: values } });

test('the hand-written simple_value event is byte for byte what protobufjs writes', () => {
  for (const [wallTime, step, tag, value] of [
    [1700000000.25, 0, 'loss', 0.5],
    [1700000000.5, 1, 'Metrics/Accuracy', -3.25],
    [1.5, 2 ** 40, 'ü/ñ tag', NaN],
    [0, 127, 'x'.repeat(300), Infinity],
  ] as const) {
    assert.deepEqual(Buffer.from(encodeSimpleValueEvent(wallTime, step, tag, value)), Buffer.from(event(wallTime, step, [{ tag, simpleValue: value }])), `${tag} at ${step}`);
  }
});

test('the fast path reads what the general decoder reads, several values per event included', () => {
  const general = (bytes: Uint8Array) => new EventDecoder({ other: 'hparams' }).decode(bytes);
  const cases = [
    event(1700000000.5, 3, [{ tag: 'loss', simpleValue: 0.25 }]),
    event(1700000001, 0, [{ tag: 'a', simpleValue: 1 }, { tag: 'b', simpleValue: -2 }]),
    event(1700000002, 2 ** 45, [{ tag: 'big step', simpleValue: 0 }]),
  ];
  for (const bytes of cases) assert.deepEqual(decodeSimpleValueEvent(bytes), general(bytes));
  assert.deepEqual(decodeSimpleValueEvent(cases[1])!.map((r) => [r.tag, r.step, r.wallTime, r.value]), [['a', 0, 1700000001000, 1], ['b', 0, 1700000001000, -2]]);
});

test('any other shape is left to the general decoder', () => {
  const shapes = [
    event(1, 5, [{ tag: 'loss', simpleValue: 1, metadata: { pluginData: { pluginName: 'scalars' } } }]),
    event(1, -1, [{ tag: 'loss', simpleValue: 1 }]),
    event(1, 2 ** 50, [{ tag: 'loss', simpleValue: 1 }]),
    event(1, 5, [{ tag: 'h', histo: { min: 0, max: 1, bucketLimit: [1], bucket: [2] } }]),
    encodeEvent({ wallTime: 1, fileVersion: 'brain.Event:2' }),
    event(1, 5, []),
  ];
  for (const bytes of shapes) assert.equal(decodeSimpleValueEvent(bytes), null);
  const negative = new EventDecoder().decode(shapes[1]);
  assert.deepEqual(negative, [{ kind: 'scalar', tag: 'loss', step: -1, wallTime: 1000, value: 1 }]);
});

test('a simple_value under a tag of plugin hparams is read by the general decoder', () => {
  const decoder = new EventDecoder({ _hparams_: 'hparams' });
  const records = decoder.decode(event(1, 0, [{ tag: '_hparams_', simpleValue: 1 }]));
  assert.deepEqual(records, [{ kind: 'other', tag: '_hparams_', step: 0, wallTime: 1000, plugin: 'hparams', reason: 'hparams summary without plugin content' }]);
});
