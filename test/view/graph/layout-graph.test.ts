import { test } from 'node:test';
import assert from 'node:assert/strict';
import ELK from 'elkjs/lib/elk.bundled.js';
import { extractGraph } from '../../../trainer/graph/extract-graph';
import { buildInception } from '../../../trainer/models/inception';
import { buildSharedVision } from '../../../trainer/models/shared-vision';
import { layoutGraph, nodeKey, type PlacedGraph, type PlacedNode } from '../../../lib/view/graph/graph-layout';

const elk = new ELK();

const overlaps = (a: PlacedNode, b: PlacedNode) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every edge leaves its source's bottom side and enters its target's top side: the graph reads downwards. */
function assertEdgesJoinBoxes(placed: PlacedGraph) {
  const byId = new Map(placed.nodes.map((n) => [n.node.id, n]));
  for (const { edge, points } of placed.edges) {
    const source = byId.get(edge.source)!;
    const target = byId.get(edge.target)!;
    const [start, end] = [points[0], points.at(-1)!];
    assert.equal(start.y, source.y + source.height, `${edge.source} → ${edge.target} starts at the source's bottom`);
    assert.ok(start.x >= source.x && start.x <= source.x + source.width);
    assert.equal(end.y, target.y, `${edge.source} → ${edge.target} ends at the target's top`);
    assert.ok(end.x >= target.x && end.x <= target.x + target.width);
  }
}

test('the inception graph is laid out top to bottom with no overlapping layers', async () => {
  const graph = extractGraph(buildInception({ imageSize: 16, classes: 3 }));
  const placed = await layoutGraph(elk, graph, { expanded: new Set(), withStats: true });
  assert.equal(placed.nodes.length, graph.nodes.length);
  assert.equal(placed.edges.length, graph.edges.length);
  for (const [i, a] of placed.nodes.entries()) for (const b of placed.nodes.slice(i + 1)) assert.ok(!overlaps(a, b), `${a.key} overlaps ${b.key}`);
  assertEdgesJoinBoxes(placed);
  const concat = placed.nodes.find((n) => n.node.id === 'inception_concat')!;
  const branchEnds = placed.nodes.filter((n) => ['branch_a_1x1', 'branch_b_3x3', 'branch_c_3x3', 'branch_d_3x3_1'].includes(n.node.id));
  assert.ok(branchEnds.every((b) => b.y + b.height < concat.y), 'the four branches sit above the concatenate');
  assert.equal(new Set(branchEnds.map((b) => b.x)).size, 4, 'side by side');
});

test('a nested model opens into a box holding its own layers; shared calls get labelled edges', async () => {
  const graph = extractGraph(buildSharedVision({ imageSize: 16 }));
  const closed = await layoutGraph(elk, graph, { expanded: new Set(), withStats: false });
  assert.equal(closed.nodes.find((n) => n.node.id === 'vision_base')!.inner, undefined);
  assert.deepEqual(closed.edges.map((e) => e.label?.text), ['call 1', 'call 2', 'call 1', 'call 2', undefined, undefined]);

  const open = await layoutGraph(elk, graph, { expanded: new Set(['vision_base']), withStats: false });
  const base = open.nodes.find((n) => n.node.id === 'vision_base')!;
  const inner = base.inner!;
  assert.deepEqual(inner.nodes.map((n) => n.key), graph.nodes[2].nested!.nodes.map((n) => nodeKey('vision_base', n.id)));
  for (const n of inner.nodes) assert.ok(n.x >= 0 && n.y > 0 && n.x + n.width <= base.width && n.y + n.height <= base.height, `${n.key} inside the box`);
  assertEdgesJoinBoxes(inner);
  assertEdgesJoinBoxes(open);
  assert.ok(base.height > closed.nodes.find((n) => n.node.id === 'vision_base')!.height * 4);
});
