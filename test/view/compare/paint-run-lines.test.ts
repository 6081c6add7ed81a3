import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasOption, linesSvg, type PlotFrame, type PlotLine, plotFrame } from '../../../lib/view/compare/line-layer';
import { init } from '../../../lib/view/shared/echarts-setup';

const rect = { x: 10, y: 5, width: 200, height: 100 };
/** x 0..10 over the grid's width, y 0..1 from its bottom edge up. */
const frame: PlotFrame = { rect, toX: (x) => rect.x + x * 20, toY: (y) => rect.y + rect.height - y * 100, key: 'test' };

function line(runId: string, points: PlotLine['points'], opacity = 1): PlotLine {
  return { runId, color: '#2f6fed', width: 1.6, opacity, points, dots: false };
}

test('each line is one polyline per unbroken stretch, clipped to the grid, in the order given', () => {
  const svg = linesSvg(frame, [line('raw', [[0, 0], [5, 1]], 0.22), line('a', [[0, 0.5], [1, null], [2, 0.25], [3, 0.75], [4, null]])]);
  assert.match(svg, /^<clipPath id="run-lines-clip"><rect x="10" y="5" width="200" height="100"\/><\/clipPath><g clip-path="url\(#run-lines-clip\)"/);
  const polylines = [...svg.matchAll(/<polyline ([^>]*)\/>/g)].map((m) => m[1]);
  assert.deepEqual(polylines, [
    'stroke="#2f6fed" stroke-width="1.6" stroke-opacity="0.22" points="10,105 110,5"',
    'stroke="#2f6fed" stroke-width="1.6" stroke-opacity="1" points="10,55"',
    'stroke="#2f6fed" stroke-width="1.6" stroke-opacity="1" points="50,80 70,30"',
  ]);
});

test('a line that is all gaps draws nothing, and no lines leave only the empty clipped group', () => {
  assert.doesNotMatch(linesSvg(frame, [line('nan', [[0, null], [1, null]])]), /polyline/);
  assert.match(linesSvg(frame, []), /<g clip-path="url\(#run-lines-clip\)" fill="none" stroke-linejoin="round"><\/g>$/);
});

test('the fitted frame puts points where ECharts itself would, on linear and log axes', () => {
  for (const logScale of [false, true]) {
    const chart = init(null, undefined, { renderer: 'svg', ssr: true, width: 600, height: 300 });
    try {
      chart.setOption({ grid: { left: 40, right: 10, top: 10, bottom: 30 }, xAxis: { type: 'value', min: 1_000, max: 9_000 }, yAxis: { type: logScale ? 'log' : 'value', min: 0.01, max: 50 }, series: [] });
      const fitted = plotFrame(chart, [1_000, 9_000], logScale)!;
      const grid = fitted.rect;
      // ECharts may narrow the grid to keep the last x label inside the chart.
      assert.deepEqual([grid.x, grid.y, grid.height], [40, 10, 260]);
      assert.ok(grid.width > 500 && grid.width <= 550, String(grid.width));
      for (const [x, y] of [[1_000, 0.01], [2_500, 0.3], [9_000, 50], [4_321, 7]]) {
        const [px, py] = [fitted.toX(x), fitted.toY(y)];
        const [ex, ey] = chart.convertToPixel({ gridIndex: 0 }, [x, y]) as number[];
        assert.ok(Math.abs(px - ex) < 1e-6 && Math.abs(py - ey) < 1e-6, `${logScale ? 'log' : 'linear'} (${x}, ${y}): ${px},${py} vs ${ex},${ey}`);
      }
    } finally {
      chart.dispose();
    }
  }
});

test('a chart without its first option yet has no frame and says so, rather than throwing', () => {
  // The compare chart sets its frame with its first lines, so hovers and resizes can come first.
  const chart = init(null, undefined, { renderer: 'svg', ssr: true, width: 600, height: 300 });
  try {
    assert.equal(hasOption(chart), false);
    assert.equal(plotFrame(chart, [0, 1], false), null);
    chart.setOption({ grid: {}, xAxis: { type: 'value', min: 0, max: 1 }, yAxis: { type: 'value' }, series: [] });
    assert.equal(hasOption(chart), true);
    assert.notEqual(plotFrame(chart, [0, 1], false), null);
  } finally {
    chart.dispose();
  }
});
