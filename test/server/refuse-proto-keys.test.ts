import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestHarness, outcome } from '../helpers/ingest-harness';

const RULE = /"__proto__" cannot be a key or tag: JavaScript objects would silently drop it/;
const runStart = (config: string) => `{"v":1,"seq":5,"type":"run.start","run":{"id":"p","name":"p","startedAt":1,"config":${config}}}`;
const event = (data: string) => `{"v":1,"seq":5,"type":"events","runId":"run-1","events":[{"step":1,"wallTime":1,"kind":"note","reason":"why","data":${data}}]}`;
const scalars = (tag: string) => ({ v: 1, seq: 5, type: 'scalars', runId: 'run-1', points: [{ tag, steps: [1], wallTimes: [1], values: [1] }] });

const cases: [string, unknown, string][] = [
  ['a config key', runStart('{"__proto__":{"polluted":true},"lr":0.1}'), 'run.config.__proto__'],
  ['a nested config key', runStart('{"optimizer":{"name":"adam","__proto__":1}}'), 'run.config.optimizer.__proto__'],
  ['an event data key', event('{"__proto__":1,"lr":0.1}'), 'events.0.data.__proto__'],
  ['a tag', scalars('__proto__'), 'points.0.tag'],
  ['a tag segment', scalars('epoch/__proto__'), 'points.0.tag'],
];

for (const [where, message, path] of cases) {
  test(`"__proto__" as ${where} is refused with a reason, never dropped silently`, (t) => {
    const { app, send } = ingestHarness(t);
    const [code, text] = outcome(send(message));
    assert.equal(code, 'invalid_message');
    assert.ok(text.startsWith(`${path}: `), text);
    assert.match(text, RULE);
    assert.deepEqual(app.store.listRuns().map((r) => r.id), ['run-1']);
    assert.deepEqual(app.read.event.list('run-1').events, []);
    assert.deepEqual(app.read.scalar.tags('run-1'), []);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
}

test('keys that merely look special are stored and returned as sent', (t) => {
  const { app, send } = ingestHarness(t);
  assert.deepEqual(outcome(send(runStart('{"constructor":1,"prototype":{"x":2},"__proto":3}'))), ['ack', '']);
  assert.deepEqual(app.store.getRun('p')!.config, { constructor: 1, prototype: { x: 2 }, __proto: 3 });
  assert.deepEqual(outcome(send(event('{"constructor":"c"}'))), ['ack', '']);
  assert.deepEqual(app.read.event.list('run-1').events[0].data, { constructor: 'c' });
});
