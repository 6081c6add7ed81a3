import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupFamilies } from '../../../lib/view/scalar/families';

test('Keras tags group into one chart per metric, loss and accuracy first', () => {
  const families = groupFamilies(['epoch/val_acc', 'epoch/lr', 'batch/acc', 'epoch/loss', 'epoch/time', 'epoch/val_loss', 'batch/loss', 'epoch/acc']);
  assert.deepEqual(families, [
    { family: 'loss', tags: ['batch/loss', 'epoch/loss', 'epoch/val_loss'] },
    { family: 'acc', tags: ['batch/acc', 'epoch/acc', 'epoch/val_acc'] },
    { family: 'lr', tags: ['epoch/lr'] },
    { family: 'time', tags: ['epoch/time'] },
  ]);
});

test('tags of other scripts get charts too', () => {
  assert.deepEqual(groupFamilies(['reward', 'train/reward', 'gpu temp']), [
    { family: 'gpu temp', tags: ['gpu temp'] },
    { family: 'reward', tags: ['reward', 'train/reward'] },
  ]);
});
