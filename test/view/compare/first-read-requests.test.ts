import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeTagRunColumns, type TagRunPoints } from '../../../lib/kinds/scalar/tag-runs-columns';
import { MAX_TAG_RUNS } from '../../../lib/kinds/scalar/meta';
import { loadRunsTogether, type LoadTarget } from '../../../lib/view/compare/load-compare-run';
import { RequestQueue } from '../../../lib/view/compare/request-queue';
import { FIRST_READ_POINTS } from '../../../lib/view/compare/resolution';
import { firstReadUrls } from '../../../lib/view/compare/tag-reads';
import { SeriesStore } from '../../../lib/view/scalar/series-store';

/** Answers every tag read with two points per run it names, and notes the addresses asked for. */
function fakeServer(asked: string[]): typeof fetch {
  return (async (input: string | URL | Request) => {
    const url = String(input);
    asked.push(url);
    const { pathname, searchParams } = new URL(url, 'http://localhost');
    const tag = decodeURIComponent(pathname.slice('/api/scalars/'.length));
    const runs = new Map<string, TagRunPoints>(searchParams.get('runs')!.split(',').map((id) => [decodeURIComponent(id), { count: 2, downsampled: false, points: [[0, 10, 1], [1, 11, 0.5]] }]));
    return new Response(Buffer.from(encodeTagRunColumns(tag, runs)), { status: 200 });
  }) as typeof fetch;
}

test('the first read asks for exactly the addresses the server render preloads, in its order, and fills every store', async (t) => {
  const runIds = Array.from({ length: MAX_TAG_RUNS + 20 }, (_, i) => `run-${i}`);
  // Every run has the loss; only some have the accuracy, which comes first for one of them.
  const tagsOf = (id: string) => (Number(id.slice(4)) % 3 === 0 ? ['batch/acc', 'batch/loss'] : ['batch/loss']);
  const asked: string[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = fakeServer(asked);
  t.after(() => void (globalThis.fetch = realFetch));

  const targets: LoadTarget[] = runIds.map((runId) => ({ runId, store: new SeriesStore(tagsOf(runId)), onSmoothingReady: () => undefined }));
  let firstRead = false;
  await loadRunsTogether(targets, Object.fromEntries(runIds.map((id) => [id, tagsOf(id)])), new RequestQueue(6), new AbortController().signal, () => (firstRead = true));

  const expected = firstReadUrls(runIds, tagsOf);
  assert.equal(expected.length, 3, 'the loss in two requests (more runs than one names), the accuracy in one');
  assert.ok(expected.every((url) => url.includes(`max_points=${FIRST_READ_POINTS}`)));
  assert.deepEqual(asked, expected);
  assert.equal(firstRead, true);
  for (const target of targets) {
    for (const tag of tagsOf(target.runId)) assert.deepEqual(Array.from(target.store.get(tag)!.columns.values), [1, 0.5], `${target.runId} ${tag}`);
  }
});

test('the first reads of all tags are stored in one task, once the last has come, so the charts draw together', async (t) => {
  const runIds = ['run-0', 'run-1'];
  const tags = ['batch/acc', 'batch/grad_norm', 'batch/loss', 'batch/lr'];
  const answer = fakeServer([]);
  // The reads arrive a task apart, the last one well after the others.
  let delay = 0;
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL | Request) => {
    const response = await answer(input);
    await new Promise((resolve) => setTimeout(resolve, (delay += 10)));
    return response;
  }) as typeof fetch;
  t.after(() => void (globalThis.fetch = realFetch));

  const targets: LoadTarget[] = runIds.map((runId) => ({ runId, store: new SeriesStore(tags), onSmoothingReady: () => undefined }));
  const storedIn: number[] = [];
  let task = 0;
  const ticker = setInterval(() => task++, 1);
  t.after(() => clearInterval(ticker));
  for (const target of targets) target.store.subscribe((changed) => storedIn.push(...[...changed].map(() => task)));
  await loadRunsTogether(targets, Object.fromEntries(runIds.map((id) => [id, tags])), new RequestQueue(6), new AbortController().signal, () => undefined);

  assert.equal(storedIn.length, runIds.length * tags.length, 'every run stored every tag');
  assert.equal(new Set(storedIn).size, 1, `stored in tasks ${storedIn.join(' ')}`);
});
