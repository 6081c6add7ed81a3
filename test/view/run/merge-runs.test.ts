import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WireRunSummary } from '../../../lib/kinds/scalar/run-summary';
import { lastMetric } from '../../../lib/view/run/last-metric';
import { mergeRuns, replaceRuns } from '../../../lib/view/run/run-list';

function run(id: string, startedAt: number, updatedAt: number, extra: Partial<WireRunSummary> = {}): WireRunSummary {
  const base = { id, name: id, model: '', backend: '', config: {}, status: 'running' as const, error: null, source: null };
  return { ...base, tags: [], note: '', archived: false, startedAt, updatedAt, finishedAt: null, heardAt: null, lastScalars: {}, ...extra };
}

test('a stale copy never replaces a newer one, and runs stay newest first', () => {
  const finished = run('a', 1, 20, { status: 'finished', finishedAt: 20 });
  const merged = mergeRuns([finished], [run('a', 1, 10), run('b', 5, 5)]);
  assert.deepEqual(merged.map((r) => [r.id, r.status]), [['b', 'running'], ['a', 'finished']]);
});

test('the list prefers epoch values, then batch values, and decodes NaN', () => {
  const r = run('a', 1, 1, { lastScalars: { 'batch/loss': [5, 0, 'NaN'], 'epoch/acc': [4, 0, 0.5], 'batch/acc': [5, 0, 0.6] } });
  assert.deepEqual(lastMetric(r, 'acc'), { tag: 'epoch/acc', step: 4, value: 0.5 });
  assert.ok(Number.isNaN(lastMetric(r, 'loss')!.value));
  assert.equal(lastMetric(r, 'val_loss'), null);
});

test("the server's whole list replaces the held one, keeping the runs (and the list) that did not change", () => {
  const [a, b, c] = [run('a', 1, 1), run('b', 2, 2), run('c', 3, 3)];
  const held = mergeRuns([], [a, b, c]);
  const same = mergeRuns([], [structuredClone(a), structuredClone(b), structuredClone(c)]);
  assert.equal(replaceRuns(held, same), held, 'an unchanged list is the same list');
  const renamed = { ...structuredClone(b), name: 'b2' };
  const next = replaceRuns(held, [structuredClone(a), renamed]);
  assert.deepEqual(next.map((r) => r.name), ['b2', 'a'], 'c was deleted while away');
  assert.equal(next[1], a);
  assert.equal(next[0], renamed);
});
