import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareBaseOption, framedOption, xAxisOption, yAxisOption, type DrawOption } from '../../../lib/view/compare/compare-option';
import { tooltipAnchors } from '../../../lib/view/compare/tooltip-anchors';
import { nonFiniteSeries } from '../../../lib/view/scalar/non-finite-markers';
import type { ChartTheme } from '../../../lib/view/shared/chart-theme';
import { init } from '../../../lib/view/shared/echarts-setup';

const theme: ChartTheme = { text: '#000', muted: '#666', grid: '#ddd', surface: '#fff', bad: '#d00', palette: ['#00f'] };

test("a chart's first draw as one option leaves ECharts holding what the frame and then the draw gave it", () => {
  for (const [axis, logScale] of [['step', false], ['wall', true], ['relative', false]] as const) {
    const frame = compareBaseOption(theme, axis, new Map());
    const markers = [{ value: [5, 0, 0.96, NaN] as [number, number, number, number], symbol: 'diamond', symbolRotate: 0 }];
    const draw = (): DrawOption => ({
      xAxis: xAxisOption(theme, axis, 0, 100),
      yAxis: [yAxisOption(theme, logScale, { min: 0.5, max: 2 })],
      series: [nonFiniteSeries('nf:a', 'NaN/Inf', markers, '#123456', theme), tooltipAnchors([0, 100])],
    });
    const twoSteps = init(null, undefined, { renderer: 'svg', ssr: true, width: 600, height: 300 });
    twoSteps.setOption(frame, { notMerge: true, lazyUpdate: true });
    twoSteps.setOption(draw(), { replaceMerge: ['series'] });
    const oneStep = init(null, undefined, { renderer: 'svg', ssr: true, width: 600, height: 300 });
    oneStep.setOption(framedOption(frame, draw()), { notMerge: true });
    // Functions (formatters, renderItem) are made anew for each option: compare what they are not.
    const plain = (option: unknown) => JSON.parse(JSON.stringify(option));
    assert.deepEqual(plain(oneStep.getOption()), plain(twoSteps.getOption()), `${axis}${logScale ? ', log scale' : ''}`);
    // The same drawing. Each instance names and numbers its shared style classes its own way, so
    // those are left out; every element's own attributes are compared.
    const svg = (chart: typeof oneStep) => chart.renderToSVGString().replace(/<style[^>]*>[\s\S]*?<\/style>/g, '').replace(/ class="[^"]*"/g, '').replace(/zr\d+-/g, 'zr-');
    assert.equal(svg(oneStep), svg(twoSteps));
    oneStep.dispose();
    twoSteps.dispose();
  }
});
