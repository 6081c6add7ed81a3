import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ensembleArgs, ensembleRequestSchema } from '../../lib/ensemble/ensemble-job';
import { parseEnsembleFlags } from '../../trainer/ensemble/ensemble-flags';

test('a request reaches the command as given, even with ids and a name that look like flags', () => {
  const request = ensembleRequestSchema.parse({ runs: ['--server', '-a'], weights: 'optimize', name: '--data /etc' });
  assert.deepEqual(parseEnsembleFlags(ensembleArgs(request, 'http://127.0.0.1:1')), {
    runs: ['--server', '-a'],
    weights: 'optimize',
    testSamples: undefined,
    data: undefined,
    runName: '--data /etc',
    backend: 'auto',
    server: 'http://127.0.0.1:1',
  });
});

test('the body schema: two to twenty distinct run ids, equal weights unless asked', () => {
  assert.equal(ensembleRequestSchema.parse({ runs: ['a', 'b'] }).weights, 'equal');
  for (const runs of [['a'], ['a', 'a'], ['a', 'b/c'], Array.from({ length: 21 }, (_, i) => `r${i}`)]) {
    assert.equal(ensembleRequestSchema.safeParse({ runs }).success, false, JSON.stringify(runs));
  }
});
