import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { httpRequest } from '../helpers/http-get';
import { routeFiles } from '../helpers/route-files';
import { startSocketServer } from '../helpers/socket-server';
import { tempDir } from '../helpers/temp-dir';

test('a malformed percent-encoding is a 400 in JSON, not a 500', async (t) => {
  const server = await startSocketServer(join(tempDir(t), 'bad.db'));
  t.after(() => server.close());
  for (const path of ['/api/runs/%ZZ/scalars', '/runs/%ZZ', '/api/runs/r/scalars/loss%E0%A4%A']) {
    const answer = await httpRequest(server.port, path);
    assert.equal(answer.status, 400, path);
    assert.match(String(answer.headers['content-type']), /application\/json/);
    assert.equal(JSON.parse(answer.body).error.code, 'bad_request');
    assert.match(JSON.parse(answer.body).error.message, /malformed percent-encoding in the path/);
  }
});

test('a method no route takes is a 405 in JSON saying which it takes', async (t) => {
  const server = await startSocketServer(join(tempDir(t), 'method.db'));
  t.after(() => server.close());
  for (const [method, path, allow] of [['TRACE', '/api/runs', 'GET, HEAD'], ['DELETE', '/api/runs/r/scalars', 'GET, HEAD'], ['POST', '/api/runs', 'GET, HEAD'], ['TRACE', '/', 'GET, HEAD, POST, OPTIONS'], ['PUT', '/runs/r', 'GET, HEAD, POST, OPTIONS']]) {
    const answer = await httpRequest(server.port, path, { method });
    assert.equal(answer.status, 405, `${method} ${path}`);
    assert.equal(answer.headers.allow, allow);
    assert.equal(JSON.parse(answer.body).error.code, 'method_not_allowed');
  }
});

test('well-formed requests reach the app', async (t) => {
  const server = await startSocketServer(join(tempDir(t), 'fine.db'));
  t.after(() => server.close());
  const imported = [['GET', '/api/runs/r/image?tag=a&step=1&sample=0'], ['GET', '/api/runs/r/images/a/b'], ['HEAD', '/api/runs/r/op-graph'], ['GET', '/api/runs/r/pr-curves/pr']];
  for (const [method, path] of [['GET', '/api/runs'], ['HEAD', '/api/runs/a%2Fb'], ['GET', '/runs/r?compare=a%ZZ'], ['POST', '/'], ...imported]) {
    assert.equal((await httpRequest(server.port, path, { method })).status, 404, `${method} ${path} reaches the stand-in app`);
  }
});

test('the methods an API path takes are what its route files export', async (t) => {
  const appDir = routeFiles(t, { 'api/runs': ['GET'], 'api/runs/[id]': ['GET', 'PATCH', 'DELETE'], 'api/runs/[id]/scalars/[...tag]': ['GET'] });
  const server = await startSocketServer(join(tempDir(t), 'routes.db'), 0, { appDir });
  t.after(() => server.close());
  for (const [method, path] of [['PATCH', '/api/runs/r'], ['DELETE', '/api/runs/r'], ['HEAD', '/api/runs/r'], ['GET', '/api/runs/r/scalars/a/b'], ['GET', '/api/nothing/here']]) {
    assert.equal((await httpRequest(server.port, path, { method })).status, 404, `${method} ${path} reaches the stand-in app`);
  }
  for (const [method, path, allow] of [['POST', '/api/runs/r', 'GET, HEAD, PATCH, DELETE'], ['PATCH', '/api/runs', 'GET, HEAD'], ['DELETE', '/api/runs/r/scalars/a', 'GET, HEAD'], ['PATCH', '/api/nothing', 'GET, HEAD']]) {
    const answer = await httpRequest(server.port, path, { method });
    assert.equal(answer.status, 405, `${method} ${path}`);
    assert.equal(answer.headers.allow, allow, `${method} ${path}`);
  }
});
