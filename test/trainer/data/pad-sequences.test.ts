import assert from 'node:assert/strict';
import { test } from 'node:test';
import { padSequences } from '../../../trainer/data/pad-sequences';

const rows = (flat: Int32Array, width: number) =>
  Array.from({ length: flat.length / width }, (_, r) => [...flat.subarray(r * width, (r + 1) * width)]);

test('pads at the front and truncates the front by default, like Keras', () => {
  const out = padSequences([[1, 2, 3], [1, 2, 3, 4, 5, 6], []], 4);
  assert.ok(out instanceof Int32Array);
  assert.deepEqual(rows(out, 4), [
    [0, 1, 2, 3],
    [3, 4, 5, 6],
    [0, 0, 0, 0],
  ]);
});

test('post padding, post truncating and a custom value', () => {
  const out = padSequences([[1, 2], [1, 2, 3, 4, 5]], 3, { padding: 'post', truncating: 'post', value: -1 });
  assert.deepEqual(rows(out, 3), [
    [1, 2, -1],
    [1, 2, 3],
  ]);
});

test('accepts typed arrays and exact-length sequences unchanged', () => {
  assert.deepEqual([...padSequences([Int32Array.of(7, 8, 9)], 3)], [7, 8, 9]);
});

test('rejects a non-positive maxLen', () => {
  assert.throws(() => padSequences([[1]], 0), /maxLen must be a positive integer/);
  assert.throws(() => padSequences([[1]], 2.5), /maxLen must be a positive integer/);
});
