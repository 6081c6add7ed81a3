import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRunFilter } from '../../../lib/compare/run-filter';
import type { WireRunSummary } from '../../../lib/kinds/scalar/run-summary';
import { filterRuns } from '../../../lib/view/run/run-filters';

function run(id: string, extra: Partial<WireRunSummary>): WireRunSummary {
  return {
    id, name: id, model: 'm', backend: 'cpu', config: {}, status: 'finished', error: null, startedAt: 0, updatedAt: 0, finishedAt: 1,
    heardAt: null, source: null, tags: [], note: '', archived: false, lastScalars: {}, ...extra,
  };
}

const RUNS = [
  run('a', { config: { lr: 0.1 }, tags: ['baseline'] }),
  run('b', { config: { lr: 0.001 }, status: 'running', finishedAt: null }),
  run('c', { config: { lr: 0.001 }, archived: true, note: 'oom at epoch 3' }),
];

const ids = (text: string, status: 'all' | 'running' | 'finished' = 'all', showArchived = false) =>
  filterRuns(RUNS, { filter: parseRunFilter(text), status, showArchived }).map((r) => r.id);

test('archived runs are hidden unless asked for, then status and the filter box narrow the list', () => {
  assert.deepEqual(ids(''), ['a', 'b']);
  assert.deepEqual(ids('', 'all', true), ['a', 'b', 'c']);
  assert.deepEqual(ids('lr<0.01', 'all', true), ['b', 'c']);
  assert.deepEqual(ids('lr<0.01', 'finished', true), ['c']);
  assert.deepEqual(ids('tag=baseline'), ['a']);
  assert.deepEqual(ids('oom', 'all', true), ['c'], 'the note is searched');
});

test('a filter that does not parse leaves the list as it was', () => {
  const filter = parseRunFilter('lr<<');
  assert.equal(filter.ok, false);
  assert.deepEqual(ids('lr<<'), ['a', 'b']);
});
