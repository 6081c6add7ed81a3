import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seededRandom } from '../../lib/seeded-random';
import { ensembleWeights, type EnsembleInput, type EnsembleWeights } from '../../lib/sweep/ensemble-weights';

function weigh(input: EnsembleInput, method: 'equal' | 'optimize' = 'optimize'): EnsembleWeights {
  const result = ensembleWeights(input, method);
  assert.ok(result.ok, result.ok ? '' : result.error);
  return result.value;
}

function close(actual: number, expected: number, tolerance: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual}, expected ${expected} ± ${tolerance}`);
}

const rng = seededRandom(17);
const labels = Array.from({ length: 400 }, () => (rng() < 0.5 ? 0 : 1));
/** A sigmoid member that gives the true label a probability of about `right` (± 0.1). */
const noisy = (right: number) => labels.map((y) => (y === 1 ? right : 1 - right) + (rng() - 0.5) * 0.2);

test('a perfect member takes nearly all the weight', () => {
  const perfect = labels.map((y) => y);
  const { weights, logLoss } = weigh({ members: [noisy(0.6), perfect, noisy(0.7)], labels });
  assert.ok(weights[1] > 0.999, `weights ${weights}`);
  close(weights.reduce((s, w) => s + w, 0), 1, 1e-12, 'sum');
  assert.ok(logLoss < 1e-3);
});

test('identical members get identical weights', () => {
  const member = noisy(0.7);
  const { weights } = weigh({ members: [member, member.slice(), noisy(0.55)], labels });
  assert.equal(weights[0], weights[1]);
  assert.ok(weights[2] < weights[0]);
});

test('the weights reach the analytic optimum of a two-member mixture', () => {
  // 30 examples where A gives the true label 0.8 and B 0.2, 10 where it is the other way round.
  // The loss −30 log(0.2 + 0.6w) − 10 log(0.8 − 0.6w) is least at w = (0.8·30 − 0.2·10) / (0.6·40).
  const ys = new Array(40).fill(1);
  const a = ys.map((_, i) => (i < 30 ? 0.8 : 0.2));
  const b = ys.map((_, i) => (i < 30 ? 0.2 : 0.8));
  const { weights } = weigh({ members: [a, b], labels: ys });
  close(weights[0], 22 / 24, 1e-5, 'weight of A');
  close(weights[1], 2 / 24, 1e-5, 'weight of B');
});

test('softmax members: no weighting on a simplex grid beats the optimised one', () => {
  const classes = 3;
  const n = 300;
  const ys = Array.from({ length: n }, () => Math.floor(rng() * classes));
  const member = (skill: number) =>
    ys.flatMap((y) => {
      const raw = Array.from({ length: classes }, (_, c) => rng() + (c === y ? skill : 0));
      const total = raw.reduce((s, v) => s + v, 0);
      return raw.map((v) => v / total);
    });
  const input = { members: [member(1), member(0.5), member(2)], labels: ys };
  const optimised = weigh(input);
  let gridBest = Infinity;
  for (let i = 0; i <= 100; i++) {
    for (let j = 0; i + j <= 100; j++) {
      const w = [i / 100, j / 100, (100 - i - j) / 100];
      const p = ys.map((y, e) => w.reduce((s, wm, m) => s + wm * input.members[m][e * classes + y], 0));
      gridBest = Math.min(gridBest, -p.reduce((s, v) => s + Math.log(Math.max(1e-7, v)), 0) / n);
    }
  }
  assert.ok(optimised.logLoss <= gridBest + 1e-9, `optimised ${optimised.logLoss}, grid ${gridBest}`);
  assert.ok(optimised.weights.every((w) => w >= 0), `weights ${optimised.weights}`);
  assert.ok(optimised.logLoss <= Math.min(...optimised.memberLogLoss) + 1e-9, `${optimised.logLoss} against ${optimised.memberLogLoss}`);
});

test('equal weights are 1/M, with the members\' own losses alongside', () => {
  const members = [noisy(0.6), noisy(0.8)];
  const equal = weigh({ members, labels }, 'equal');
  assert.deepEqual(equal.weights, [0.5, 0.5]);
  assert.equal(equal.iterations, 0);
  assert.ok(equal.memberLogLoss[1] < equal.memberLogLoss[0]);
  assert.ok(weigh({ members, labels }).logLoss <= equal.logLoss);
});

test('bad predictions or labels give a message, not an exception', () => {
  const cases: [EnsembleInput, RegExp][] = [
    [{ members: [], labels: [0, 1] }, /at least one member/],
    [{ members: [[0.5, 0.5]], labels: [] }, /no validation examples/],
    [{ members: [[0.5, 0.5, 0.5]], labels: [0, 1] }, /member 0 has 3 probabilities for 2 examples/],
    [{ members: [[0.5, 0.5], [0.5]], labels: [0, 1] }, /member 1 has 1 probabilities, member 0 has 2/],
    [{ members: [[0.5, 0.5], [0.5, NaN]], labels: [0, 1] }, /member 1 has the probability NaN at example 1, outside \[0, 1\]/],
    [{ members: [[0.5, 1.5]], labels: [0, 1] }, /member 0 has the probability 1.5 at example 1/],
    [{ members: [[0.5, 0.5, -0.25, 1.25]], labels: [0, 1] }, /member 0 has the probability -0.25 at example 1/],
    [{ members: [[0.5, 0.5]], labels: [0, 2] }, /label 2 of example 1 is not a class index below 2/],
  ];
  for (const [input, pattern] of cases) {
    const result = ensembleWeights(input, 'optimize');
    assert.ok(!result.ok);
    assert.match(result.error, pattern);
  }
});
