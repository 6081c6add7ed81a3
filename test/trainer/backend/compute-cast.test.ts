import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { expectMatchesStock, randomFloats, rng } from './kernel-harness';

test('Cast to the same and to other dtypes (to bool: x != 0) matches stock cpu, and an alias outlives its source', async () => {
  const values = randomFloats(rng(5), 24).map((v) => v * 4);
  await expectMatchesStock('x [2, 3, 4]', () => {
    const x = tf.tensor3d(values, [2, 3, 4]);
    const same = tf.cast(x, 'float32');
    const ints = tf.cast(x, 'int32');
    const kept = tf.cast(ints, 'int32');
    const bools = tf.cast(ints, 'bool');
    const out = [same, ints, kept, bools, tf.cast(bools, 'bool'), tf.cast(bools, 'float32'), tf.cast(x, 'bool'), tf.grad((t: tf.Tensor) => tf.cast(t, 'float32').square().sum())(x)];
    // The alias keeps the buffer: disposing its source must not free what it reads.
    x.dispose();
    ints.dispose();
    return [...out.filter((t) => !t.isDisposed), same.add(1), kept.add(1)];
  });
});
