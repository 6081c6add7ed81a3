import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestHarness } from '../helpers/ingest-harness';

const node = (extra = {}) => ({ id: 'a', className: 'Dense', name: 'a', callSites: 1, inputShapes: [[[null, 2]]], outputShapes: [[[null, 2]]], params: 3, ...extra });
const graph = (extra: object) => ({
  v: 1, seq: 9, type: 'graph', runId: 'run-1',
  graph: { name: 'm', className: 'Model', nodes: [node()], edges: [], outputs: [{ node: 'a', callSite: 0, tensor: 0 }], ...extra },
});
const selfEdge = { source: 'a', sourceCallSite: 0, sourceTensor: 0, target: 'a', targetCallSite: 0, targetInput: 0 };
const nested = (depth: number, open: string, close: string) => `${open.repeat(depth)}1${close.repeat(depth)}`;
const runStart = (config: string) => `{"v":1,"seq":9,"type":"run.start","run":{"id":"deep","name":"deep","startedAt":1,"config":${config}}}`;
const chunk = (rows: number, dim: number) => ({
  v: 1, seq: 9, type: 'embedding', runId: 'run-1', tag: 'emb', step: 1, epoch: 1, wallTime: 1, rows, dim, rowOffset: 0, chunkRows: 1,
  values: Buffer.from(new Float32Array(dim).buffer).toString('base64'),
});

const cases: [string, unknown, RegExp][] = [
  ['a graph output at call site -1', graph({ outputs: [{ node: 'a', callSite: -1, tensor: 0 }] }), /^graph\.outputs\.0\.callSite: /],
  ['a graph node with no input shapes', graph({ nodes: [node({ inputShapes: [] })], edges: [selfEdge] }), /^graph\.nodes\.0\.inputShapes: /],
  ['a config nested 10,000 objects deep', runStart(`{"a":${nested(10_000, '{"a":', '}')}}`), /^run\.config\.a(\.a){31}: JSON nests at most 32 levels deep/],
  ['a config nested 100,000 arrays deep', runStart(`{"a":${nested(100_000, '[', ']')}}`), /^run\.config\.a(\.0){31}: JSON nests at most 32 levels deep/],
];

for (const [name, message, pattern] of cases) {
  test(`${name} is an invalid_message with its seq and the field named`, (t) => {
    const { send } = ingestHarness(t);
    const reply = send(message);
    assert.equal(reply.type === 'error' && reply.code, 'invalid_message', JSON.stringify(reply));
    assert.equal(reply.seq, 9);
    assert.match(reply.type === 'error' ? reply.message : '', pattern);
  });
}

test('an embedding chunk whose size disagrees with the stored snapshot is invalid, not a storage failure', (t) => {
  const { send, app } = ingestHarness(t);
  assert.equal(send(chunk(3, 2)).type, 'ack');
  const reply = send(chunk(4, 2));
  assert.equal(reply.type === 'error' && reply.code, 'invalid_message');
  assert.equal(reply.seq, 9);
  assert.match(reply.type === 'error' ? reply.message : '', /embedding "emb" at step 1 is 3 x 2; this chunk says 4 x 2/);
  assert.deepEqual(app.tables.embedding.snapshots.list('run-1'), []);
});

for (const [name, text] of [['null', 'null'], ['an array', '[{"v":1,"seq":3}]'], ['a string', '"scalars"']]) {
  test(`${name} instead of a message is an invalid_message asking for an object`, (t) => {
    const { send } = ingestHarness(t);
    const reply = send(text);
    assert.equal(reply.type === 'error' && reply.code, 'invalid_message');
    assert.match(reply.type === 'error' ? reply.message : '', /a message must be a JSON object/);
  });
}

test('a seq that is not a sequence number is not echoed', (t) => {
  const { send } = ingestHarness(t);
  for (const seq of [-1, 1.5, '7', 2 ** 60]) {
    const reply = send({ v: 1, seq, type: 'scalars', runId: 'run-1', points: [] });
    assert.equal(reply.type === 'error' && reply.code, 'invalid_message');
    assert.equal(reply.seq, null, String(seq));
  }
});
