import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ScalarPoint } from '../../../lib/kinds/scalar/points';
import { DEFAULT_SMOOTHING } from '../../../lib/compare/smoothing/smoothing';
import { type ChartRun, chartLines, type ChartView } from '../../../lib/view/compare/chart-lines';
import type { TooltipLookup } from '../../../lib/view/compare/compare-tooltip';
import { SmoothedCache } from '../../../lib/view/compare/smoothed-cache';
import type { MarkerDatum } from '../../../lib/view/scalar/non-finite-markers';
import type { ChartTheme } from '../../../lib/view/shared/chart-theme';
import { dataOf } from './chart-data-fixture';

const theme: ChartTheme = { text: '#000', muted: '#666', grid: '#ddd', surface: '#fff', bad: '#d00', palette: ['#00f'] };
const view: ChartView = { smoothing: DEFAULT_SMOOTHING, xAxis: 'step', logScale: false, ignoreOutliers: false, band: 'minmax' };

const runs: ChartRun[] = [
  { id: 'a', name: 'run a', color: '#111111', startedAt: 0 },
  { id: 'b', name: 'run b', color: '#222222', startedAt: 0 },
  { id: 'c', name: 'run c', color: '#333333', startedAt: 0 },
];
const points: Record<string, ScalarPoint[]> = {
  a: [[0, 0, 1], [1, 1, NaN], [2, 2, 0.5]],
  b: [[0, 0, 2], [1, 1, Infinity], [2, 2, -Infinity]],
  c: [[0, 0, 3], [1, 1, 2], [2, 2, 1]],
};

test("every run's NaN/±Inf markers are one series, each outlined in its run's colour, and redrawn only when they change", () => {
  const cache = new SmoothedCache();
  const tooltip: TooltipLookup = new Map();
  const lines = chartLines('loss', runs, null, dataOf(points), cache, view, null, theme, tooltip);
  assert.equal(lines.nonFiniteRuns, 2);
  assert.equal(lines.series.length, 1, 'one marker series for two runs with non-finite values');
  const [series] = lines.series;
  assert.equal(series.id, 'nf:a b');
  const data = series.data as MarkerDatum[];
  assert.deepEqual(
    data.map((d) => [d.value[0], d.value[3], d.symbol, d.symbolRotate, d.itemStyle?.borderColor]),
    [
      [1, NaN, 'diamond', 0, '#111111'],
      [1, Infinity, 'triangle', 0, '#222222'],
      [2, -Infinity, 'triangle', 180, '#222222'],
    ],
  );
  assert.ok(data[2].value[2] < data[1].value[2], '-Inf sits at the bottom edge, +Inf at the top');
  // The tooltip still names each run with its raw value where it is not finite.
  assert.ok(Number.isNaN((tooltip.get('run:a')!.at(1) as { raw: number }).raw));
  assert.equal((tooltip.get('run:b')!.at(2) as { raw: number }).raw, -Infinity);

  const again = chartLines('loss', runs, null, dataOf(points), cache, { ...view, smoothing: { method: 'ema', weight: 0.9 } }, null, theme, tooltip);
  assert.deepEqual([...again.unchanged], ['nf:a b'], 'a smoothing change leaves the markers as they were');

  const withoutA = chartLines('loss', runs.slice(1), null, dataOf(points), cache, view, null, theme, tooltip);
  assert.deepEqual(withoutA.series.map((s) => s.id), ['nf:b'], 'a run hidden takes its markers with it');
  assert.equal(withoutA.nonFiniteRuns, 1);
});

test('a chart whose runs are all finite has no marker series', () => {
  const lines = chartLines('loss', runs.slice(2), null, dataOf(points), new SmoothedCache(), view, null, theme, new Map());
  assert.deepEqual(lines.series, []);
  assert.equal(lines.nonFiniteRuns, 0);
});
