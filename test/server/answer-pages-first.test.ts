import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pagesFirst } from '../../server/pages-first';
import { httpRequest } from '../helpers/http-get';

/**
 * A server whose pages come in two parts, the tail once the test says so, and whose API answers at
 * once; `log` says when each answer began and ended.
 */
async function twoPartPages(t: { after: (fn: () => void) => void }, maxWaitMs: number) {
  const log: string[] = [];
  const tails: (() => void)[] = [];
  const server = createServer(
    pagesFirst((req, res: ServerResponse) => {
      const path = req.url ?? '';
      log.push(`start ${req.method} ${path}`);
      if (path.startsWith('/api/')) {
        res.end('read');
        log.push(`end ${path}`);
        return;
      }
      res.write('<head>');
      tails.push(() => {
        res.end('</html>');
        log.push(`end ${path}`);
      });
    }, maxWaitMs),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    server.closeAllConnections();
    server.close();
  });
  const port = (server.address() as AddressInfo).port;
  const headArrived = (path: string) =>
    new Promise<void>((resolve) => {
      request({ host: '127.0.0.1', port, path }, (res) => res.once('data', () => resolve()).resume()).end();
    });
  return { port, log, tails, headArrived };
}

const tick = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

test("an API read asked for while a page is sent is answered once the page's tail is out", async (t) => {
  const { port, log, tails, headArrived } = await twoPartPages(t, 5_000);
  await headArrived('/compare?runs=a');
  const read = httpRequest(port, '/api/scalars/loss?runs=a');
  const write = httpRequest(port, '/api/runs/a', { method: 'PATCH' });
  await write;
  await tick();
  assert.deepEqual(log, ['start GET /compare?runs=a', 'start PATCH /api/runs/a', 'end /api/runs/a'], 'the read waits; a write does not');
  tails.shift()!();
  assert.equal((await read).body, 'read');
  assert.deepEqual(log.slice(3), ['end /compare?runs=a', 'start GET /api/scalars/loss?runs=a', 'end /api/scalars/loss?runs=a']);

  const alone = Date.now();
  await httpRequest(port, '/api/runs');
  assert.ok(Date.now() - alone < 1_000, 'with no page on its way a read goes at once');
});

test('a read waits for every page on its way, and no longer for a page whose browser left', async (t) => {
  const { port, log, tails, headArrived } = await twoPartPages(t, 5_000);
  await headArrived('/a');
  let leave = () => {};
  await new Promise<void>((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/b' }, (res) => res.once('data', () => resolve()));
    leave = () => req.destroy();
    req.end();
  });
  const read = httpRequest(port, '/api/runs');
  await tick();
  tails.shift()!();
  await tick();
  assert.ok(log.includes('end /a') && !log.includes('start GET /api/runs'), 'page /b is still on its way');
  leave();
  await read;
  assert.deepEqual(log.slice(-2), ['start GET /api/runs', 'end /api/runs']);
  assert.ok(!log.includes('end /b'));
});

test('a read waits no longer than its limit for a page that never ends', async (t) => {
  const { port, log, headArrived } = await twoPartPages(t, 100);
  await headArrived('/stuck');
  const asked = Date.now();
  assert.equal((await httpRequest(port, '/api/runs')).body, 'read');
  assert.ok(Date.now() - asked >= 90, `answered after ${Date.now() - asked} ms`);
  assert.ok(!log.includes('end /stuck'));
});
