import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestHarness } from '../../helpers/ingest-harness';

const nodes = [
  { name: 'x', op: 'Placeholder', inputs: [], device: '', outputShapes: [[-1, 4]], dtype: 'float32' },
  { name: 'dense/MatMul', op: 'MatMul', inputs: ['x', 'dense/kernel', '^init'], device: '/device:CPU:0', outputShapes: [null] },
];

test('an op graph is stored whole per run, replaced by another, and refused when names repeat', (t) => {
  const { app, send } = ingestHarness(t);
  assert.throws(() => app.read['op-graph'].graph('run-1'), /has no op graph/);
  assert.deepEqual(send({ v: 1, seq: 2, type: 'op-graph', runId: 'run-1', graph: { nodes } }), { v: 1, type: 'ack', seq: 2 });
  assert.deepEqual(app.read['op-graph'].graph('run-1'), { runId: 'run-1', nodes });
  send({ v: 1, seq: 3, type: 'op-graph', runId: 'run-1', graph: { nodes: nodes.slice(0, 1) } });
  assert.equal(app.read['op-graph'].find('run-1')!.nodes.length, 1);
  const twice = send({ v: 1, seq: 4, type: 'op-graph', runId: 'run-1', graph: { nodes: [nodes[0], nodes[0]] } });
  assert.match((twice as { message: string }).message, /node names must be unique/);
});
