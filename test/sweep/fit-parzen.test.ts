import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seededRandom } from '../../lib/seeded-random';
import { categoricalProbs, choiceKernels } from '../../lib/sweep/categorical-parzen';
import { dimensionOf } from '../../lib/sweep/dimension';
import { erfc, normalMass } from '../../lib/sweep/gaussian';
import { JointParzen } from '../../lib/sweep/joint-parzen';
import { adaptiveParzen, forgettingWeights, mixtureLogMass, mixtureLogPdf, parzenKernels, sampleMixture } from '../../lib/sweep/parzen';

const ARGS = { priorWeight: 1, forgetting: 25 };

function close(actual: number, expected: number, tolerance: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual}, expected ${expected} ± ${tolerance}`);
}

/** Midpoint rule over [low, high]. */
function integrate(f: (x: number) => number, low: number, high: number, steps = 4000): number {
  const h = (high - low) / steps;
  let sum = 0;
  for (let i = 0; i < steps; i++) sum += f(low + (i + 0.5) * h);
  return sum * h;
}

test('erfc keeps its relative precision far into the tail', () => {
  const known: [number, number][] = [
    [0, 1],
    [0.5, 0.4795001221869535],
    [1, 0.15729920705028513],
    [-1, 1.8427007929497148],
    [2, 0.004677734981047266],
    [5, 1.5374597944280349e-12],
  ];
  for (const [x, value] of known) close(erfc(x) / value, 1, 2e-7, `erfc(${x})`);
  close(normalMass(-1.959964, 1.959964, 0, 1), 0.95, 1e-6, 'central 95%');
  close(normalMass(6, 6.1, 0, 1) / 4.5624531874281574e-10, 1, 1e-5, 'a narrow cell six sigmas out');
});

test('bandwidths: the larger gap to a neighbour, the prior among the neighbours, clipped', () => {
  // Sorted with the prior's mean: 0.2, 0.3, 0.5 (prior), 0.9; the clip is [1 / min(100, 4 + 1), 1].
  const kernels = parzenKernels([0.9, 0.2, 0.3], 0, 1, ARGS);
  assert.deepEqual(kernels.mus, [0.9, 0.2, 0.3, 0.5]);
  kernels.sigmas.forEach((sigma, i) => close(sigma, [0.4, 0.2, 0.2, 1][i], 1e-12, `sigma ${i}`));
  assert.deepEqual(kernels.weights, [0.25, 0.25, 0.25, 0.25]);
  // Many observations at one place shrink their bandwidth to the clip, width / min(100, n + 2).
  const crowded = parzenKernels(new Array(200).fill(0.3), 0, 1, ARGS);
  close(crowded.sigmas[0], 0.01, 1e-12, 'clipped sigma');
});

test('older observations weigh less past the forgetting horizon', () => {
  assert.deepEqual(forgettingWeights(3, 25), [1, 1, 1]);
  const weights = forgettingWeights(30, 25);
  close(weights[0], 1 / 30, 1e-12, 'oldest');
  assert.ok(weights.slice(0, 5).every((w, i) => i === 0 || w > weights[i - 1]), 'ramps up');
  assert.deepEqual(weights.slice(4), new Array(26).fill(1));
});

test('the truncated mixture is a density on its interval, and draws follow it', () => {
  const m = adaptiveParzen([0.05, 0.1, 0.95], 0, 1, ARGS);
  close(integrate((x) => Math.exp(mixtureLogPdf(m, x)), 0, 1), 1, 1e-6, 'integral of the pdf');
  close(mixtureLogMass(m, 0, 1), 0, 1e-9, 'log mass of the whole interval');
  const rng = seededRandom(3);
  const draws = Array.from({ length: 10_000 }, () => sampleMixture(m, rng));
  assert.ok(draws.every((x) => x >= 0 && x <= 1));
  const below = draws.filter((x) => x < 0.2).length / draws.length;
  close(below, Math.exp(mixtureLogMass(m, 0, 0.2)), 0.02, 'share of draws below 0.2');
});

test('choice estimators: prior pseudo-counts alone, and smoothed per-observation kernels', () => {
  const probs = categoricalProbs([0, 0, 2], 3, ARGS);
  probs.forEach((p, i) => close(p, [3 / 6, 1 / 6, 2 / 6][i], 1e-12, `choice ${i}`));
  const rows = choiceKernels([1], 3, 1);
  rows[0].forEach((p, i) => close(p, [0.5 / 2.5, 1.5 / 2.5, 0.5 / 2.5][i], 1e-12, `kernel choice ${i}`));
  assert.deepEqual(rows[1], [1 / 3, 1 / 3, 1 / 3]);
});

test('the joint estimator is a density over numeric and choice params together', () => {
  const dim = dimensionOf({ name: 'x', kind: 'uniform', low: 0, high: 2 });
  const joint = new JointParzen([{ dim }, { choices: ['a', 'b'] }], [[0.3, 0], [1.7, 1], [0.4, 0]], ARGS);
  const total = [0, 1].reduce((s, c) => s + integrate((x) => Math.exp(joint.logDensity([x, c])), 0, 2), 0);
  close(total, 1, 1e-6, 'integral over x, summed over the choices');
  // It remembers which values came together: x near 0.3 goes with choice a, x near 1.7 with b.
  assert.ok(joint.logDensity([0.35, 0]) > joint.logDensity([0.35, 1]));
  assert.ok(joint.logDensity([1.7, 1]) > joint.logDensity([1.7, 0]));
  const rng = seededRandom(5);
  const draws = Array.from({ length: 5000 }, () => joint.draw(rng));
  assert.ok(draws.every(([x, c]) => x >= 0 && x <= 2 && (c === 0 || c === 1)));
});

test('a quantised param is scored by the mass of its cell', () => {
  const dim = dimensionOf({ name: 'n', kind: 'int', low: 1, high: 4, q: 1 });
  const joint = new JointParzen([{ dim }], [[2], [2]], ARGS);
  const total = [1, 2, 3, 4].reduce((s, v) => s + Math.exp(joint.logDensity([v])), 0);
  close(total, 1, 1e-6, 'the cells of 1..4 hold all the mass');
  assert.ok(joint.logDensity([2]) > joint.logDensity([4]));
});
