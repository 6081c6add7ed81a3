import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventClass, eventStyle } from '../../../lib/view/event/event-style';

test('a user kind named like an Object.prototype key gets the shared user look', () => {
  const user = eventStyle('my-note');
  assert.deepEqual(user, { symbol: 'pin', symbolRotate: 0, label: 'my-note', color: 4 });
  for (const kind of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    assert.deepEqual(eventStyle(kind), { ...user, label: kind }, kind);
    assert.equal(eventClass(kind), 'event-kind-user', kind);
  }
  assert.equal(eventStyle('reduce_lr').label, 'learning rate');
  assert.equal(eventClass('checkpoint'), 'event-kind-checkpoint');
});
