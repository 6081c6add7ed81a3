import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Run } from '../../lib/client/run';
import { startServer } from '../../server/start-server';
import { tempDir } from '../helpers/temp-dir';

const root = resolve(__dirname, '../..');

async function get(url: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url);
  return { status: res.status, body: await res.json() };
}

test('GET /api/runs/{id}/text and /text/{tag}: tags with steps, every step of a tag, JSON errors', { timeout: 120_000 }, async (t) => {
  assert.ok(existsSync(join(root, '.next', 'BUILD_ID')), 'run `npm run build` first: the API is served by the production build');
  const server = await startServer({ port: 0, host: '127.0.0.1', dbPath: join(tempDir(t), 'text.db'), dev: false, dir: root, log: () => undefined });
  t.after(() => server.close());
  const run = new Run({ server: server.url, name: 'text', nowFunc: () => 1_764_000_000_000 });
  t.after(() => run.close());
  run.logText('reviews/misclassified', 16, '### False positives\n| p | review |\n| ---: | --- |\n| 0.97 | dull \\| long |');
  run.logText('reviews/misclassified', 8, '_none_');
  run.logText('notes', 8, '<script>alert(1)</script>');
  assert.equal(await run.drained(10_000), true);
  const api = `${server.url}/api/runs/${run.id}/text`;

  assert.deepEqual(await get(api), {
    status: 200,
    body: [
      { tag: 'notes', steps: [8] },
      { tag: 'reviews/misclassified', steps: [8, 16] },
    ],
  });
  assert.deepEqual(await get(`${api}/reviews/misclassified`), {
    status: 200,
    body: {
      runId: run.id,
      tag: 'reviews/misclassified',
      steps: [
        { step: 8, wallTime: 1_764_000_000_000, text: '_none_' },
        { step: 16, wallTime: 1_764_000_000_000, text: '### False positives\n| p | review |\n| ---: | --- |\n| 0.97 | dull \\| long |' },
      ],
    },
  });
  assert.deepEqual(await get(`${api}/notes`), {
    status: 200,
    body: { runId: run.id, tag: 'notes', steps: [{ step: 8, wallTime: 1_764_000_000_000, text: '<script>alert(1)</script>' }] },
  });

  assert.deepEqual(await get(`${server.url}/api/runs/ghost/text`), { status: 404, body: { error: { code: 'not_found', message: 'run "ghost" not found' } } });
  assert.deepEqual(await get(`${server.url}/api/runs/ghost/text/notes`), { status: 404, body: { error: { code: 'not_found', message: 'run "ghost" not found' } } });
  assert.deepEqual(await get(`${api}/nope`), { status: 404, body: { error: { code: 'not_found', message: `run "${run.id}" has no text tag "nope"` } } });
  const bad = await get(`${api}/${encodeURIComponent('<b>')}`);
  assert.equal(bad.status, 422);
  assert.match((bad.body as { error: { message: string } }).error.message, /^tag: tag may hold letters/);
});
