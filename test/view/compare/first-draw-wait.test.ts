import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeTagRunColumns, type TagRunPoints } from '../../../lib/kinds/scalar/tag-runs-columns';
import { CompareData } from '../../../lib/view/compare/compare-data';
import { FIRST_READ_POINTS, SMOOTHING_POINTS } from '../../../lib/view/compare/resolution';
import { fakeBrowser, summary } from './compare-data-fixture';

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

test('the finer reads and the run table wait until the first read is stored and painted', async (t) => {
  const asked: string[] = [];
  // Every run's loss has many more points than the first read takes, so it is read again finer.
  const server = (async (input: string | URL | Request) => {
    const { pathname, searchParams } = new URL(String(input), 'http://localhost');
    asked.push(searchParams.get('max_points')!);
    const runs = new Map<string, TagRunPoints>(searchParams.get('runs')!.split(',').map((id) => [id, { count: 50_000, downsampled: true, points: [[0, 10, 1], [1, 11, 0.5]] }]));
    return new Response(Buffer.from(encodeTagRunColumns(decodeURIComponent(pathname.slice('/api/scalars/'.length)), runs)));
  }) as typeof fetch;
  let frames: (() => void)[] = [];
  const nextFrame = async () => {
    const callbacks = frames;
    frames = [];
    for (const callback of callbacks) callback();
    await settle();
  };
  fakeBrowser(t, server, { requestAnimationFrame: (callback: () => void) => frames.push(callback) });

  const data = new CompareData([summary('a'), summary('b')], { a: ['loss'], b: ['loss'] }, () => undefined);
  let drawn = 0;
  data.afterFirstDraw(() => drawn++);
  data.start();
  data.setRuns(['a', 'b']);
  await settle();
  assert.deepEqual(Array.from(data.store('a')!.get('loss')!.columns.values), [1, 0.5], 'the first read is stored');
  assert.deepEqual(asked, [String(FIRST_READ_POINTS)]);
  assert.equal(drawn, 0);

  await nextFrame();
  assert.equal(drawn, 0, 'the frame that paints the first read has not ended');
  assert.deepEqual(asked, [String(FIRST_READ_POINTS)], 'no finer read while that frame paints');

  await nextFrame();
  assert.equal(drawn, 1);
  assert.deepEqual(asked, [String(FIRST_READ_POINTS), String(SMOOTHING_POINTS)], 'the finer read once it is painted');
  let late = 0;
  data.afterFirstDraw(() => late++);
  assert.equal(late, 1, 'a listener after the first draw is called at once');
  data.close();
});
