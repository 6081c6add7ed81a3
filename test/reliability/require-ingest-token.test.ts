import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Run } from '../../lib/client/run';
import { chooseIngestToken, isLoopback } from '../../server/auth-token';
import { handshake } from '../helpers/handshake';
import { httpRequest } from '../helpers/http-get';
import { routeFiles } from '../helpers/route-files';
import { startSocketServer } from '../helpers/socket-server';
import { tempDir } from '../helpers/temp-dir';

const TOKEN = 'a-token-for-this-test';
/** Routes that take writes, as the run management of issue 11 adds them. */
const WRITABLE = { 'api/runs': ['GET', 'POST'], 'api/runs/[id]': ['GET', 'PATCH', 'DELETE'] };

test('with a token, ingest refuses sockets without it; dashboards still read', async (t) => {
  const server = await startSocketServer(join(tempDir(t), 'token.db'), 0, { token: TOKEN });
  t.after(() => server.close());
  const ingest = `ws://127.0.0.1:${server.port}/ws/ingest`;
  assert.equal(await handshake(ingest), 401);
  assert.equal(await handshake(ingest, { Authorization: 'Bearer wrong-token-for-this-test' }), 401);
  assert.equal(await handshake(`${ingest}?token=${TOKEN}x`), 401);
  assert.equal(await handshake(ingest, { Authorization: `Bearer ${TOKEN}` }), 101);
  assert.equal(await handshake(`${ingest}?token=${TOKEN}`), 101);
  assert.equal(await handshake(`ws://127.0.0.1:${server.port}/ws/live`), 101);
  assert.ok(server.logs.some((l) => /refused an ingest socket from .*: this server takes writes only with its token/.test(l)));
});

test('a run with the token streams; one without never reaches the store', async (t) => {
  const server = await startSocketServer(join(tempDir(t), 'token-run.db'), 0, { token: TOKEN });
  t.after(() => server.close());
  const good = new Run({ server: server.url, name: 'good', token: TOKEN });
  good.log({ loss: 1 }, 1);
  assert.equal(await good.finish(), true);
  const warnings: string[] = [];
  const bad = new Run({ server: server.url, name: 'bad', token: 'not-it', onError: (m) => warnings.push(m) });
  bad.log({ loss: 1 }, 1);
  assert.equal(await bad.finish('finished', undefined, 500), false);
  assert.equal(bad.delivery().unconfirmed, 3, 'its start, its points and its status are all unconfirmed');
  assert.deepEqual(warnings, ['server refused the connection with HTTP 401: set TENSORLENS_TOKEN to the token the server printed; retrying']);
  assert.deepEqual(server.app.store.listRuns().map((r) => r.name), ['good']);
});

test('with a token, an HTTP write needs it too, and a browser write must come from this server', async (t) => {
  const server = await startSocketServer(join(tempDir(t), 'token-http.db'), 0, { token: TOKEN, appDir: routeFiles(t, WRITABLE) });
  t.after(() => server.close());
  const host = `127.0.0.1:${server.port}`;
  const write = (method: string, path: string, headers: Record<string, string>) => httpRequest(server.port, path, { method, headers: { Host: host, ...headers } });
  for (const [method, path] of [['PATCH', '/api/runs/r'], ['DELETE', '/api/runs/r'], ['POST', '/api/runs']]) {
    const bare = await write(method, path, {});
    assert.equal(bare.status, 401, method);
    assert.match(JSON.parse(bare.body).error.message, /takes writes only with its token/);
    assert.equal((await write(method, path, { Authorization: 'Bearer wrong-token-for-this-test' })).status, 401);
    const foreign = await write(method, path, { Authorization: `Bearer ${TOKEN}`, Origin: 'http://evil.example' });
    assert.equal(foreign.status, 403);
    assert.equal(JSON.parse(foreign.body).error.code, 'forbidden');
    assert.equal((await write(method, path, { Authorization: `Bearer ${TOKEN}`, Origin: `http://${host}` })).status, 404, 'on to the routes');
  }
  assert.equal((await httpRequest(server.port, '/api/runs', { headers: { Host: host } })).status, 404, 'reads need no token');
});

test('without a token, a browser write must still come from this server', async (t) => {
  const server = await startSocketServer(join(tempDir(t), 'origin-http.db'), 0, { appDir: routeFiles(t, WRITABLE) });
  t.after(() => server.close());
  const host = `127.0.0.1:${server.port}`;
  assert.equal((await httpRequest(server.port, '/api/runs/r', { method: 'PATCH', headers: { Host: host, Origin: 'http://evil.example' } })).status, 403);
  assert.equal((await httpRequest(server.port, '/api/runs/r', { method: 'PATCH', headers: { Host: host, Origin: `http://${host}` } })).status, 404);
  assert.equal((await httpRequest(server.port, '/api/runs/r', { method: 'PATCH', headers: { Host: host } })).status, 404, 'scripts send no Origin');
});

test('a token is made up only when the server is reachable beyond this machine', () => {
  for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.1.1']) {
    assert.ok(isLoopback(host), host);
    assert.deepEqual(chooseIngestToken(host, {}), { token: null, generated: false });
  }
  for (const host of ['0.0.0.0', '::', '192.168.1.20', 'lab.example']) {
    const chosen = chooseIngestToken(host, {});
    assert.equal(chosen.generated, true, host);
    assert.match(chosen.token ?? '', /^[\w-]{32}$/);
  }
  assert.deepEqual(chooseIngestToken('0.0.0.0', { TENSORLENS_TOKEN: 'mine' }), { token: 'mine', generated: false });
  assert.deepEqual(chooseIngestToken('127.0.0.1', { TENSORLENS_TOKEN: 'mine' }), { token: 'mine', generated: false });
});
