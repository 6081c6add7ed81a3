import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffConfigs } from '../../lib/compare/config-diff';
import { compareConfigPaths, configValue, flattenConfig, formatConfigValue } from '../../lib/compare/config-values';

test('flattenConfig names nested leaves by dotted path and keeps arrays and empty objects whole', () => {
  const leaves = flattenConfig({ lr: 0.01, optimizer: { name: 'adam', betas: [0.9, 0.999] }, callbacks: {} });
  assert.deepEqual([...leaves], [
    ['lr', 0.01],
    ['optimizer.name', 'adam'],
    ['optimizer.betas', [0.9, 0.999]],
    ['callbacks', {}],
  ]);
});

test('flattenConfig stops at a depth limit instead of exhausting the stack', () => {
  let deep: Record<string, unknown> = { leaf: 1 };
  for (let i = 0; i < 100_000; i++) deep = { a: deep };
  const leaves = flattenConfig(deep);
  assert.equal(leaves.size, 1);
  assert.equal([...leaves.keys()][0].split('.').length, 16);
});

test('configValue follows dotted paths, and matches a key holding a dot whole first', () => {
  const config = { optimizer: { name: 'adam', 'beta.1': 0.9 }, 'data.split': 0.2, data: { split: 0.5 } };
  assert.equal(configValue(config, 'optimizer.name'), 'adam');
  assert.equal(configValue(config, 'optimizer.beta.1'), 0.9);
  assert.equal(configValue(config, 'data.split'), 0.2);
  assert.deepEqual(configValue(config, 'optimizer'), { name: 'adam', 'beta.1': 0.9 });
  assert.equal(configValue(config, 'optimizer.momentum'), undefined);
  assert.equal(configValue(config, 'lr'), undefined);
});

test('formatConfigValue shows strings bare and everything else as compact JSON with sorted keys', () => {
  assert.equal(formatConfigValue('adam'), 'adam');
  assert.equal(formatConfigValue(0.001), '0.001');
  assert.equal(formatConfigValue(true), 'true');
  assert.equal(formatConfigValue(null), 'null');
  assert.equal(formatConfigValue([64, 32]), '[64,32]');
  assert.equal(formatConfigValue({ b: 1, a: [{ d: 1, c: 2 }] }), '{"a":[{"c":2,"d":1}],"b":1}');
  assert.equal(formatConfigValue(undefined), '');
});

test('config paths sort segment by segment with numbers by value', () => {
  const keys = ['optimizer_name', 'layer10', 'optimizer.lr', 'layer2', 'batch_size', 'optimizer'];
  assert.deepEqual(keys.sort(compareConfigPaths), ['batch_size', 'layer2', 'layer10', 'optimizer', 'optimizer.lr', 'optimizer_name']);
});

test('diffConfigs lists every key in path order and the ones that differ among the runs', () => {
  const diff = diffConfigs([
    { id: 'a', config: { epochs: 4, optimizer: { name: 'adam', lr: 0.01 }, layers: [64, 32], seed: 1 } },
    { id: 'b', config: { epochs: 4, optimizer: { lr: 0.001, name: 'adam' }, layers: [64, 32] } },
    { id: 'c', config: { epochs: 4, optimizer: { name: 'adam', lr: 0.01 }, layers: [64, 16], seed: 1 } },
  ]);
  assert.deepEqual(diff.all.map((c) => [c.key, c.differs]), [
    ['epochs', false],
    ['layers', true],
    ['optimizer.lr', true],
    ['optimizer.name', false],
    ['seed', true],
  ]);
  assert.deepEqual(diff.differences.map((c) => c.key), ['layers', 'optimizer.lr', 'seed']);
  const seed = diff.all.find((c) => c.key === 'seed')!;
  assert.deepEqual(seed.cells, [
    { value: 1, text: '1', missing: false },
    { value: undefined, text: '', missing: true },
    { value: 1, text: '1', missing: false },
  ]);
  assert.deepEqual(diff.all.find((c) => c.key === 'layers')!.cells.map((c) => c.text), ['[64,32]', '[64,32]', '[64,16]']);
});

test('diffConfigs tells the number 1 from the string "1" but not reordered object keys', () => {
  const diff = diffConfigs([
    { id: 'a', config: { units: 1, extra: { x: 1, y: 2 } } },
    { id: 'b', config: { units: '1', extra: { y: 2, x: 1 } } },
  ]);
  assert.deepEqual(diff.differences.map((c) => c.key), ['units']);
});

test('diffConfigs with one run or none finds no differences', () => {
  assert.deepEqual(diffConfigs([{ id: 'a', config: { lr: 1 } }]).differences, []);
  assert.deepEqual(diffConfigs([]), { all: [], differences: [] });
});
