import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ensembleMembers } from '../../lib/ensemble/ensemble-members';

test('an ensemble run lists itself then each member with weight and test metrics from its scalars', () => {
  const members = ensembleMembers({
    name: 'a+b',
    config: {
      members: [
        { runId: 'ra', name: 'a', model: 'mlp', epoch: 2, checkpoint: '/x', weight: 0.7 },
        { runId: 'rb', name: 'b', model: 'mlp', epoch: 1, checkpoint: '/y', weight: 0.3 },
      ],
      weights: 'optimize',
      testSamples: 100,
      validationLogLoss: 0.4,
    },
    lastScalars: { 'test/acc': [0, 1, 0.9], 'test/loss': [0, 1, 0.3], 'member/ra/test/acc': [0, 1, 0.85], 'member/ra/test/loss': [0, 1, 'NaN'], 'member/rb/test/acc': [0, 1, 0.8] },
  });
  assert.deepEqual([members?.weights, members?.testSamples], ['optimize', 100]);
  assert.deepEqual(members?.rows.map((r) => [r.runId, r.name, r.weight, r.acc]), [
    [null, 'a+b', null, 0.9],
    ['ra', 'a', 0.7, 0.85],
    ['rb', 'b', 0.3, 0.8],
  ]);
  assert.ok(Number.isNaN(members!.rows[1].loss!));
  assert.equal(members!.rows[2].loss, undefined);
});

test('a run that is no ensemble has no members', () => {
  assert.equal(ensembleMembers({ name: 'x', config: { epochs: 3 }, lastScalars: {} }), null);
});
