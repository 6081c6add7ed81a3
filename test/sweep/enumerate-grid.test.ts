import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GridSampler } from '../../lib/sweep/grid-sampler';
import type { Observation, Params } from '../../lib/sweep/sampler';
import { parseSpace, type SearchSpace } from '../../lib/sweep/space';

function space(...texts: string[]): SearchSpace {
  const parsed = parseSpace(texts);
  assert.ok(parsed.ok);
  return parsed.value;
}

/** Propose until the grid says it is exhausted, recording each point as a finished trial. */
function walk(sampler: GridSampler): Params[] {
  const history: Observation[] = [];
  for (let params = sampler.propose(history); params; params = sampler.propose(history)) history.push({ params, value: 0 });
  return history.map((trial) => trial.params);
}

test('the grid walks every combination once, the last param fastest, then says it is exhausted', () => {
  const sampler = new GridSampler(space('bs=choice:32,64', 'opt=choice:adam,sgd', 'dropout=uniform:0:0.5'), 3);
  assert.equal(sampler.size, 12);
  const points = walk(sampler);
  assert.equal(points.length, 12);
  assert.deepEqual(points.slice(0, 4), [
    { bs: 32, opt: 'adam', dropout: 0 },
    { bs: 32, opt: 'adam', dropout: 0.25 },
    { bs: 32, opt: 'adam', dropout: 0.5 },
    { bs: 32, opt: 'sgd', dropout: 0 },
  ]);
  assert.deepEqual(points[11], { bs: 64, opt: 'sgd', dropout: 0.5 });
  assert.equal(new Set(points.map((p) => JSON.stringify(p))).size, 12);
  assert.equal(sampler.propose(points.map((params) => ({ params, value: null }))), null);
});

test('numeric axes: log-spaced for loguniform, whole numbers for int, all values of a short int range', () => {
  assert.deepEqual(walk(new GridSampler(space('lr=loguniform:1e-4:1e-2'), 3)).map((p) => p.lr), [1e-4, 1e-3, 1e-2]);
  assert.deepEqual(walk(new GridSampler(space('filters=int:16:64'), 4)).map((p) => p.filters), [16, 32, 48, 64]);
  assert.deepEqual(walk(new GridSampler(space('layers=int:1:3'), 5)).map((p) => p.layers), [1, 2, 3]);
  assert.deepEqual(walk(new GridSampler(space('units=qloguniform:16:256:16'), 3)).map((p) => p.units), [16, 64, 256]);
  assert.deepEqual(walk(new GridSampler(space('x=uniform:0:1'), 1)).map((p) => p.x), [0.5]);
});

test('the next point is the first one no trial has taken, whatever order trials came back in', () => {
  const sampler = new GridSampler(space('a=choice:1,2,3'), 2);
  assert.deepEqual(sampler.propose([{ params: { a: 2 }, value: 0.5 }]), { a: 1 });
  assert.deepEqual(sampler.propose([{ params: { a: 1 }, value: null }, { params: { a: 3 }, value: 0.1 }]), { a: 2 });
});

test('grid points per param must be a positive integer', () => {
  assert.throws(() => new GridSampler(space('x=uniform:0:1'), 0), /positive integer, got 0/);
});
