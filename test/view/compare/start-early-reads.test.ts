import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { earlyReadsScript, takeEarlyRead } from '../../../lib/view/compare/early-reads';
import { firstReadUrls, tagReadChunks } from '../../../lib/view/compare/tag-reads';
import { MAX_TAG_RUNS } from '../../../lib/kinds/scalar/tag-runs-reader';
import { tagRunsApiUrl } from '../../../lib/view/scalar/api-paths';
import { FIRST_READ_POINTS } from '../../../lib/view/compare/resolution';

test('runs are grouped by tag in the order given and cut into requests of MAX_TAG_RUNS', () => {
  const runs = Array.from({ length: MAX_TAG_RUNS + 2 }, (_, i) => ({ id: `r${i}`, tags: i === 1 ? ['lr', 'loss'] : ['loss'] }));
  const chunks = tagReadChunks(runs, (run) => run.tags).map(([tag, chunk]) => [tag, chunk.map((run) => run.id)] as const);
  assert.deepEqual(
    chunks.map(([tag, ids]) => [tag, ids.length, ids[0]]),
    [
      ['loss', MAX_TAG_RUNS, 'r0'],
      ['loss', 2, `r${MAX_TAG_RUNS}`],
      ['lr', 1, 'r1'],
    ],
  );
  // The server's page names the same addresses the loader asks for.
  assert.deepEqual(firstReadUrls(runs), chunks.map(([tag, ids]) => tagRunsApiUrl(tag, ids, FIRST_READ_POINTS)));
});

test("the page's script reads each address once; a failed read is left to the loader", async () => {
  const server = createServer((req, res) => {
    if (req.url === '/ok') res.end(Buffer.from([1, 2, 3]));
    else res.writeHead(404).end('{"error":{"message":"no such tag"}}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const global = globalThis as { window?: unknown };
  global.window = globalThis;
  try {
    const script = earlyReadsScript([`${base}/ok`, `${base}/missing`, `${base}/</script>`]);
    assert.ok(!script.includes('</script>'), 'an address cannot end the script element');
    new Function(script)();
    assert.deepEqual([...new Uint8Array((await takeEarlyRead(`${base}/ok`))!)], [1, 2, 3]);
    assert.equal(takeEarlyRead(`${base}/ok`), null, 'taken once');
    assert.equal(await takeEarlyRead(`${base}/missing`), null);
    assert.equal(takeEarlyRead(`${base}/never-started`), null);
    await takeEarlyRead(`${base}/</script>`);
  } finally {
    delete global.window;
    server.close();
  }
});
