import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FilterableRun, parseRunFilter } from '../../lib/compare/run-filter';
import { parseFilterTerms } from '../../lib/compare/run-filter-syntax';
import { seededRandom } from '../../lib/seeded-random';
import type { WireRunSummary } from '../../lib/kinds/scalar/run-summary';

function run(id: string, fields: Partial<FilterableRun>): FilterableRun {
  return { id, name: id, model: '', status: 'finished', config: {}, lastScalars: {}, ...fields };
}

const RUNS: FilterableRun[] = [
  run('a', {
    name: 'baseline lr 1e-2',
    model: 'imdb-conv1d',
    tags: ['Sweep-1'],
    config: { lr: 0.01, optimizer: { name: 'adam' }, batch_size: 32, name: 'conv' },
    lastScalars: { 'epoch/val_acc': [4, 1000, 0.85], 'batch/loss': [400, 1000, 0.3] },
  }),
  run('b', {
    name: 'small lr',
    model: 'imdb-lstm',
    status: 'failed',
    note: 'diverged after warm-up',
    config: { lr: '0.001', optimizer: { name: 'sgd' }, batch_size: 64 },
    lastScalars: { 'epoch/val_acc': [2, 1000, 0.6], 'batch/loss': [200, 1000, 'NaN'] },
  }),
  run('c', {
    name: 'running one',
    model: 'imdb-conv1d',
    status: 'running',
    tags: ['sweep-2', 'best'],
    config: { lr: 0.005, batch_size: 32 },
    lastScalars: { 'batch/val_acc': [50, 1000, 0.9], 'epoch/val_acc': [1, 1000, 0.82] },
  }),
];

function matching(text: string): string[] {
  const filter = parseRunFilter(text);
  assert.ok(filter.ok, `"${text}" should parse: ${!filter.ok && filter.error.message}`);
  return RUNS.filter(filter.matches).map((r) => r.id);
}

function errorOf(text: string) {
  const filter = parseRunFilter(text);
  assert.ok(!filter.ok, `"${text}" should not parse`);
  return filter.error;
}

test('an empty filter keeps every run', () => {
  assert.deepEqual(matching(''), ['a', 'b', 'c']);
  assert.deepEqual(matching('   '), ['a', 'b', 'c']);
});

test('free text matches name, model, tags and note case-insensitively, every term required', () => {
  assert.deepEqual(matching('LSTM'), ['b']);
  assert.deepEqual(matching('sweep'), ['a', 'c']);
  assert.deepEqual(matching('diverged'), ['b']);
  assert.deepEqual(matching('conv1d lr'), ['a']);
  assert.deepEqual(matching('"small lr"'), ['b']);
  assert.deepEqual(matching('"lr small"'), []);
});

test('free text does not look at the run id or the config', () => {
  assert.deepEqual(matching('adam'), []);
  const filter = parseRunFilter('3f1c');
  assert.ok(filter.ok && !filter.matches(run('3f1c', { name: 'other' })));
});

test('a regex matches each field on its own, with its flags', () => {
  assert.deepEqual(matching('/^small/'), ['b']);
  assert.deepEqual(matching('/^SWEEP-\\d$/i'), ['a', 'c']);
  assert.deepEqual(matching('/^sweep-\\d$/'), ['c']);
  assert.deepEqual(matching('/[/]/'), []);
  const global = parseRunFilter('/small/g');
  assert.ok(global.ok);
  assert.deepEqual([global.matches(RUNS[1]), global.matches(RUNS[1])], [true, true], 'g would make the second test start mid-string');
});

test('comparisons read config paths, numbers as numbers even when stored as text', () => {
  assert.deepEqual(matching('lr<0.01'), ['b', 'c']);
  assert.deepEqual(matching('lr<=0.01'), ['a', 'b', 'c']);
  assert.deepEqual(matching('lr=1e-3'), ['b']);
  assert.deepEqual(matching('batch_size=32 lr>0.005'), ['a']);
  assert.deepEqual(matching('optimizer.name=ADAM'), ['a']);
  assert.deepEqual(matching('optimizer.name!=adam'), ['b', 'c']);
});

test('run fields come before the config, which stays reachable as config.<path>', () => {
  assert.deepEqual(matching('status=finished'), ['a']);
  assert.deepEqual(matching('status!=finished'), ['b', 'c']);
  assert.deepEqual(matching('name=conv'), []);
  assert.deepEqual(matching('config.name=conv'), ['a']);
  assert.deepEqual(matching('config.lr>0.002'), ['a', 'c']);
  assert.deepEqual(matching('model="imdb-conv1d"'), ['a', 'c']);
  assert.deepEqual(matching('tag=best'), ['c']);
  assert.deepEqual(matching('tags!=best'), ['a', 'b']);
});

test('comparisons read last metric values, epoch before batch, by tag or name', () => {
  assert.deepEqual(matching('val_acc>0.8'), ['a', 'c']);
  assert.deepEqual(matching('val_acc>=0.85'), ['a']);
  assert.deepEqual(matching('batch/val_acc>0.85'), ['c']);
  assert.deepEqual(matching('lr<0.01 status=finished val_acc>0.8'), []);
  assert.deepEqual(matching('lr<0.01 status=running val_acc>0.8'), ['c']);
});

test('NaN is a value: loss=nan finds the diverged run and orderings are false for it', () => {
  assert.deepEqual(matching('loss=nan'), ['b']);
  assert.deepEqual(matching('loss>0'), ['a']);
  assert.deepEqual(matching('loss<inf'), ['a']);
});

test('a run summary as the API sends it filters as it is, non-finite values decoded', () => {
  const summary: WireRunSummary = {
    id: 'w1', name: 'wire run', model: 'm', backend: 'wasm', config: { lr: 0.1 }, status: 'failed', error: 'NaN loss',
    startedAt: 0, updatedAt: 0, finishedAt: 1, heardAt: null, source: null, tags: ['sweep'], note: 'diverged early', archived: false,
    lastScalars: { 'epoch/loss': [3, 1, 'NaN'], 'epoch/acc': [3, 1, 0.5] },
  };
  const filter = parseRunFilter('loss=nan acc<=0.5 lr>0.05 backend=WASM tag=sweep diverged');
  assert.ok(filter.ok && filter.matches(summary));
});

test('a run without the key matches only !=', () => {
  assert.deepEqual(matching('dropout=0.5'), []);
  assert.deepEqual(matching('dropout>0'), []);
  assert.deepEqual(matching('dropout!=0.5'), ['a', 'b', 'c']);
});

test('quoted keys and values may hold spaces, operators and escaped quotes', () => {
  const terms = parseFilterTerms(`"my key"=="a b" name='it\\'s' x!="<>"`);
  assert.ok(terms.ok);
  assert.deepEqual(terms.terms, [
    { kind: 'compare', key: 'my key', operator: '=', value: 'a b', number: null },
    { kind: 'compare', key: 'name', operator: '=', value: "it's", number: null },
    { kind: 'compare', key: 'x', operator: '!=', value: '<>', number: null },
  ]);
});

test('bad expressions give a message with the column and the span to underline', () => {
  assert.deepEqual(errorOf('lr<0.1 /abc'), { message: 'column 8: unclosed /regex/: add the closing /', position: 7, length: 4 });
  assert.deepEqual(errorOf('val_acc>'), { message: "column 8: expected a value after '>'", position: 7, length: 1 });
  assert.deepEqual(errorOf('val_acc>= x'), { message: "column 8: expected a value after '>='", position: 7, length: 2 });
  assert.deepEqual(errorOf('=3'), { message: "column 1: expected a key before '='", position: 0, length: 1 });
  assert.deepEqual(errorOf('lr>small'), { message: `column 4: '>' compares numbers, and "small" is not a number`, position: 3, length: 5 });
  assert.deepEqual(errorOf('name="abc'), { message: 'column 6: unclosed ": add the closing "', position: 5, length: 4 });
  assert.deepEqual(errorOf('"abc"def'), { message: 'column 6: expected a space after the closing "', position: 5, length: 1 });
  assert.deepEqual(errorOf('// x'), { message: 'column 1: empty /regex/', position: 0, length: 2 });
  const invalid = errorOf('ok /a(/');
  assert.match(invalid.message, /^column 4: invalid regex: .*unterminated group/i);
  assert.deepEqual([invalid.position, invalid.length], [3, 4]);
  assert.match(errorOf('/a/q').message, /^column 1: invalid regex: .*flags/i);
});

test('no input makes the filter throw, whether it parses or not', () => {
  const random = seededRandom(11);
  const alphabet = ['/', '"', "'", '\\', '=', '!', '<', '>', ' ', 'a', '1', '.', '[', ']', '(', '*', 'e', '-', 'n'];
  for (let i = 0; i < 5_000; i++) {
    const text = Array.from({ length: Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    const filter = parseRunFilter(text);
    if (filter.ok) RUNS.forEach(filter.matches);
    else assert.ok(filter.error.position >= 0 && filter.error.position <= text.length && filter.error.message.startsWith('column '), text);
  }
});
