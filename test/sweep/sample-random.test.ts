import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seededRandom } from '../../lib/seeded-random';
import { drawParam, RandomSampler } from '../../lib/sweep/random-sampler';
import { parseParam, parseSpace, type ParamSpec, type ParamValue } from '../../lib/sweep/space';

const DRAWS = 10_000;

function spec(text: string): ParamSpec {
  const parsed = parseParam(text);
  assert.ok(parsed.ok);
  return parsed.value;
}

function draws(text: string, seed = 42): ParamValue[] {
  const rng = seededRandom(seed);
  const param = spec(text);
  return Array.from({ length: DRAWS }, () => drawParam(param, rng));
}

function quantile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(p * (sorted.length - 1))];
}

function share(values: ParamValue[], test: (v: ParamValue) => boolean): number {
  return values.filter(test).length / values.length;
}

test('uniform draws fill their bounds evenly', () => {
  const values = draws('x=uniform:-5:10') as number[];
  assert.ok(values.every((v) => v >= -5 && v <= 10));
  for (const p of [0.1, 0.25, 0.5, 0.75, 0.9]) {
    assert.ok(Math.abs(quantile(values, p) - (-5 + 15 * p)) < 0.3, `quantile ${p}: ${quantile(values, p)}`);
  }
});

test('loguniform draws are uniform in log space', () => {
  const values = draws('lr=loguniform:1e-4:1e-2') as number[];
  assert.ok(values.every((v) => v >= 1e-4 && v <= 1e-2));
  for (const p of [0.1, 0.5, 0.9]) {
    const log10 = Math.log10(quantile(values, p));
    assert.ok(Math.abs(log10 - (-4 + 2 * p)) < 0.04, `quantile ${p}: 10^${log10}`);
  }
  // A linear uniform would put 90% of its draws above 1e-3.
  assert.ok(Math.abs(share(values, (v) => (v as number) < 1e-3) - 0.5) < 0.02);
});

test('int draws are integers, both bounds included, each equally often', () => {
  const values = draws('filters=int:16:64') as number[];
  assert.ok(values.every((v) => Number.isInteger(v) && v >= 16 && v <= 64));
  const expected = DRAWS / 49;
  for (let v = 16; v <= 64; v++) {
    const count = values.filter((x) => x === v).length;
    // About four standard deviations of a binomial count either side.
    assert.ok(Math.abs(count - expected) < 4 * Math.sqrt(expected), `${v} drawn ${count} times, expected ~${expected.toFixed(0)}`);
  }
});

test('quantised draws are tidy multiples of q within the bounds', () => {
  const values = draws('dropout=quniform:0:1:0.25') as number[];
  for (const v of [0, 0.25, 0.5, 0.75, 1]) assert.ok(Math.abs(share(values, (x) => x === v) - 0.2) < 0.02, `share of ${v}`);
  assert.ok(values.every((v) => [0, 0.25, 0.5, 0.75, 1].includes(v)));
  const tenths = draws('x=quniform:0.1:0.5:0.1') as number[];
  assert.deepEqual([...new Set(tenths)].sort(), [0.1, 0.2, 0.3, 0.4, 0.5]);
});

test('qloguniform draws are multiples of q, log-scaled', () => {
  const values = draws('units=qloguniform:16:512:16') as number[];
  assert.ok(values.every((v) => v % 16 === 0 && v >= 16 && v <= 512));
  // The value is at most 64 when exp(z) < 72, with z uniform over [log 8, log 520].
  const expected = Math.log(72 / 8) / Math.log(520 / 8);
  assert.ok(Math.abs(share(values, (v) => (v as number) <= 64) - expected) < 0.02);
});

test('choice draws take every listed value equally often, keeping its type', () => {
  const values = draws('opt=choice:adam,32,sgd');
  for (const v of ['adam', 32, 'sgd']) assert.ok(Math.abs(share(values, (x) => x === v) - 1 / 3) < 0.02, `share of ${v}`);
  assert.equal(share(values, (x) => !['adam', 32, 'sgd'].includes(x)), 0);
});

test('the same seed proposes the same params, another seed others', () => {
  const parsed = parseSpace(['lr=loguniform:1e-4:1e-2', 'bs=choice:32,64,128', 'filters=int:16:64']);
  assert.ok(parsed.ok);
  const sampler = new RandomSampler(parsed.value);
  const run = (seed: number) => {
    const rng = seededRandom(seed);
    return Array.from({ length: 5 }, () => sampler.propose([], rng));
  };
  assert.deepEqual(run(7), run(7));
  assert.notDeepEqual(run(7), run(8));
  assert.deepEqual(Object.keys(run(7)[0]), ['lr', 'bs', 'filters']);
});
