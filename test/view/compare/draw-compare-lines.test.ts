import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ScalarPoint } from '../../../lib/kinds/scalar/points';
import { emaSmoothing } from '../../../lib/compare/smoothing/ema';
import { drawLine, linePlan, nearestPoint, nonFiniteAt, toRunColumn, xExtent } from '../../../lib/view/compare/draw-run';
import { compareTooltip, type TooltipLine, type TooltipLookup } from '../../../lib/view/compare/compare-tooltip';
import { drawGroup } from '../../../lib/view/compare/draw-group';
import { DRAW_POINTS } from '../../../lib/view/compare/resolution';
import { yRange } from '../../../lib/view/compare/y-range';
import { isIdentity, SmoothedCache } from '../../../lib/view/compare/smoothed-cache';
import { pointColumns } from '../../../lib/view/scalar/series-store';

const byStep = (step: number) => step;

/** A zig-zag of ±1 around 0 with a NaN and an Infinity in it. */
function zigzag(n: number): ScalarPoint[] {
  return Array.from({ length: n }, (_, i): ScalarPoint => [i, 1_000 + i, i === 5_000 ? NaN : i === 7_000 ? Infinity : i % 2 === 0 ? 1 : -1]);
}

test('a line is smoothed at full resolution and only then thinned for the canvas', () => {
  const column = toRunColumn('loss', zigzag(20_000));
  const smoothed = emaSmoothing(column.values, 0.9);
  const drawn = drawLine(column, smoothed, byStep, null, false);
  const raw = drawLine(column, column.values, byStep, null, false);
  assert.ok(drawn.line.length <= DRAW_POINTS + 4 && drawn.line.length > DRAW_POINTS / 2, `${drawn.line.length} points`);
  // Smoothing a ±1 zig-zag at full resolution stays near 0; smoothing the thinned points (each
  // bucket's min and max, alternately) would not be the same line.
  drawn.line.forEach(([x, value], i) => {
    const at = drawn.at[i];
    assert.equal(x, column.steps[at]);
    if (value === null) return;
    assert.equal(value, smoothed[at]);
    if (at > 100) assert.ok(Math.abs(value) < 0.2, `smoothed ${value} at ${at}`);
  });
  // The raw line keeps the ±1 extremes, and the non-finite points are marked, not dropped.
  assert.deepEqual(new Set(raw.line.map(([, v]) => v)), new Set([1, -1, null]));
  assert.deepEqual(nonFiniteAt(column, raw.at).map(([step, , value]) => [step, value]), [[5_000, NaN], [7_000, Infinity]]);
  const atNaN = drawn.at.indexOf(5_000);
  assert.deepEqual(drawn.line[atNaN], [5_000, null], 'a gap in the smoothed line where the value is NaN');
  assert.deepEqual(xExtent(column, byStep), [0, 19_999]);
});

test('a zoom window gets the full drawing budget; the rest of the line is kept coarse', () => {
  const column = toRunColumn('loss', zigzag(20_000));
  const drawn = drawLine(column, column.values, byStep, [10_000, 10_300], false);
  const inside = drawn.line.filter(([x]) => x >= 10_000 && x <= 10_300);
  assert.equal(inside.length, 301, 'every point of the window');
  assert.ok(drawn.line.length < 301 + 2 * 70, `${drawn.line.length} points in all`);
  assert.equal(Math.min(...drawn.line.map(([x]) => x)), 0);
  assert.equal(Math.max(...drawn.line.map(([x]) => x)), 19_999);
});

test('a line drawn over an earlier one is the line drawn afresh, longer or shorter, gaps included', () => {
  const column = toRunColumn('loss', zigzag(20_000));
  const into = drawLine(column, column.values, byStep, null, true, 300);
  for (const [budget, weight, logScale] of [[300, 0.9, false], [400, 0.3, true], [150, 0.6, false], [300, 0, true]] as const) {
    const smoothed = emaSmoothing(column.values, weight);
    const drawn = drawLine(column, smoothed, byStep, null, logScale, budget, undefined, into);
    assert.equal(drawn.line, into.line);
    assert.deepEqual(drawn, drawLine(column, smoothed, byStep, null, logScale, budget));
  }
});

test('a smoothed line bucketed where the raw line was is the line bucketed afresh, zoomed or not', () => {
  const column = toRunColumn('loss', zigzag(20_000));
  for (const zoom of [null, [10_000, 12_500] as [number, number]]) {
    const plan = linePlan(column, byStep, zoom, 300);
    for (const weight of [0.3, 0.9]) {
      const smoothed = emaSmoothing(column.values, weight);
      assert.deepEqual(drawLine(column, smoothed, byStep, zoom, false, 300, plan), drawLine(column, smoothed, byStep, zoom, false, 300));
    }
  }
});

test('a log axis turns values at or below zero into gaps, and the y range ignores outliers when asked', () => {
  const points: ScalarPoint[] = [[0, 0, 1], [1, 1, 0], [2, 2, -3], [3, 3, 10]];
  const column = toRunColumn('lr', points);
  const drawn = drawLine(column, column.values, byStep, null, true);
  assert.deepEqual(drawn.line.map((d) => d[1]), [1, null, null, 10]);
  assert.deepEqual(drawn.visible, [1, 10]);

  // Two lines' visible values: the range and the quantiles are over all of them together.
  const values = [Array.from({ length: 98 }, (_, i) => i / 97), [-1_000, 1_000]];
  const all = yRange(values, false, false)!;
  assert.ok(all.min < -1_000 && all.max > 1_000);
  const trimmed = yRange(values, true, false)!;
  assert.ok(trimmed.min > -0.1 && trimmed.max < 1.1, JSON.stringify(trimmed));
  assert.deepEqual(yRange([[0, 0.5], [], [1]], false, false), yRange([[0, 0.5, 1]], false, false));
  const log = yRange([[0.001], [10]], false, true)!;
  assert.ok(log.min < 0.001 && log.min > 0 && log.max > 10);
  assert.equal(yRange([], false, false), null);
  assert.equal(yRange([[], []], true, false), null);
});

test('a group draws its runs mean with the band it was asked for', () => {
  const a = { steps: [0, 1, 2], values: [1, 2, 3] };
  const b = { steps: [0, 1, 2], values: [3, 4, NaN] };
  const minmax = drawGroup([a, b], 'minmax', null, false);
  assert.deepEqual(minmax.mean, [[0, 2], [1, 3], [2, 3]]);
  assert.deepEqual(minmax.band, [[0, 1, 3], [1, 2, 4], [2, 3, 3]]);
  assert.deepEqual(Array.from(minmax.series.count), [2, 2, 1], 'the NaN is not counted');
  const std = drawGroup([a, b], 'std', null, false);
  assert.deepEqual(std.band.map(([, lo, hi]) => [lo, hi]), [[1, 3], [2, 4], [3, 3]]);
});

test('smoothing that changes nothing needs no raw line behind it', () => {
  assert.equal(isIdentity({ method: 'ema', weight: 0 }), true);
  assert.equal(isIdentity({ method: 'ema', weight: 0.6 }), false);
  assert.equal(isIdentity({ method: 'average', window: 1 }), true);
  assert.equal(isIdentity({ method: 'gaussian', sigma: 0 }), true);
});

test('the cache smooths again only for new points or another smoothing, and redraws raw lines only for another view', () => {
  const cache = new SmoothedCache();
  const points: ScalarPoint[] = [[0, 0, 1], [1, 1, 3]];
  const columns = pointColumns(points);
  const first = cache.get('r', 'loss', columns, { method: 'ema', weight: 0.5 }).smoothed;
  assert.equal(cache.get('r', 'loss', columns, { method: 'ema', weight: 0.5 }).smoothed, first, 'nothing changed: the same array');
  let draws = 0;
  const draw = () => ++draws;
  assert.deepEqual(cache.raw('r', 'step', draw), { value: 1, fresh: true });
  assert.deepEqual(cache.raw('r', 'step', draw), { value: 1, fresh: false });
  const firstValues = Array.from(first);
  const again = cache.get('r', 'loss', columns, { method: 'ema', weight: 0.9 }).smoothed;
  assert.notDeepEqual(Array.from(again), firstValues);
  assert.equal(again, first, 'another smoothing writes into the same buffer');
  assert.deepEqual(cache.raw('r', 'step', draw), { value: 1, fresh: false }, 'another smoothing keeps the raw line');
  assert.deepEqual(cache.raw('r', 'wall', draw), { value: 2, fresh: true }, 'another axis draws it again');
  cache.touch('r');
  cache.get('r', 'loss', pointColumns([...points, [2, 2, 5]]), { method: 'ema', weight: 0.9 });
  assert.deepEqual(cache.raw('r', 'wall', draw), { value: 3, fresh: true }, 'new points draw it again');
});

test('the tooltip lists every line at its own nearest point, highest first, names escaped, NaN last', () => {
  const lookup: TooltipLookup = new Map();
  const line = (name: string, points: [number, number][], raw = (v: number) => v): TooltipLine => ({
    name,
    color: '#2f6fed',
    at: (x) => {
      const drawn = points.map(([px, v]): [number, number] => [px, v]);
      const i = nearestPoint(drawn, x);
      return i < 0 ? null : { kind: 'run', smoothed: drawn[i][1], raw: raw(drawn[i][1]), step: drawn[i][0] };
    },
  });
  lookup.set('run:a', line('<b>a</b>', [[0, 1], [10, 2], [20, 3]]));
  lookup.set('run:b', line('b', [[5, 9], [15, NaN]], () => NaN));
  lookup.set('run:c', line('c', [[100, 4]]));
  lookup.set('run:d', line('d', [[0, 5], [30, 6]], (v) => v + 1));
  const html = compareTooltip('step', lookup)([{ axisValue: 14 }]);
  assert.match(html, /step 14/);
  const names = [...html.matchAll(/tt-name">([^<]*)</g)].map((m) => m[1]);
  assert.deepEqual(names, ['d', '&#60;b&#62;a&#60;/b&#62;', 'b'], 'c ends before x; b is NaN and last; a is escaped');
  assert.match(html, /@ 10/, 'a at its nearest point, step 10');
  assert.match(html, /tt-name">d<\/span><b class="">5<\/b><span class="tt-muted">raw<\/span><b class="">6</, 'd shows its raw value beside the smoothed one');
  assert.match(html, /tt-bad">NaN/);
});
