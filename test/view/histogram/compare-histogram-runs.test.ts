import assert from 'node:assert/strict';
import { test } from 'node:test';
import { densityOutline } from '../../../lib/view/histogram/histogram-compare-option';
import { computeHistogram } from '../../../lib/kinds/histogram/compute-histogram';
import { runIdSchema } from '../../../lib/protocol/ingest-messages';
import { parseCompareParam, withCompareParam } from '../../../lib/view/histogram/compare-runs-param';
import { RUN_ID_PATTERN } from '../../../lib/protocol/run-id-pattern';
import {
  type CompareSeries,
  compareCurves,
  compareSteps,
  curveStepLabel,
  sliceAtOrBefore,
  stepAtStop,
  stopOfStep,
} from '../../../lib/view/histogram/compare-curves';
import { histogramCompareTooltip } from '../../../lib/view/histogram/histogram-compare-tooltip';
import { withBasisPoints } from '../../../lib/kinds/histogram/basis-points';

const slice = (step: number) => withBasisPoints({ ...computeHistogram([step, step + 1, step + 2]), step, wallTime: step });
const run = (runId: string, steps: number[]): CompareSeries => ({ runId, name: `name of ${runId}`, slices: steps.map(slice) });

test('the slider stops at every step any run recorded, once each, ascending', () => {
  assert.deepEqual(compareSteps([run('a', [0, 2, 4]), run('b', [1, 2, 3]), run('c', [])]), [0, 1, 2, 3, 4]);
});

test('a run without the chosen step shows its nearest earlier one, flagged as such', () => {
  const slices = [0, 2, 5].map(slice);
  assert.equal(sliceAtOrBefore(slices, 5)?.step, 5);
  assert.equal(sliceAtOrBefore(slices, 4)?.step, 2);
  assert.equal(sliceAtOrBefore(slices, 1)?.step, 0);
  assert.equal(sliceAtOrBefore(slices, 99)?.step, 5);
  assert.equal(sliceAtOrBefore(slices.slice(1), 1), null, 'nothing at or before step 1');
  assert.equal(sliceAtOrBefore([], 3), null);

  const curves = compareCurves([run('a', [0, 2, 4]), run('b', [1, 3]), run('c', [6])], 2);
  assert.deepEqual(
    curves.map((c) => [c.runId, c.slice?.step ?? null, c.nearest]),
    [
      ['a', 2, false],
      ['b', 1, true],
      ['c', null, false],
    ],
  );
  assert.equal(curveStepLabel(curves[0], 2), 'step 2');
  assert.equal(curveStepLabel(curves[1], 2), 'step 1 (nearest before 2)');
  assert.equal(curveStepLabel(curves[2], 2), 'no step ≤ 2');
});

test('by default each run shows its own latest step, unflagged even where runs end apart', () => {
  const curves = compareCurves([run('a', [0, 1, 2, 3]), run('b', [0, 1]), run('empty', [])], 'latest');
  assert.deepEqual(
    curves.map((c) => [c.slice?.step ?? null, c.nearest]),
    [
      [3, false],
      [1, false],
      [null, false],
    ],
  );
});

test('the slider end means latest, so a slider left there follows steps still arriving', () => {
  const steps = [0, 5, 10];
  assert.equal(stepAtStop(steps, 0), 0);
  assert.equal(stepAtStop(steps, 1), 5);
  assert.equal(stepAtStop(steps, 2), 'latest');
  assert.equal(stopOfStep(steps, 'latest'), 2);
  assert.equal(stopOfStep(steps, 5), 1);
  assert.equal(stopOfStep([...steps, 15], 'latest'), 3, 'a new step moves latest along');
  assert.equal(stopOfStep([], 'latest'), 0);
});

test('?compare= keeps valid run ids in order, drops the page run and repeats, and names what it ignored', () => {
  assert.deepEqual(parseCompareParam('b,a, b ,self,,c', 'self'), { runIds: ['b', 'a', 'c'], ignored: [] });
  assert.deepEqual(parseCompareParam(null, 'self'), { runIds: [], ignored: [] });
  assert.deepEqual(parseCompareParam('ok,<script>,a b', 'self'), { runIds: ['ok'], ignored: ['<script>', 'a b'] });
  assert.deepEqual(parseCompareParam('r1,r2,r3,r4,r5,r6', 'self'), { runIds: ['r1', 'r2', 'r3', 'r4', 'r5'], ignored: ['r6'] });
});

test('?compare= accepts exactly the run ids the protocol accepts', () => {
  const ids = ['a', 'run_1-B', 'x'.repeat(64), 'x'.repeat(65), '', 'a b', 'a.b', '<script>', 'é', 'a,b', 'a\nb'];
  for (const id of ids) assert.equal(RUN_ID_PATTERN.test(id), runIdSchema.safeParse(id).success, JSON.stringify(id));
});

test('the comparison is written to the address readably, other parameters kept', () => {
  assert.equal(withCompareParam('http://h/runs/x?tab=1#top', ['a', 'b-2']), '/runs/x?tab=1&compare=a,b-2#top');
  assert.equal(withCompareParam('http://h/runs/x?compare=a&tab=1', []), '/runs/x?tab=1');
  assert.equal(withCompareParam('http://h/runs/x?compare=a', []), '/runs/x');
  const back = new URL(withCompareParam('http://h/runs/x', ['a', 'b']), 'http://h');
  assert.deepEqual(parseCompareParam(back.searchParams.get('compare'), 'x').runIds, ['a', 'b']);
});

test('the tooltip escapes run names: they are user input and ECharts renders the string as HTML', () => {
  const html = histogramCompareTooltip([
    { runName: '<img src=x onerror="alert(1)">', stepLabel: 'step 3', color: '#2f6fed', value: 0.5, count: 7, density: 1.25 },
    { runName: 'plain & simple', stepLabel: 'step 1 (nearest before 3)', color: '#f07c12', value: 0.52, count: 2, density: 0.5 },
  ]);
  assert.ok(!html.includes('<img'), html);
  assert.ok(html.includes('&#60;img src=x onerror=&#34;alert(1)&#34;&#62;'), html);
  assert.ok(html.includes('plain &#38; simple'), html);
  assert.ok(html.includes('<b>7</b>') && html.includes('<b>2</b>'), html);
  assert.ok(html.includes('step 1 (nearest before 3)'), html);
});

test('curves are densities, so a narrow and a wide run each enclose the same area', () => {
  const sliceOf = (values: number[], buckets: number) => withBasisPoints({ ...computeHistogram(values, buckets), step: 0, wallTime: 0 });
  const area = (values: number[]) => {
    const h = sliceOf(values, 10);
    const width = (h.max - h.min) / h.counts.length;
    return densityOutline(h).reduce((sum, [, density]) => sum + density * width, 0);
  };
  const spread = (s: number) => Array.from({ length: 300 }, (_, i) => Math.sin(i) * s);
  assert.ok(Math.abs(area(spread(0.01)) - 1) < 1e-9);
  assert.ok(Math.abs(area([...spread(50), NaN, Infinity]) - 1) < 1e-9, 'non-finite elements are outside the buckets');
  assert.equal(densityOutline(sliceOf([1, 1, 2], 2))[0][2], 2, 'the count rides along for the tooltip');
});
