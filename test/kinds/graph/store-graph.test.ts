import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorResponse } from '../../../lib/api/error-response';
import { modelGraphSchema } from '../../../lib/kinds/graph/schema';
import { MAX_GRAPH_DEPTH, MAX_GRAPH_NODES, type GraphNode, type ModelGraph } from '../../../lib/kinds/graph/meta';
import { ingestHarness } from '../../helpers/ingest-harness';

const layer = (id: string, extra: Partial<GraphNode> = {}): GraphNode => ({
  id,
  className: 'Dense',
  name: id,
  callSites: 1,
  inputShapes: [[[null, 4]]],
  outputShapes: [[[null, 4]]],
  params: 20,
  ...extra,
});

/** input → dense → out, optionally with `inner` nested as the dense layer's graph. */
function chain(inner?: ModelGraph): ModelGraph {
  return {
    name: 'm',
    className: 'Model',
    nodes: [layer('input', { className: 'InputLayer', params: 0, input: 0 }), layer('dense', inner ? { nested: inner } : {}), layer('out')],
    edges: [
      { source: 'input', sourceCallSite: 0, sourceTensor: 0, target: 'dense', targetCallSite: 0, targetInput: 0 },
      { source: 'dense', sourceCallSite: 0, sourceTensor: 0, target: 'out', targetCallSite: 0, targetInput: 0 },
    ],
    outputs: [{ node: 'out', callSite: 0, tensor: 0 }],
  };
}

function nestedDeep(levels: number): ModelGraph {
  let graph = chain();
  for (let i = 0; i < levels; i++) graph = chain(graph);
  return graph;
}


const issues = (graph: unknown) => {
  const parsed = modelGraphSchema.safeParse(graph);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

test('a graph message is acked, stored once per run, and a resend replaces it', (t) => {
  const { app, send } = ingestHarness(t);
  assert.deepEqual(send({ v: 1, seq: 2, type: 'graph', runId: 'run-1', graph: chain() }), { v: 1, type: 'ack', seq: 2 });
  assert.deepEqual(app.read.graph.graph('run-1'), { runId: 'run-1', ...chain() });
  const nested = chain(chain());
  assert.equal(send({ v: 1, seq: 3, type: 'graph', runId: 'run-1', graph: nested }).type, 'ack');
  assert.deepEqual(app.tables.graph.read('run-1'), { version: 1, graph: nested });
});

test('a graph for an unknown run, or an invalid one, is refused with a reason and stores nothing', (t) => {
  const { app, send } = ingestHarness(t);
  const unknown = send({ v: 1, seq: 2, type: 'graph', runId: 'nope', graph: chain() });
  assert.equal(unknown.type === 'error' && unknown.code, 'unknown_run');
  const broken = { ...chain(), edges: [{ source: 'input', sourceCallSite: 0, sourceTensor: 0, target: 'ghost', targetCallSite: 0, targetInput: 0 }] };
  const reply = send({ v: 1, seq: 3, type: 'graph', runId: 'run-1', graph: broken });
  assert.equal(reply.type, 'error');
  assert.match(reply.type === 'error' ? reply.message : '', /graph\.edges\.0\.target: no node "ghost"/);
  assert.equal(app.tables.graph.read('run-1'), null);
});

test('the schema checks ids, references, call sites, tensors, nesting depth and size', () => {
  assert.deepEqual(issues(chain()), []);
  const g = chain();
  assert.deepEqual(issues({ ...g, nodes: [...g.nodes, layer('out')] }), ['nodes.3.id: node id "out" is not unique']);
  assert.deepEqual(issues({ ...g, edges: [{ ...g.edges[0], sourceCallSite: 1 }] }), ['edges.0.source: node "input" has 1 call site(s), not 2']);
  assert.deepEqual(issues({ ...g, edges: [{ ...g.edges[0], targetInput: 1 }] }), ['edges.0.target: call 0 of node "dense" has 1 input(s), not 2']);
  assert.deepEqual(issues({ ...g, outputs: [{ node: 'out', callSite: 0, tensor: 3 }] }), ['outputs.0: call 0 of node "out" has 1 output(s), not 4']);
  assert.deepEqual(issues({ ...g, nodes: [layer('input', { callSites: 2 }), ...g.nodes.slice(1)] }), ['nodes.0.callSites: inputShapes and outputShapes need one entry per call site']);
  assert.deepEqual(issues(nestedDeep(MAX_GRAPH_DEPTH)), [], 'nesting up to the cap is fine');
  const tooDeep = issues(nestedDeep(MAX_GRAPH_DEPTH + 1));
  assert.equal(tooDeep.length, 1);
  assert.match(tooDeep[0], new RegExp(`models nest at most ${MAX_GRAPH_DEPTH} deep`));
  const wide = Array.from({ length: MAX_GRAPH_NODES + 1 }, (_, i) => layer(`n${i}`));
  assert.match(issues({ ...g, nodes: wide, edges: [], outputs: [{ node: 'n0', callSite: 0, tensor: 0 }] }).join(), /nodes: Too big/);
  assert.match(issues({ ...g, nodes: [layer('input', { name: 'x'.repeat(201) }), ...g.nodes.slice(1)] }).join(), /nodes\.0\.name/);
});

test('GET graph: 404 with a JSON error for an unknown run and for a run without a graph', async (t) => {
  const { app } = ingestHarness(t);
  for (const [runId, message] of [
    ['nope', 'run "nope" not found'],
    ['run-1', 'run "run-1" has no model graph'],
  ]) {
    let thrown: unknown;
    assert.throws(() => app.read.graph.graph(runId), (e) => ((thrown = e), true));
    const response = errorResponse(thrown);
    assert.equal(response.status, 404);
    assert.deepEqual(await response.json(), { error: { code: 'not_found', message } });
  }
});
