import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { clusteredFeatures } from '../../../trainer/data/clustered-features';
import { tensorList } from '../../../trainer/data/model-data';
import { findModel } from '../../../trainer/zoo';
import { tinyRunFlags } from './zoo-flags';

const CLASSES = 10;

test('a test set of generated blobs shares its training set\'s class centres, with other samples', () => {
  const options = { count: 50, features: 8, classes: 3, centreSeed: 7 };
  const train = clusteredFeatures({ ...options, seed: 7 });
  const test = clusteredFeatures({ ...options, seed: 8 });
  assert.notDeepEqual(train.x, test.x);
  // With the noise switched off every sample is its class centre.
  const centres = (seed: number) => {
    const { x, labels } = clusteredFeatures({ ...options, spread: 0, seed });
    return Array.from({ length: options.classes }, (_, c) => {
      const row = labels.indexOf(c);
      return row < 0 ? undefined : Array.from(x.subarray(row * 8, row * 8 + 8));
    });
  };
  const [a, b] = [centres(7), centres(8)];
  for (let c = 0; c < options.classes; c++) if (a[c] && b[c]) assert.deepEqual(a[c], b[c], `class ${c}`);
});

for (const name of ['mlp-sequential', 'mlp-functional']) {
  test(`${name}: a short training scores well above chance on the test set`, { timeout: 120_000 }, async () => {
    await tf.setBackend('cpu');
    const flags = tinyRunFlags(name, 'http://127.0.0.1:1', ['--train-samples', '600', '--test-samples', '400', '--learning-rate', '0.01']);
    const { model, x, y, xTest, yTest } = await findModel(name).prepare(flags, () => undefined);
    assert.ok(xTest && yTest, 'the entry draws a test set');
    await model.fit(x, y, { epochs: 8, batchSize: 32, verbose: 0 });
    const [, accuracy] = (model.evaluate(xTest as tf.Tensor, yTest as tf.Tensor, { batchSize: 100 }) as tf.Scalar[]).map((t) => t.dataSync()[0]);
    // Chance is 1 / CLASSES; a test set drawn around other centres scored about that.
    assert.ok(accuracy > 5 / CLASSES, `test accuracy ${accuracy.toFixed(3)}`);
    tf.dispose([...tensorList(x), ...tensorList(y), ...tensorList(xTest), ...tensorList(yTest)]);
    model.dispose();
  });
}
