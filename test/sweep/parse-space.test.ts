import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseParam, parseSpace, type ParamSpec } from '../../lib/sweep/space';

function ok(text: string): ParamSpec {
  const parsed = parseParam(text);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
  return parsed.value;
}

function error(text: string): string {
  const parsed = parseParam(text);
  assert.ok(!parsed.ok, `${text} should not parse`);
  return parsed.error;
}

test('every kind parses into a typed param', () => {
  assert.deepEqual(ok('learningRate=loguniform:1e-4:1e-2'), { name: 'learningRate', kind: 'loguniform', low: 1e-4, high: 1e-2 });
  assert.deepEqual(ok('dropout=uniform:0:0.5'), { name: 'dropout', kind: 'uniform', low: 0, high: 0.5 });
  assert.deepEqual(ok('convFilters=int:16:64'), { name: 'convFilters', kind: 'int', low: 16, high: 64, q: 1 });
  assert.deepEqual(ok('units=quniform:8:128:8'), { name: 'units', kind: 'quniform', low: 8, high: 128, q: 8 });
  assert.deepEqual(ok('batch-size=qloguniform:16:512:16'), { name: 'batch-size', kind: 'qloguniform', low: 16, high: 512, q: 16 });
});

test('choice items are numbers when numeric and strings otherwise', () => {
  assert.deepEqual(ok('batchSize=choice:32,64,128'), { name: 'batchSize', kind: 'choice', choices: [32, 64, 128] });
  assert.deepEqual(ok('optimizer=choice:adam, rmsprop ,sgd'), { name: 'optimizer', kind: 'choice', choices: ['adam', 'rmsprop', 'sgd'] });
  assert.deepEqual(ok('x=choice:1e-3,0x10,none'), { name: 'x', kind: 'choice', choices: [0.001, '0x10', 'none'] });
});

test('a bad spec returns a message that names the param and the problem', () => {
  const cases: [string, RegExp][] = [
    ['learningRate', /--param learningRate: expected name=KIND:ARGS/],
    ['1rate=uniform:0:1', /--param 1rate: a param name starts with a letter/],
    ['lr=gaussian:0:1', /--param lr: unknown kind "gaussian"/],
    ['lr=loguniform:0:1e-2', /--param lr: loguniform needs LOW > 0, got 0/],
    ['lr=loguniform:1e-2:1e-4', /--param lr: loguniform needs LOW < HIGH/],
    ['lr=uniform:0', /--param lr: expected uniform:LOW:HIGH, got uniform:0/],
    ['lr=uniform:0:abc', /--param lr: "abc" in uniform:LOW:HIGH is not a finite number/],
    ['lr=uniform:0:Infinity', /"Infinity" in uniform:LOW:HIGH is not a finite number/],
    ['lr=uniform::1', /"" in uniform:LOW:HIGH is not a finite number/],
    ['filters=int:16.5:64', /--param filters: int needs integer bounds/],
    ['units=quniform:8:128', /--param units: expected quniform:LOW:HIGH:Q/],
    ['units=quniform:8:128:0', /--param units: quniform needs Q > 0, got 0/],
    ['units=quniform:1:7:8', /--param units: no multiple of 8 lies in \[1, 7\]/],
    ['bs=choice:32', /--param bs: choice needs at least two values/],
    ['bs=choice:32,,64', /--param bs: choice needs a comma-separated list without empty items/],
    ['bs=choice:32,64,32', /--param bs: choice lists 32 twice/],
  ];
  for (const [text, pattern] of cases) assert.match(error(text), pattern, text);
});

test('a space keeps the flags in order and refuses a name given twice', () => {
  const parsed = parseSpace(['b=uniform:0:1', 'a=choice:x,y']);
  assert.ok(parsed.ok);
  assert.deepEqual(
    parsed.value.map((spec) => spec.name),
    ['b', 'a'],
  );
  assert.deepEqual(parseSpace(['a=uniform:0:1', 'a=int:1:3']), { ok: false, error: '--param a: given twice' });
  assert.deepEqual(parseSpace(['a=uniform:0:1', 'b=uniform:1:0']), { ok: false, error: '--param b: uniform needs LOW < HIGH, got 1 and 0' });
  assert.deepEqual(parseSpace([]), { ok: false, error: 'a sweep needs at least one --param' });
});
