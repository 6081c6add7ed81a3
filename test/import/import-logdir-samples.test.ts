import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext } from '../../lib/app-context';
import { importLogdirsOnce } from '../../lib/import/import-logdirs';
import { parseLogdirSpec } from '../../lib/logdir/logdir-spec';
import { tempApp } from '../helpers/temp-app';
import { rawScalars } from '../logdir/raw-events';
import { TFEVENTS, sample } from '../logdir/samples';
import { RecordingLive } from './recording-live';

const RUNS = [
  'keras/20230302-211243',
  'keras/20230302-212259',
  'pytorch/experiment_lr_0.001',
  'pytorch/graph_experiment',
  'pytorch/histogram_experiment',
  'pytorch/hparams_search_exp_1/1771595857.3236299',
  'pytorch/hparams_search_exp_2/1771595857.3322473',
  'pytorch/hparams_search_exp_3/1771595857.339544',
  'pytorch/image_experiment',
  'pytorch/my_first_experiment',
  'pytorch/pr_curve_experiment',
  'pytorch/runs_2026_03_04/demo_01_scalar',
  'pytorch/runs_2026_03_04/demo_02_scalar',
  ...['duplicate_steps', 'lax'].flatMap((set) => [1, 2, 3].map((i) => `pytorch/tensorboard-reducer/${set}/run_${i}`)),
];

function runId(app: AppContext, name: string): string {
  const run = app.store.listRuns().find((r) => r.name === name);
  assert.ok(run, `run ${name} was imported`);
  return run.id;
}

/** Every simple_value of a run folder's files, read by hand, the last written of each step kept. */
function expectedScalars(folder: string): Map<string, Map<number, number>> {
  const byTag = new Map<string, Map<number, number>>();
  for (const file of readdirSync(sample(folder)).filter((f) => f.includes('tfevents')).sort()) {
    for (const { tag, step, value } of rawScalars(sample(join(folder, file)))) {
      if (!byTag.has(tag)) byTag.set(tag, new Map());
      byTag.get(tag)!.set(step, value);
    }
  }
  return byTag;
}

async function importSamples(t: Parameters<typeof tempApp>[0]) {
  const app = tempApp(t, 'samples.db');
  const live = new RecordingLive();
  const result = await importLogdirsOnce(app, [parseLogdirSpec(TFEVENTS)], live.services);
  return { app, live, result };
}

test('every sample is imported through the ingest path: runs marked with their source, every scalar exact', async (t) => {
  const { app, live, result } = await importSamples(t);
  const runs = app.store.listRuns();
  assert.deepEqual(runs.map((r) => r.name).sort(), [...RUNS].sort(), 'folders holding only a file version make no run');
  for (const run of runs) {
    assert.equal(run.status, 'finished');
    assert.equal(run.source?.format, 'tensorboard');
    assert.ok(run.source.path.startsWith(TFEVENTS));
  }
  // Records handed to the kinds: the 60 duplicate steps among the scalars replace the earlier values.
  assert.deepEqual(result.tally.stored, { scalars: 3210, histograms: 38, graph: 2, 'op-graph': 3, images: 5, 'pr-curves': 10 });
  assert.ok(live.pushes.some((p) => p.type === 'scalars') && live.pushes.some((p) => p.type === 'images'), 'the dashboards got the pushes');

  for (const name of RUNS.filter((n) => n.startsWith('pytorch/'))) {
    const id = runId(app, name);
    for (const [tag, steps] of expectedScalars(name)) {
      const series = app.read.scalar.series(id, tag, Infinity);
      assert.deepEqual(series.points.map(([step, , value]) => [step, value]), [...steps].sort((a, b) => a[0] - b[0]), `${name} ${tag}`);
    }
  }
  const duplicates = runId(app, 'pytorch/tensorboard-reducer/duplicate_steps/run_1');
  const foo = app.read.scalar.series(duplicates, 'dup_steps/foo', Infinity);
  assert.equal(foo.count, 200, 'steps 90-99 are written twice and stored once');
  assert.equal(foo.points.find(([step]) => step === 90)![2], 1.5210340023040771, 'the second value wins');
});

test('Keras: one run of epoch/ scalars, [30,3] histograms, the model as a layer graph and the graph_def as ops', async (t) => {
  const { app } = await importSamples(t);
  const id = runId(app, 'keras/20230302-211243');
  const run = app.store.getRun(id)!;
  assert.equal(run.model, 'sequential');
  assert.deepEqual(run.source!.notShown, [{ tag: 'batch_3', plugin: 'graph_run_metadata_graph', count: 1 }]);
  assert.deepEqual(
    app.read.scalar.series(id, 'epoch/loss', Infinity).points.map(([step, , v]) => [step, v]),
    [[0, 0.5041123628616333], [1, 0.08308204263448715], [2, 0.07030577212572098]],
  );
  assert.deepEqual(app.read.scalar.series(id, 'epoch/accuracy', Infinity).points.map(([, , v]) => v), [0.9420499801635742, 0.9748333096504211, 0.9787333607673645]);
  const bias = app.read.histogram.series(id, 'weights/conv2d/bias').histograms;
  assert.deepEqual(bias.map((h) => [h.step, h.count]), [[0, 32], [1, 32], [2, 32]]);
  assert.deepEqual([bias[0].min, bias[0].max], [-0.15847811102867126, -0.002270365599542856]);
  assert.deepEqual(bias[0].counts, [2, 0, 2, 2, 1, 1, 1, 1, 0, 1, 1, 0, 1, 1, 2, 0, 1, 1, 1, 1, 0, 0, 2, 1, 0, 0, 2, 2, 1, 4]);
  assert.deepEqual(app.read.histogram.tags(id).map((h) => [h.tag, h.count]), [
    ['weights/conv2d/bias', 3],
    ['weights/conv2d/kernel', 3],
    ['weights/dense/bias', 3],
    ['weights/dense/kernel', 3],
  ]);
  const graph = app.read.graph.graph(id);
  assert.deepEqual(
    graph.nodes.map((n) => [n.id, n.className, n.outputShapes[0][0], n.params]),
    [
      ['conv2d_input', 'InputLayer', [null, 28, 28, 1], 0],
      ['conv2d', 'Conv2D', [null, 26, 26, 32], 320],
      ['max_pooling2d', 'MaxPooling2D', [null, 13, 13, 32], 0],
      ['flatten', 'Flatten', [null, 5408], 0],
      ['dense', 'Dense', [null, 10], 54090],
    ],
  );
  assert.equal(graph.nodes[1].params, 288 + 32, 'the kernel and bias histograms count the same weights');
  const ops = app.read['op-graph'].graph(id);
  assert.equal(ops.nodes.length, 298);
  assert.deepEqual(ops.nodes[1], { name: 'IteratorGetNext', op: 'IteratorGetNext', inputs: ['iterator'], device: '', outputShapes: [[32, 28, 28, 1], [32]] });
});

test('PyTorch: PR curves (the later file wins a step), images as their bytes, hparams as config, the op graph', async (t) => {
  const { app } = await importSamples(t);
  const pr = runId(app, 'pytorch/pr_curve_experiment');
  const curves = app.read['pr-curve'].series(pr, 'Evaluations/PR_Curve').curves;
  assert.deepEqual(curves.map((c) => c.step), [0, 1, 2, 3, 4]);
  assert.deepEqual(curves[0].truePositives.slice(0, 4), [200, 198, 196, 193], 'the second file of the folder was written last');
  assert.equal(curves[0].precision[125], 0.2222222238779068);
  assert.deepEqual(curves[0].thresholds.slice(0, 2), [1 / 127, 2 / 127]);

  const images = runId(app, 'pytorch/image_experiment');
  const list = app.read.image.list(images, 'Debug_Images/Random_Noise').images;
  assert.deepEqual(list.map((i) => [i.step, i.sample, i.width, i.height, i.contentType]), [0, 1, 2, 3, 4].map((s) => [s, 0, 100, 100, 'image/png']));
  const hashes = list.map((i) => createHash('sha256').update(app.read.image.data(images, 'Debug_Images/Random_Noise', i.step, 0).data).digest('hex').slice(0, 16));
  assert.deepEqual(hashes, ['0011d93c6e57ca2d', '5b0e360034fb72c4', '9516892803ac069b', 'e9b0ecc6f60e10ca', 'c7f4f5fa40ab6a3f']);

  const hp = app.store.getRun(runId(app, 'pytorch/hparams_search_exp_1/1771595857.3236299'))!;
  assert.deepEqual(hp.config, { batch_size: 32, lr: 0.1, optimizer: 'SGD' });
  assert.deepEqual(hp.source!.metrics, ['hparam/Final_Val_Accuracy', 'hparam/Final_Val_Loss']);
  assert.deepEqual(app.read.scalar.tags(hp.id).map((s) => s.tag), ['hparam/Final_Val_Accuracy', 'hparam/Final_Val_Loss']);

  const graph = runId(app, 'pytorch/graph_experiment');
  const ops = app.read['op-graph'].graph(graph);
  assert.equal(ops.nodes.length, 30);
  assert.deepEqual(ops.nodes[0], { name: 'input/x.1', op: 'IO Node', inputs: [], device: '', outputShapes: [[1, 3, 32, 32]] });
  assert.equal(app.read.graph.find(graph), null, 'PyTorch writes no layer graph');
  assert.deepEqual(app.store.getRun(graph)!.source!.notShown, [{ tag: 'step1', plugin: 'run_metadata', count: 1 }]);
});

test('importing the samples again stores nothing twice', async (t) => {
  const { app } = await importSamples(t);
  const counts = () => app.store.listRuns().map((r) => [r.name, app.read.scalar.tags(r.id).reduce((n, s) => n + s.count, 0), app.read.histogram.tags(r.id).length]);
  const before = counts();
  const again = await importLogdirsOnce(app, [parseLogdirSpec(TFEVENTS)]);
  assert.deepEqual(again.tally.stored, {});
  assert.equal(again.pass.records, 0);
  assert.deepEqual(counts(), before);
  assert.equal(app.read['pr-curve'].tags(runId(app, 'pytorch/pr_curve_experiment'))[0].count, 5);
});
