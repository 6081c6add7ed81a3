import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CompareState, DEFAULT_COMPARE_STATE, readCompareState, writeCompareState } from '../../lib/compare/url-state';
import { seededRandom } from '../../lib/seeded-random';

const FULL: CompareState = {
  runs: ['run-a', 'run_b', 'C3'],
  tagFilter: '/loss|acc/ val',
  smoothing: { method: 'gaussian', sigma: 12.5 },
  xAxis: 'relative',
  logScale: true,
  ignoreOutliers: true,
  groupBy: ['lr', 'optimizer.name'],
  band: 'std',
  hidden: ['run_b'],
  colors: { 'run-a': '#2f6fed', C3: '#d6357f' },
  view: 'hparams',
  zooms: { 'batch/loss': [1200, 5400.25], 'epoch/val acc': [3, 9] },
  columns: { fixed: ['model', 'status'], config: 'all', stats: ['best', 'min'], tags: ['epoch/loss', 'batch/acc'] },
  sort: { column: 'metric:best:epoch/val acc', descending: true },
};

test('the default view has an empty address and an empty address is the default view', () => {
  assert.equal(writeCompareState(DEFAULT_COMPARE_STATE).toString(), '');
  assert.deepEqual(readCompareState(''), DEFAULT_COMPARE_STATE);
});

test('every part of the view survives a trip through the address, in a fixed order', () => {
  const params = writeCompareState(FULL);
  assert.deepEqual([...params.keys()], ['runs', 'tags', 'smoothing', 'x', 'log', 'ignore_outliers', 'group', 'band', 'hidden', 'colors', 'view', 'zoom', 'columns', 'sort']);
  assert.equal(params.get('zoom'), 'batch/loss:1200:5400.25,epoch/val acc:3:9');
  assert.equal(params.get('columns'), 'model,status|all|best,min|epoch/loss,batch/acc');
  assert.equal(params.get('smoothing'), 'gaussian:12.5');
  assert.equal(params.get('sort'), '-metric:best:epoch/val acc');
  assert.equal(params.get('colors'), 'run-a:2f6fed,C3:d6357f');
  assert.deepEqual(readCompareState(params.toString()), FULL);
  assert.deepEqual(readCompareState(params), FULL);
});

test('each smoothing method keeps its own parameter, and a bare method takes its default amount', () => {
  for (const smoothing of [{ method: 'ema', weight: 0.9 }, { method: 'average', window: 40 }] as const) {
    assert.deepEqual(readCompareState(writeCompareState({ ...DEFAULT_COMPARE_STATE, smoothing })).smoothing, smoothing);
  }
  assert.deepEqual(readCompareState('smoothing=average').smoothing, { method: 'average', window: 25 });
  assert.deepEqual(readCompareState('smoothing=ema:0').smoothing, { method: 'ema', weight: 0 });
});

test('garbage falls back to defaults one parameter at a time', () => {
  const state = readCompareState(
    'runs=ok-1,,bad id,ok-1,%%%,ok-2&smoothing=ema:lots&x=banana&log=maybe&ignore_outliers=TRUE' +
      '&group=lr,,lr&band=wide&hidden=ok-2,stranger&colors=ok-1:zzzzzz,ok-2:ABCDEF,stranger:2f6fed,ok-1',
  );
  assert.deepEqual(state, {
    ...DEFAULT_COMPARE_STATE,
    runs: ['ok-1', 'ok-2'],
    ignoreOutliers: true,
    groupBy: ['lr'],
    hidden: ['ok-2'],
    colors: { 'ok-2': '#abcdef' },
  });
  assert.deepEqual(readCompareState('smoothing=ema:5').smoothing, { method: 'ema', weight: 0.999 });
  assert.deepEqual(readCompareState('smoothing=gaussian:-3').smoothing, { method: 'gaussian', sigma: 0 });
  assert.deepEqual(readCompareState('smoothing=median:3').smoothing, DEFAULT_COMPARE_STATE.smoothing);
  assert.deepEqual(readCompareState('smoothing=ema:0.5:1').smoothing, DEFAULT_COMPARE_STATE.smoothing);
  assert.equal(readCompareState(`tags=${'x'.repeat(5_000)}`).tagFilter.length, 1_000);
});

test('no address makes reading throw, and what it reads writes back to the same state', () => {
  const random = seededRandom(7);
  const pieces = ['runs=', 'smoothing=', 'sort=', 'colors=', 'hidden=', 'x=', 'group=', 'a', '1', ':', ',', '&', '=', '%', '#', 'ema', 'wall', '0.3', '-'];
  for (let i = 0; i < 3_000; i++) {
    const search = Array.from({ length: Math.floor(random() * 14) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
    const state = readCompareState(search);
    assert.deepEqual(readCompareState(writeCompareState(state)), state, search);
  }
});

test('the view is the charts unless the address asks for the HParams view', () => {
  assert.equal(readCompareState('view=hparams').view, 'hparams');
  assert.equal(readCompareState('view=table').view, 'charts');
});

test('a zoom or column choice that does not read is dropped on its own', () => {
  const state = readCompareState('zoom=a:1:2,b:5:3,c:x:4,:1:2,d:1,e:1:2:3,f:-Infinity:2,g:0.5:0.75&columns=status,bogus||last,worst|t');
  assert.deepEqual(state.zooms, { a: [1, 2], g: [0.5, 0.75] });
  assert.deepEqual(state.columns, null, 'an unknown config mode is no choice at all');
  assert.deepEqual(readCompareState('columns=status,bogus|differences|last,worst|t,t').columns, { fixed: ['status'], config: 'differences', stats: ['last'], tags: ['t'] });
  assert.deepEqual(readCompareState('columns=||||').columns, null);
  assert.deepEqual(readCompareState('columns=|differences||').columns, { fixed: [], config: 'differences', stats: [], tags: [] }, 'no columns at all is a choice too');
  assert.equal(writeCompareState({ ...DEFAULT_COMPARE_STATE, zooms: { t: [1 / 3, 2 / 3] } }).get('zoom'), 't:0.333:0.667');
});

test('the table sort reads ascending unless its column starts with a minus, and an empty one is no sort', () => {
  assert.deepEqual(readCompareState('sort=duration').sort, { column: 'duration', descending: false });
  assert.deepEqual(readCompareState('sort=-config:optimizer.lr').sort, { column: 'config:optimizer.lr', descending: true });
  assert.equal(readCompareState('sort=').sort, null);
  assert.equal(readCompareState('sort=-').sort, null);
  assert.equal(readCompareState(`sort=${'x'.repeat(5_000)}`).sort, null);
  assert.equal(writeCompareState({ ...DEFAULT_COMPARE_STATE, sort: { column: 'status', descending: false } }).get('sort'), 'status');
});
