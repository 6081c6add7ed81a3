import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExportRun, scalarsCsvChunks, scalarsJsonChunks } from '../../lib/compare/export';

const RUNS: ExportRun[] = [
  {
    id: 'r1',
    name: 'baseline',
    columns: [
      { tag: 'batch/loss', steps: [0, 1, 2], wallTimes: [1_700_000_000_000, 1_700_000_000_500, 1_700_000_001_250], values: [0.69, NaN, Infinity] },
      { tag: 'epoch/acc', steps: Float64Array.of(1), wallTimes: Float64Array.of(1_700_000_002_000), values: Float64Array.of(-Infinity) },
    ],
  },
  { id: 'r2', name: 'lr "small", 1e-3', columns: [{ tag: 'batch/loss', steps: [0], wallTimes: [1_700_000_000_000], values: [0.7] }] },
];

test('CSV has one row per point with TensorBoard number formatting, seconds and quoted names', () => {
  assert.equal(
    [...scalarsCsvChunks(RUNS)].join(''),
    [
      'run,tag,step,wall_time,value',
      'baseline,batch/loss,0,1700000000,0.69',
      'baseline,batch/loss,1,1700000000.5,nan',
      'baseline,batch/loss,2,1700000001.25,inf',
      'baseline,epoch/acc,1,1700000002,-inf',
      '"lr ""small"", 1e-3",batch/loss,0,1700000000,0.7',
      '',
    ].join('\n'),
  );
});

test('runs sharing a name are told apart by their id', () => {
  const twins: ExportRun[] = ['a', 'b'].map((id) => ({ id, name: 'sweep', columns: [{ tag: 'loss', steps: [3], wallTimes: [0], values: [1] }] }));
  const lines = [...scalarsCsvChunks([...twins, { id: 'c', name: 'other', columns: twins[0].columns }])].join('').trim().split('\n');
  assert.deepEqual(lines.slice(1), ['sweep (a),loss,3,0,1', 'sweep (b),loss,3,0,1', 'other,loss,3,0,1']);
});

test('JSON parses to every run with [wall_time, step, value] points and non-finite values as strings', () => {
  assert.deepEqual(JSON.parse([...scalarsJsonChunks(RUNS)].join('')), {
    runs: [
      {
        id: 'r1',
        name: 'baseline',
        scalars: {
          'batch/loss': [
            [1700000000, 0, 0.69],
            [1700000000.5, 1, 'NaN'],
            [1700000001.25, 2, 'Infinity'],
          ],
          'epoch/acc': [[1700000002, 1, '-Infinity']],
        },
      },
      { id: 'r2', name: 'lr "small", 1e-3', scalars: { 'batch/loss': [[1700000000, 0, 0.7]] } },
    ],
  });
});

test('an empty selection exports a header and an empty list', () => {
  assert.equal([...scalarsCsvChunks([])].join(''), 'run,tag,step,wall_time,value\n');
  assert.deepEqual(JSON.parse([...scalarsJsonChunks([])].join('')), { runs: [] });
  assert.deepEqual(JSON.parse([...scalarsJsonChunks([{ id: 'x', name: 'x', columns: [] }])].join('')), { runs: [{ id: 'x', name: 'x', scalars: {} }] });
});
