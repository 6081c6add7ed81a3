import { test } from 'node:test';
import assert from 'node:assert/strict';
import { summarizeMetric } from '../../../lib/compare/metric-summary';
import { diffConfigs } from '../../../lib/compare/config-diff';
import type { WireRunSummary } from '../../../lib/kinds/scalar/run-summary';
import { groupCell } from '../../../lib/view/compare/group-cells';
import { compareCells, configColumns, fixedColumns, metricColumn, type TableRun } from '../../../lib/view/compare/run-table-columns';

function row(index: number, id: string, config: Record<string, unknown>, losses: number[], extra: Partial<WireRunSummary> = {}): TableRun {
  const run: WireRunSummary = {
    id, name: id, model: 'm', backend: '', config, status: 'finished', error: null, startedAt: 0, updatedAt: 10, finishedAt: 10,
    heardAt: null, source: null, tags: [], note: '', archived: false, lastScalars: {}, ...extra,
  };
  const metrics = new Map([['epoch/loss', summarizeMetric('epoch/loss', { steps: losses.map((_, i) => i), values: losses })]]);
  return { run, index, metrics };
}

test('table cells: best with its step, config values, durations; sorting puts missing cells and NaN last', () => {
  const rows = [row(0, 'a', { lr: 0.1 }, [0.9, 0.5, 0.7]), row(1, 'b', { lr: 0.01, extra: true }, [NaN]), row(2, 'c', {}, [], { status: 'running', finishedAt: null })];
  const best = metricColumn('epoch/loss', 'best');
  assert.deepEqual(best.cell(rows[0]), { kind: 'number', value: 0.5, step: 1 });
  assert.equal(best.cell(rows[1]), null, 'no finite value, no best');
  const last = metricColumn('epoch/loss', 'last');
  assert.ok(Number.isNaN((last.cell(rows[1]) as { value: number }).value));
  const sorted = [...rows].sort((x, y) => compareCells(last.cell(x), last.cell(y))).map((r) => r.run.id);
  assert.deepEqual(sorted, ['a', 'b', 'c']);

  const [extra, lr] = configColumns(diffConfigs(rows.map((r) => ({ id: r.run.id, config: r.run.config }))).differences);
  assert.deepEqual([lr.id, lr.numeric, extra.id, extra.numeric], ['config:lr', true, 'config:extra', false]);
  assert.deepEqual(rows.map((r) => lr.cell(r)), [{ kind: 'number', value: 0.1 }, { kind: 'number', value: 0.01 }, null]);

  const [, duration] = fixedColumns(null);
  assert.deepEqual([duration.cell(rows[0]), duration.cell(rows[2])], [{ kind: 'number', value: 10 }, null], 'a running run waits for the clock');
  assert.deepEqual(fixedColumns(25)[1].cell(rows[2]), { kind: 'number', value: 25 });
});

test('a group row averages its runs numbers over the finite ones and counts the texts that differ', () => {
  const rows = [row(0, 'a', {}, [1, 0.4]), row(1, 'b', {}, [1, 0.6]), row(2, 'c', {}, [NaN], { status: 'failed' })];
  assert.deepEqual(groupCell(metricColumn('epoch/loss', 'last'), rows), { kind: 'number', value: 0.5 });
  assert.deepEqual(groupCell(fixedColumns(0)[0], rows), { kind: 'text', value: '2 values' });
  assert.deepEqual(groupCell(fixedColumns(0)[0], rows.slice(0, 2)), { kind: 'text', value: 'finished' });
  assert.equal(groupCell(metricColumn('epoch/acc', 'last'), rows), null);
});
