import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { keepLastPerStep } from '../../lib/logdir/last-per-step';
import { ofKind, readSample, sample } from './samples';
import { rawScalars, rawValues } from './raw-events';

const LR_0001 = 'pytorch/experiment_lr_0.001/events.out.tfevents.1771594954.zyzkings.14144.2';

test('every simple_value in the PyTorch samples reads as a hand-walk of the protobuf fields reads it', async () => {
  const files = [
    LR_0001,
    'pytorch/my_first_experiment/events.out.tfevents.1771594466.zyzkings.21024.0',
    'pytorch/my_first_experiment/events.out.tfevents.1771596596.zyzkings.7880.0',
    'pytorch/runs_2026_03_04/demo_01_scalar/events.out.tfevents.1772559650.zyzkings.9156.0',
    'pytorch/runs_2026_03_04/demo_02_scalar/events.out.tfevents.1772559894.zyzkings.39544.0',
    ...['lax', 'duplicate_steps'].flatMap((d) =>
      ['run_1', 'run_2', 'run_3'].map((run) => {
        const dir = `pytorch/tensorboard-reducer/${d}/${run}`;
        return join(dir, readdirSync(sample(dir))[0]);
      }),
    ),
  ];
  let total = 0;
  for (const file of files) {
    const scalars = ofKind(await readSample(file), 'scalar').map(({ step, tag, value }) => ({ step, tag, value }));
    assert.deepEqual(scalars, rawScalars(sample(file)), file);
    total += scalars.length;
  }
  assert.equal(total, 50 + 4 * 200 + (330 + 360 + 390) + 3 * 420);
});

test('add_scalar: every step and value of Train/Loss at lr 0.001', async () => {
  const loss = ofKind(await readSample(LR_0001), 'scalar', 'Train/Loss');
  assert.deepEqual(
    loss.map((p) => p.step),
    Array.from({ length: 50 }, (_, i) => i),
  );
  assert.deepEqual(
    loss.map((p) => p.value),
    [
      5.0753326416015625, 4.9859490394592285, 4.970805644989014, 4.755182266235352, 4.729092597961426, 4.766839027404785, 4.6760969161987305,
      4.670863628387451, 4.524394989013672, 4.523452281951904, 4.558657169342041, 4.389010429382324, 4.481594562530518, 4.38176965713501,
      4.342416763305664, 4.335356712341309, 4.185884475708008, 4.2154035568237305, 4.122393608093262, 4.214176177978516, 4.131793022155762,
      3.9538393020629883, 4.089931011199951, 4.038403034210205, 4.003903388977051, 3.794858455657959, 3.8188693523406982, 3.8634233474731445,
      3.8153862953186035, 3.8017640113830566, 3.7960078716278076, 3.5911245346069336, 3.5394539833068848, 3.5825514793395996, 3.599811315536499,
      3.455143928527832, 3.5331807136535645, 3.404636859893799, 3.3604073524475098, 3.3867528438568115, 3.372009038925171, 3.326373815536499,
      3.2398877143859863, 3.1558291912078857, 3.1419405937194824, 3.185588836669922, 3.235812187194824, 3.0464417934417725, 3.191147804260254,
      3.032895088195801,
    ],
  );
  assert.equal(loss[0].wallTime, 1771594954.6957862 * 1000, 'milliseconds');
});

test('add_scalar: the runs of the same tags, first and last values', async () => {
  const cases: [string, string, number, number][] = [
    ['pytorch/my_first_experiment/events.out.tfevents.1771594466.zyzkings.21024.0', 'Metrics/Loss', 4.9337286949157715, 0.22834159433841705],
    ['pytorch/my_first_experiment/events.out.tfevents.1771594466.zyzkings.21024.0', 'Metrics/Accuracy', 18.612773895263672, 101.36007690429688],
    ['pytorch/runs_2026_03_04/demo_01_scalar/events.out.tfevents.1772559650.zyzkings.9156.0', 'Metrics/Loss', 4.801180362701416, -0.05826874077320099],
    ['pytorch/runs_2026_03_04/demo_02_scalar/events.out.tfevents.1772559894.zyzkings.39544.0', 'Metrics/Accuracy', 9.699067115783691, 90.08921813964844],
  ];
  for (const [file, tag, first, last] of cases) {
    const points = ofKind(await readSample(file), 'scalar', tag);
    assert.deepEqual(
      points.map((p) => p.step),
      Array.from({ length: 100 }, (_, i) => i),
    );
    assert.deepEqual([points[0].value, points[99].value], [first, last], `${file} ${tag}`);
  }
});

test('duplicate_steps: steps 90-99 are written twice and the second value wins', async () => {
  const dir = 'pytorch/tensorboard-reducer/duplicate_steps/run_1';
  const records = await readSample(join(dir, readdirSync(sample(dir))[0]));
  const foo = ofKind(records, 'scalar', 'dup_steps/foo');
  assert.equal(foo.length, 210);
  assert.deepEqual(
    foo.filter((p) => p.step === 90).map((p) => p.value),
    [1.5536525249481201, 1.5210340023040771],
  );
  const kept = ofKind(keepLastPerStep(records), 'scalar', 'dup_steps/foo');
  assert.equal(kept.length, 200);
  assert.deepEqual(
    [...kept].sort((a, b) => a.step - b.step).map((p) => p.step),
    Array.from({ length: 200 }, (_, i) => i),
  );
  assert.equal(kept.find((p) => p.step === 90)?.value, 1.5210340023040771);
  assert.equal(ofKind(keepLastPerStep(records), 'scalar', 'dup_steps/bar').find((p) => p.step === 90)?.value, 1.822311520576477);
});

test('add_histogram: HistogramProto as equal-width buckets, totals exact', async () => {
  const file = 'pytorch/histogram_experiment/events.out.tfevents.1771596220.zyzkings.19040.0';
  const histograms = ofKind(await readSample(file), 'histogram');
  assert.deepEqual(
    histograms.map((h) => [h.tag, h.step, h.count, h.counts.length]),
    Array.from({ length: 10 }, (_, i) => ['MyLinearLayer/Weights_Distribution', i, 100, 30]),
  );
  const first = histograms[0];
  assert.deepEqual(
    [first.min, first.max, first.sum, first.sumSquares],
    [-0.4827924966812134, 0.43180420994758606, 0.9857620149850845, 4.498269244584625],
  );
  assert.deepEqual(first.counts, [1, 0, 1, 1, 1, 2, 3, 4, 5, 5, 6, 4, 7, 2, 3, 3, 5, 4, 2, 5, 8, 4, 2, 5, 5, 4, 3, 2, 2, 1]);
  assert.deepEqual([histograms[9].min, histograms[9].max], [-1.0253868103027344, 0.9233031272888184]);
  assert.deepEqual(histograms[9].counts, [2, 0, 0, 0, 1, 1, 3, 4, 3, 2, 5, 3, 10, 4, 8, 5, 9, 6, 7, 6, 2, 3, 3, 2, 2, 2, 3, 2, 1, 1]);
  // Against the source buckets, read by hand: below each of our edges we count no fewer values
  // than sit wholly below it and no more than reach below it, give or take the half count of rounding.
  const sources = rawValues(sample(file)).map((v) => v.histo);
  assert.deepEqual(sources.map((s) => s?.limits.length).slice(0, 5), [568, 568, 574, 576, 578]);
  histograms.forEach((h, i) => {
    const source = sources[i];
    assert.ok(source);
    const left = (j: number) => (j === 0 ? source.min : source.limits[j - 1]);
    let below = 0;
    for (let edge = 1; edge <= 30; edge++) {
      below += h.counts[edge - 1];
      const at = h.min + ((h.max - h.min) * edge) / 30;
      const wholly = source.counts.reduce((a, c, j) => a + (Math.min(source.limits[j], h.max) <= at ? c : 0), 0);
      const reaching = source.counts.reduce((a, c, j) => a + (left(j) < at ? c : 0), 0);
      assert.ok(below >= wholly - 0.5 && below <= reaching + 0.5, `step ${h.step}, edge ${edge}: ${wholly} <= ${below} <= ${reaching}`);
    }
    assert.equal(below, h.count);
  });
});

test('add_graph: a graph_def of 30 nodes with inputs and output shapes, and the run metadata listed', async () => {
  const records = await readSample('pytorch/graph_experiment/events.out.tfevents.1771596179.zyzkings.9384.0');
  const [graph] = ofKind(records, 'graph');
  assert.equal(graph.nodes.length, 30);
  assert.deepEqual(graph.nodes[0], { name: 'input/x.1', op: 'IO Node', inputs: [], device: '', outputShapes: [[1, 3, 32, 32]] });
  const conv = graph.nodes.find((n) => n.op === 'aten::_convolution');
  assert.equal(conv?.name, 'SimpleCNN/Sequential[features]/Conv2d[0]/input.1');
  assert.deepEqual(conv?.outputShapes, [[1, 16, 32, 32]]);
  assert.equal(conv?.inputs[0], 'input/x.1');
  assert.deepEqual(graph.nodes.find((n) => n.op === 'aten::linear')?.outputShapes, [[1, 10]]);
  assert.deepEqual(ofKind(records, 'other').map((o) => [o.tag, o.plugin]), [['step1', 'run_metadata']]);
});

test('add_hparams: each session config, the experiment metric list, its end status and its metric scalars', async () => {
  const sessions: [string, Record<string, number | string>, number, number][] = [
    ['pytorch/hparams_search_exp_1/1771595857.3236299/events.out.tfevents.1771595857.zyzkings.1216.1', { batch_size: 32, lr: 0.1, optimizer: 'SGD' }, 84.03559875488281, 1.183273196220398],
    ['pytorch/hparams_search_exp_2/1771595857.3322473/events.out.tfevents.1771595857.zyzkings.1216.3', { batch_size: 64, lr: 0.01, optimizer: 'Adam' }, 95.5, 0.11999999731779099],
    ['pytorch/hparams_search_exp_3/1771595857.339544/events.out.tfevents.1771595857.zyzkings.1216.5', { batch_size: 128, lr: 0.001, optimizer: 'Adam' }, 78.53502655029297, 1.2194173336029053],
  ];
  for (const [file, config, accuracy, loss] of sessions) {
    const records = await readSample(file);
    assert.deepEqual(ofKind(records, 'hparams').map((h) => [h.hparams, h.group]), [[config, '']]);
    const [experiment] = ofKind(records, 'hparams-experiment');
    assert.deepEqual(experiment.hparams.map((h) => [h.name, h.type]), [['lr', 'float64'], ['batch_size', 'float64'], ['optimizer', 'string']]);
    assert.deepEqual(experiment.metrics.map((m) => [m.tag, m.group]), [['hparam/Final_Val_Accuracy', ''], ['hparam/Final_Val_Loss', '']]);
    assert.deepEqual(ofKind(records, 'hparams-end').map((e) => e.status), ['success']);
    assert.deepEqual(ofKind(records, 'scalar').map((s) => [s.tag, s.step, s.value]), [['hparam/Final_Val_Accuracy', 0, accuracy], ['hparam/Final_Val_Loss', 0, loss]]);
  }
  for (const n of [0, 2, 4]) {
    const parent = `pytorch/hparams_search_exp_${n / 2 + 1}/events.out.tfevents.1771595857.zyzkings.1216.${n}`;
    assert.deepEqual(await readSample(parent), [], `${parent} holds only its file version`);
  }
});

test('add_pr_curve: a [6,127] tensor per step as thresholds and the six rows, in both files of the run', async () => {
  const [a, b] = ['events.out.tfevents.1771596445.zyzkings.30376.0', 'events.out.tfevents.1771596580.zyzkings.12568.0'];
  const first = ofKind(await readSample(`pytorch/pr_curve_experiment/${a}`), 'pr-curve');
  assert.deepEqual(first.map((p) => [p.tag, p.step]), [0, 1, 2, 3, 4].map((s) => ['Evaluations/PR_Curve', s]));
  const c = first[0];
  assert.equal(c.thresholds.length, 127);
  assert.deepEqual(c.thresholds.slice(0, 3), [1 / 127, 2 / 127, 3 / 127]);
  assert.equal(c.thresholds[126], 1);
  assert.deepEqual(c.truePositives.slice(0, 4), [200, 199, 198, 197]);
  assert.deepEqual(c.falsePositives.slice(0, 4), [800, 793, 786, 781]);
  assert.deepEqual(c.trueNegatives.slice(0, 4), [0, 7, 14, 19]);
  assert.deepEqual(c.falseNegatives.slice(0, 4), [0, 1, 2, 3]);
  assert.deepEqual(c.precision.slice(0, 2), [0.20000000298023224, 0.20060484111309052]);
  assert.deepEqual(c.recall.slice(0, 2), [1, 0.9950000047683716]);
  for (const p of first) {
    for (let i = 0; i < 127; i++) {
      assert.equal(p.truePositives[i] + p.falseNegatives[i], 200, 'every threshold sees the 200 positives');
      assert.equal(p.falsePositives[i] + p.trueNegatives[i], 800, 'and the 800 negatives');
    }
  }
  const second = ofKind(await readSample(`pytorch/pr_curve_experiment/${b}`), 'pr-curve');
  assert.deepEqual(second[0].truePositives.slice(0, 4), [200, 198, 196, 193]);
  assert.deepEqual(second[0].precision[125], 0.2222222238779068);
});

test('add_image: 5 steps of a 100x100 RGB PNG whose IHDR agrees with Summary.Image', async () => {
  const images = ofKind(await readSample('pytorch/image_experiment/events.out.tfevents.1771595107.zyzkings.11980.0'), 'image');
  assert.deepEqual(
    images.map((i) => [i.tag, i.step, i.sample, i.width, i.height, i.colorspace, i.contentType, i.encoded.length]),
    [0, 1, 2, 3, 4].map((s) => ['Debug_Images/Random_Noise', s, 0, 100, 100, 3, 'image/png', 30168]),
  );
  for (const image of images) {
    assert.equal(image.encoded.subarray(0, 8).toString('hex'), '89504e470d0a1a0a');
    assert.deepEqual([image.encoded.readUInt32BE(16), image.encoded.readUInt32BE(20), image.encoded[25]], [100, 100, 2], 'IHDR: width, height, colour type RGB');
  }
  assert.deepEqual(
    images.map((i) => createHash('sha256').update(i.encoded).digest('hex').slice(0, 16)),
    ['0011d93c6e57ca2d', '5b0e360034fb72c4', '9516892803ac069b', 'e9b0ecc6f60e10ca', 'c7f4f5fa40ab6a3f'],
  );
});
