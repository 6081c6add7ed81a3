import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ModelGraph } from '../../../lib/kinds/graph/meta';
import type { OpNode } from '../../../lib/kinds/op-graph/meta';
import { opGraphModel } from '../../../lib/view/op-graph/op-graph-model';

const op = (name: string, inputs: string[] = [], outputShapes: (number[] | null)[] = [[-1, 4]]): OpNode => ({ name, op: 'Op', inputs, device: '', outputShapes });

const edges = (g: ModelGraph) => g.edges.map((e) => `${e.source} -> ${e.target}`);
const ids = (g: ModelGraph) => g.nodes.map((n) => n.id);
const inner = (g: ModelGraph, id: string) => g.nodes.find((n) => n.id === id)!.nested!;

test('ops are grouped by name scope; an input across scopes is one edge between the boxes that part them', () => {
  const graph = opGraphModel({
    nodes: [
      op('x'),
      op('model/dense/MatMul', ['x', 'model/dense/kernel']),
      op('model/dense/kernel'),
      op('model/dense/BiasAdd', ['model/dense/MatMul:0', 'model/dense/bias']),
      op('model/dense/bias'),
      op('model/out/Softmax', ['model/dense/BiasAdd', '^init']),
      op('loss/Mean', ['model/out/Softmax', 'model/dense/BiasAdd']),
      op('init'),
    ],
  });
  assert.deepEqual(ids(graph), ['model/', 'loss/', 'x', 'init']);
  assert.deepEqual(edges(graph), ['x -> model/', 'init -> model/', 'model/ -> loss/'], 'two inputs from model/ into loss/ are one edge');
  const model = inner(graph, 'model/');
  assert.deepEqual(ids(model), ['model/dense/', 'model/out/']);
  assert.deepEqual(edges(model), ['model/dense/ -> model/out/']);
  const dense = inner(model, 'model/dense/');
  assert.deepEqual(edges(dense).sort(), ['model/dense/MatMul -> model/dense/BiasAdd', 'model/dense/bias -> model/dense/BiasAdd', 'model/dense/kernel -> model/dense/MatMul']);
  const matmul = dense.nodes.find((n) => n.id === 'model/dense/MatMul')!;
  assert.deepEqual([matmul.name, matmul.className, matmul.inputShapes, matmul.outputShapes], ['MatMul', 'Op', [[[null, 4], [null, 4]]], [[[null, 4]]]]);
});

test('an op named like a scope stays apart from it, and inputs naming no op are dropped', () => {
  const graph = opGraphModel({ nodes: [op('dense'), op('dense/MatMul', ['dense', 'ghost'], [null])] });
  assert.deepEqual(ids(graph), ['dense/', 'dense']);
  assert.deepEqual(edges(graph), ['dense -> dense/']);
  assert.deepEqual(inner(graph, 'dense/').edges, []);
});
