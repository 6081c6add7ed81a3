import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventDecoder } from '../../lib/logdir/event-decoder';
import { encodeEvent, histogramValue, type EventInput } from '../../lib/logdir/event-writer';
import type { LogdirRecord } from '../../lib/logdir/records';
import { float16 } from '../../lib/logdir/tensor-values';

const scalarMeta = { pluginData: { pluginName: 'scalars' } };
const shape = (...dims: number[]) => ({ dim: dims.map((size) => ({ size })) });

function decode(values: EventInput[], decoder = new EventDecoder(), step = 7): LogdirRecord[] {
  const out = decoder.decode(encodeEvent({ wallTime: 1.5, step, summary: { value: values } }));
  assert.ok(typeof out !== 'string', String(out));
  return out;
}

function le(write: (b: Buffer, v: number, at: number) => unknown, width: number, values: number[]): Buffer {
  const b = Buffer.alloc(width * values.length);
  values.forEach((v, i) => write(b, v, i * width));
  return b;
}

test('scalar tensors of any dtype, from tensor_content or the typed lists', () => {
  const cases: [string, EventInput, number][] = [
    ['float_val', { dtype: 1, floatVal: [0.25] }, 0.25],
    ['double content', { dtype: 2, tensorContent: le((b, v, at) => b.writeDoubleLE(v, at), 8, [0.1]) }, 0.1],
    ['int32', { dtype: 3, intVal: [-4] }, -4],
    ['int64', { dtype: 9, int64Val: [123456789012] }, 123456789012],
    ['int64 content', { dtype: 9, tensorContent: le((b, v, at) => b.writeBigInt64LE(BigInt(v), at), 8, [-9]) }, -9],
    ['uint8 content', { dtype: 4, tensorContent: Buffer.from([200]) }, 200],
    ['bool', { dtype: 10, boolVal: [true] }, 1],
    ['half_val', { dtype: 19, halfVal: [0x3e00] }, 1.5],
    ['half content', { dtype: 19, tensorContent: le((b, v, at) => b.writeUInt16LE(v, at), 2, [0xc100]) }, -2.5],
    ['bfloat16', { dtype: 14, halfVal: [0x3fc0] }, 1.5],
    ['NaN', { dtype: 1, floatVal: [NaN] }, NaN],
    ['-Infinity', { dtype: 2, doubleVal: [-Infinity] }, -Infinity],
  ];
  for (const [name, tensor, expected] of cases) {
    const [r] = decode([{ tag: 'loss', metadata: scalarMeta, tensor: { tensorShape: shape(), ...tensor } }]);
    assert.deepEqual(r, { kind: 'scalar', tag: 'loss', step: 7, wallTime: 1500, value: expected }, name);
  }
});

test('a tag keeps the plugin named on its first value, also in a decoder restored from the saved plugins', () => {
  const first = new EventDecoder();
  decode([{ tag: 'acc', metadata: scalarMeta, tensor: { dtype: 1, floatVal: [0.5] } }], first);
  const later = { tag: 'acc', tensor: { dtype: 1, floatVal: [0.75] } };
  assert.deepEqual(decode([later], first).map((r) => r.kind), ['scalar']);
  assert.deepEqual(first.plugins(), { acc: 'scalars' });
  assert.deepEqual(decode([later], new EventDecoder(first.plugins())).map((r) => r.kind), ['scalar']);
  assert.deepEqual(decode([later]), [{ kind: 'other', tag: 'acc', step: 7, wallTime: 1500, plugin: 'tensor' }], 'unknown without its plugin');
});

test('float16 special values', () => {
  assert.deepEqual([0x3c00, 0x7c00, 0xfc00, 0x0001, 0x8000].map(float16), [1, Infinity, -Infinity, 2 ** -24, -0]);
  assert.ok(Number.isNaN(float16(0x7e00)));
});

test('a histogram written as Keras writes it reads back bucket for bucket', () => {
  const h = { min: -1, max: 2, counts: [3, 0, 5] };
  const [r] = decode([histogramValue('dense/kernel_0', h)]);
  assert.equal(r.kind, 'histogram');
  assert.deepEqual(r.kind === 'histogram' && [r.min, r.max, r.counts, r.count], [-1, 2, [3, 0, 5], 8]);
  assert.deepEqual(decode([{ ...histogramValue('empty', h), tensor: { dtype: 2, tensorShape: shape(0, 3) } }]), [], 'an empty histogram is no point');
});

test('HistogramProto buckets of any width are spread over 30 equal ones, keeping the total', () => {
  const histo = { min: 0, max: 3, num: 10, sum: 12, sumSquares: 20, bucketLimit: [0, 1, 3, Number.MAX_VALUE], bucket: [0, 4, 6, 0] };
  const [r] = decode([{ tag: 'w', histo }]);
  assert.ok(r.kind === 'histogram');
  assert.deepEqual([r.min, r.max, r.count, r.sum, r.sumSquares, r.counts.length], [0, 3, 10, 12, 20, 30]);
  assert.equal(r.counts.slice(0, 10).reduce((a, b) => a + b, 0), 4, 'the first bucket, (0, 1], fills the first third');
  assert.equal(r.counts.slice(10).reduce((a, b) => a + b, 0), 6);
  const [constant] = decode([{ tag: 'c', histo: { min: 2, max: 2, num: 5, sum: 10, sumSquares: 20, bucketLimit: [2, Number.MAX_VALUE], bucket: [5, 0] } }]);
  assert.ok(constant.kind === 'histogram');
  assert.deepEqual([constant.min, constant.max, constant.count, constant.counts[15]], [1.5, 2.5, 5, 5], 'a constant sits mid-range, as computeHistogram puts it');
});

test('text, PR curves, TF2 image batches and unknown plugins', () => {
  const text = { tag: 'notes', metadata: { pluginData: { pluginName: 'text' } }, tensor: { dtype: 7, tensorShape: shape(2), stringVal: ['héllo', '**md**'].map((s) => Buffer.from(s)) } };
  const pr = { tag: 'pr', metadata: { pluginData: { pluginName: 'pr_curves' } }, tensor: { dtype: 1, tensorShape: shape(6, 2), floatVal: [5, 3, 1, 2, 4, 6, 0, 2, 0.75, 0.5, 1, 0.5] } };
  const png = Buffer.from('89504e470d0a1a0a0000', 'hex');
  const images = { tag: 'img', metadata: { pluginData: { pluginName: 'images' } }, tensor: { dtype: 7, tensorShape: shape(4), stringVal: [Buffer.from('4'), Buffer.from('3'), png, Buffer.from([0xff, 0xd8, 0xff])] } };
  const audio = { tag: 'sound', metadata: { pluginData: { pluginName: 'audio' } }, tensor: { dtype: 7, stringVal: [Buffer.from('x')] } };
  const [t, p, i0, i1, a] = decode([text, pr, images, audio]);
  assert.deepEqual(t, { kind: 'text', tag: 'notes', step: 7, wallTime: 1500, shape: [2], texts: ['héllo', '**md**'] });
  assert.ok(p.kind === 'pr-curve');
  assert.deepEqual([p.thresholds, p.truePositives, p.falsePositives, p.trueNegatives, p.falseNegatives, p.precision, p.recall], [[0.5, 1], [5, 3], [1, 2], [4, 6], [0, 2], [0.75, 0.5], [1, 0.5]]);
  assert.ok(i0.kind === 'image' && i1.kind === 'image');
  assert.deepEqual([i0.sample, i0.width, i0.height, i0.contentType, i1.sample, i1.contentType], [0, 4, 3, 'image/png', 1, 'image/jpeg']);
  assert.deepEqual(a, { kind: 'other', tag: 'sound', step: 7, wallTime: 1500, plugin: 'audio' });
});

test('a value of a known kind that cannot be read is listed with the reason, never thrown', () => {
  const bad = [
    { tag: 'loss', metadata: scalarMeta, tensor: { dtype: 1, tensorShape: shape(2), floatVal: [1, 2] } },
    { tag: 'loss2', metadata: scalarMeta, tensor: { dtype: 1, tensorShape: shape(), tensorContent: Buffer.alloc(3) } },
    { tag: 'model', metadata: { pluginData: { pluginName: 'graph_keras_model' } }, tensor: { dtype: 7, stringVal: [Buffer.from('{not json')] } },
    { tag: 'h', metadata: { pluginData: { pluginName: 'histograms' } }, tensor: { dtype: 1, tensorShape: shape(2, 2), floatVal: [1, 2, 3, 4] } },
  ];
  const out = decode(bad);
  assert.deepEqual(out.map((r) => [r.kind, 'reason' in r && typeof r.reason === 'string']), bad.map(() => ['other', true]));
  assert.equal(typeof new EventDecoder().decode(Buffer.from([0x0a, 0xff])), 'string', 'bytes that are no Event give a message');
});
