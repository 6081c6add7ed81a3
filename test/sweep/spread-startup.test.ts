import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dimensionOf } from '../../lib/sweep/dimension';
import type { Axis } from '../../lib/sweep/joint-parzen';
import { trialRng, type Observation, type Params } from '../../lib/sweep/sampler';
import { parseSpace, type SearchSpace } from '../../lib/sweep/space';
import { farthestCandidate } from '../../lib/sweep/startup-design';
import { TpeSampler, type TpeArgs } from '../../lib/sweep/tpe-sampler';

function space(...texts: string[]): SearchSpace {
  const parsed = parseSpace(texts);
  assert.ok(parsed.ok);
  return parsed.value;
}

/** The startup trials of a sweep with the given seed (startup only: every value is 0). */
function startup(s: SearchSpace, args: TpeArgs, trials: number, seed: number): Params[] {
  const sampler = new TpeSampler(s, { startupTrials: trials, ...args });
  const history: Observation[] = [];
  for (let i = 0; i < trials; i++) history.push({ params: sampler.propose(history, trialRng(seed, i)), value: 0 });
  return history.map((t) => t.params);
}

test('the farthest candidate is the one whose nearest trial is farthest, on scaled axes', () => {
  // x spans 0..10 and y 0..1, so a gap of 5 in x weighs as much as 0.5 in y.
  const axes: Axis[] = [{ dim: dimensionOf({ name: 'x', kind: 'uniform', low: 0, high: 10 }) }, { dim: dimensionOf({ name: 'y', kind: 'uniform', low: 0, high: 1 }) }];
  const seen = [[0, 0], [10, 1]];
  assert.equal(farthestCandidate([[1, 0.1], [5, 0.5], [9, 0.8]], seen, axes), 1);
  assert.equal(farthestCandidate([[2, 0], [0, 0.6]], seen, axes), 1, 'y gap 0.6 beats x gap 2 of 10');
  assert.equal(farthestCandidate([[3, 0.3], [5, 0.5]], [], axes), 0, 'with no trials yet, the first draw');
  const choices: Axis[] = [{ choices: ['adam', 'sgd', 'rmsprop'] }];
  assert.equal(farthestCandidate([[0], [1], [2]], [[0], [1]], choices), 2, 'an unseen choice is a whole axis away');
});

test('the startup spreads over the box: no trial crowds another as random draws do', () => {
  const s = space('x=uniform:-5:10', 'y=uniform:0:15');
  const nearest = (trials: Params[]) =>
    Math.min(...trials.flatMap((a, i) => trials.slice(i + 1).map((b) => Math.hypot(((a.x as number) - (b.x as number)) / 15, ((a.y as number) - (b.y as number)) / 15))));
  const seeds = Array.from({ length: 30 }, (_, i) => i + 1);
  const spread = seeds.map((seed) => nearest(startup(s, { goal: 'min' }, 5, seed)));
  const random = seeds.map((seed) => nearest(startup(s, { goal: 'min', startupCandidates: 1 }, 5, seed)));
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  // Five independent points in the unit square lie a mean of about 0.15 from their closest pair.
  assert.ok(mean(random) < 0.22, `random: ${mean(random)}`);
  assert.ok(mean(spread) > 0.3, `spread: ${mean(spread)}`);
  assert.ok(Math.min(...spread) > 0.25, `closest pair of any spread startup: ${Math.min(...spread)}`);
  for (const seed of seeds) {
    for (const p of startup(s, { goal: 'min' }, 5, seed)) assert.ok((p.x as number) >= -5 && (p.x as number) <= 10 && (p.y as number) >= 0 && (p.y as number) <= 15);
  }
});

test('three startup trials over three choices try every choice', () => {
  const s = space('opt=choice:adam,sgd,rmsprop');
  for (let seed = 1; seed <= 20; seed++) {
    assert.deepEqual(new Set(startup(s, { goal: 'min' }, 3, seed).map((p) => p.opt)).size, 3, `seed ${seed}`);
  }
});

test('TPE needs at least one startup candidate', () => {
  assert.throws(() => new TpeSampler(space('x=uniform:0:1'), { goal: 'min', startupCandidates: 0 }), /startupCandidates must be a positive integer, got 0/);
});
