import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ScalarPoint } from '../../../lib/kinds/scalar/points';
import { DEFAULT_SMOOTHING } from '../../../lib/compare/smoothing/smoothing';
import { type ChartRun, chartLines, type ChartView } from '../../../lib/view/compare/chart-lines';
import { SmoothedCache } from '../../../lib/view/compare/smoothed-cache';
import type { ChartTheme } from '../../../lib/view/shared/chart-theme';
import { dataOf } from './chart-data-fixture';

const theme: ChartTheme = { text: '#000', muted: '#666', grid: '#ddd', surface: '#fff', bad: '#d00', palette: ['#00f'] };
const view: ChartView = { smoothing: DEFAULT_SMOOTHING, xAxis: 'step', logScale: false, ignoreOutliers: false, band: 'minmax' };

function widths(count: number): { raw: number[]; smoothed: number[] } {
  const runs: ChartRun[] = Array.from({ length: count }, (_, i) => ({ id: `r${i}`, name: `run ${i}`, color: '#123456', startedAt: 0 }));
  const points = Object.fromEntries(runs.map((run, i): [string, ScalarPoint[]] => [run.id, [[0, 0, i], [1, 1, i / 2], [2, 2, i / 3]]]));
  const { runLines } = chartLines('loss', runs, null, dataOf(points), new SmoothedCache(), view, null, theme, new Map());
  return { raw: runLines.raw.map((line) => line.width), smoothed: runLines.smoothed.map((line) => line.width) };
}

test('smoothed lines are bold for a few runs and one pixel wide for many; raw lines are always one pixel', () => {
  const few = widths(12);
  assert.deepEqual(new Set(few.smoothed), new Set([1.6]));
  assert.deepEqual(new Set(few.raw), new Set([1]));
  const many = widths(13);
  assert.equal(many.smoothed.length, 13);
  assert.deepEqual(new Set(many.smoothed), new Set([1]));
  assert.deepEqual(new Set(many.raw), new Set([1]));
});
