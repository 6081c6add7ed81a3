import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ofKind, readSample, sample } from './samples';
import { rawValues } from './raw-events';

const FIT_1 = 'keras/20230302-211243/train/events.out.tfevents.1677809563.t530-ThinkPad-T530.696958.0.v2';
const FIT_2 = 'keras/20230302-212259/train/events.out.tfevents.1677810180.t530-ThinkPad-T530.697803.0.v2';
const WEIGHTS = ['conv2d/kernel_0/histogram', 'conv2d/bias_0/histogram', 'dense/kernel_0/histogram', 'dense/bias_0/histogram'];

test('epoch_loss and epoch_accuracy: scalar tensors of plugin scalars, every epoch', async () => {
  const cases: [string, number[], number[]][] = [
    [FIT_1, [0.5041123628616333, 0.08308204263448715, 0.07030577212572098], [0.9420499801635742, 0.9748333096504211, 0.9787333607673645]],
    [
      FIT_2,
      [0.6274638772010803, 0.08673294633626938, 0.07122153788805008, 0.06402473896741867],
      [0.939300000667572, 0.9746500253677368, 0.9787333607673645, 0.9807833433151245],
    ],
  ];
  for (const [file, loss, accuracy] of cases) {
    const records = await readSample(file);
    for (const [tag, values] of [['epoch_loss', loss], ['epoch_accuracy', accuracy]] as const) {
      const points = ofKind(records, 'scalar', tag);
      assert.deepEqual(points.map((p) => p.step), values.map((_, i) => i));
      assert.deepEqual(points.map((p) => p.value), values);
      const raw = rawValues(sample(file)).filter((v) => v.tag === tag);
      assert.deepEqual(points.map((p) => p.value), raw.map((v) => v.tensorContent?.readFloatLE(0)), 'the float32 tensor_content, read by hand');
    }
  }
});

test('histogram_freq=1: [30,3] tensors become the same 30 buckets, edge for edge', async () => {
  const records = await readSample(FIT_1);
  const histograms = ofKind(records, 'histogram');
  assert.deepEqual(
    histograms.map((h) => [h.tag, h.step, h.count]),
    [0, 1, 2].flatMap((step) => WEIGHTS.map((tag, i) => [tag, step, [288, 32, 54080, 10][i]])),
  );
  const bias = histograms[1];
  assert.deepEqual([bias.min, bias.max], [-0.15847811102867126, -0.002270365599542856]);
  assert.deepEqual(bias.counts, [2, 0, 2, 2, 1, 1, 1, 1, 0, 1, 1, 0, 1, 1, 2, 0, 1, 1, 1, 1, 0, 0, 2, 1, 0, 0, 2, 2, 1, 4]);
  assert.deepEqual([bias.nanCount, bias.posInfCount, bias.negInfCount], [0, 0, 0]);
  const raw = rawValues(sample(FIT_1)).filter((v) => v.tensorContent && v.tensorContent.length === 720);
  assert.equal(raw.length, histograms.length);
  histograms.forEach((h, i) => {
    const content = raw[i].tensorContent as Buffer;
    const column = (c: number) => Array.from({ length: 30 }, (_, row) => content.readDoubleLE((row * 3 + c) * 8));
    assert.deepEqual(h.counts, column(2), `${h.tag} counts`);
    assert.deepEqual([h.min, h.max], [column(0)[0], column(1)[29]], `${h.tag} range`);
    // Keras writes no sum: it is estimated from the bucket centres.
    const centres = column(0).map((left, row) => (left + column(1)[row]) / 2);
    assert.ok(Math.abs(h.sum - centres.reduce((a, c, row) => a + c * h.counts[row], 0)) < 1e-9);
  });
});

test('the Keras model config (plugin graph_keras_model, tag keras) as parsed JSON', async () => {
  for (const file of [FIT_1, FIT_2]) {
    const [model] = ofKind(await readSample(file), 'keras-model');
    assert.equal(model.tag, 'keras');
    const config = model.config as { class_name: string; keras_version: string; config: { layers: { class_name: string; config: { name: string } }[] } };
    assert.equal(config.class_name, 'Sequential');
    assert.equal(config.keras_version, '2.11.0');
    assert.deepEqual(
      config.config.layers.map((l) => [l.class_name, l.config.name]),
      [
        ['InputLayer', 'conv2d_input'],
        ['Conv2D', 'conv2d'],
        ['MaxPooling2D', 'max_pooling2d'],
        ['Flatten', 'flatten'],
        ['Dense', 'dense'],
      ],
    );
  }
});

test('the graph_def: 298 ops with inputs, shapes from _output_shapes and dtypes', async () => {
  const records = await readSample(FIT_1);
  const [graph] = ofKind(records, 'graph');
  assert.equal(graph.nodes.length, 298);
  assert.deepEqual(graph.nodes[0], { name: 'iterator', op: 'Placeholder', inputs: [], device: '', outputShapes: [[]], dtype: 'resource' });
  assert.deepEqual(graph.nodes[1].outputShapes, [[32, 28, 28, 1], [32]]);
  const conv = graph.nodes.find((n) => n.op === 'Conv2D');
  assert.deepEqual(conv, {
    name: 'sequential/conv2d/Conv2D',
    op: 'Conv2D',
    inputs: ['sequential/Cast', 'sequential/conv2d/Conv2D/ReadVariableOp'],
    device: '',
    outputShapes: [[32, 26, 26, 32]],
    dtype: 'float32',
  });
  assert.deepEqual(graph.nodes.find((n) => n.name === 'sequential/max_pooling2d/MaxPool')?.outputShapes, [[32, 13, 13, 32]]);
  assert.equal(graph.nodes.filter((n) => n.op === 'Const').length, 75);
  assert.deepEqual(ofKind(records, 'other').map((o) => [o.tag, o.step, o.plugin]), [['batch_3', 3, 'graph_run_metadata_graph']]);
});

test('the profiler marker files hold only their file version', async () => {
  assert.deepEqual(await readSample('keras/20230302-211243/events.out.tfevents.1677809564.t530-ThinkPad-T530.profile-empty'), []);
  assert.deepEqual(await readSample('keras/20230302-212259/events.out.tfevents.1677810180.t530-ThinkPad-T530.profile-empty'), []);
});
