import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { dashboardCookie } from '../../server/dashboard-cookie';
import { httpRequest } from '../helpers/http-get';
import { routeFiles } from '../helpers/route-files';
import { startSocketServer } from '../helpers/socket-server';
import { tempDir } from '../helpers/temp-dir';

const TOKEN = 'a-token-for-the-cookie-test';
const WRITABLE = { 'api/runs': ['GET', 'POST'], 'api/runs/[id]': ['GET', 'PATCH', 'DELETE'] };

test('a dashboard page loaded on this machine gets the token as a cookie, and its writes pass with it alone', async (t) => {
  const server = await startSocketServer(join(tempDir(t), 'cookie.db'), 0, { token: TOKEN, appDir: routeFiles(t, WRITABLE) });
  t.after(() => server.close());
  const host = `127.0.0.1:${server.port}`;
  const get = (path: string, headers: Record<string, string> = {}) => httpRequest(server.port, path, { headers: { Host: host, ...headers } });
  const patch = (headers: Record<string, string>) => httpRequest(server.port, '/api/runs/r', { method: 'PATCH', headers: { Host: host, ...headers } });

  const page = await get('/compare?runs=r');
  const cookie = String(page.headers['set-cookie']);
  assert.equal(cookie, `tensorlens_token=${TOKEN}; HttpOnly; SameSite=Strict; Path=/`);
  assert.equal((await get('/api/runs')).headers['set-cookie'], undefined, 'API answers hand out nothing');
  assert.equal((await get('/_next/static/x.js')).headers['set-cookie'], undefined, 'nor do scripts');
  const sent = { Cookie: `theme=dark; tensorlens_token=${TOKEN}` };
  assert.equal((await get('/', sent)).headers['set-cookie'], undefined, 'a page that has it is not given it again');

  assert.equal((await patch({ ...sent, Origin: `http://${host}` })).status, 404, 'on to the routes');
  assert.equal((await patch(sent)).status, 404, 'a script with the cookie and no Origin');
  assert.equal((await patch({})).status, 401);
  assert.equal((await patch({ Cookie: 'tensorlens_token=not-it', Origin: `http://${host}` })).status, 401);
  assert.equal((await patch({ Cookie: 'tensorlens_token=%E0%A4%A', Origin: `http://${host}` })).status, 401, 'a malformed cookie is just no token');
  const foreign = await patch({ ...sent, Origin: 'http://evil.example' });
  assert.equal(foreign.status, 403);
  assert.match(JSON.parse(foreign.body).error.message, /origin http:\/\/evil\.example are refused/);
});

test('a page loaded from another machine gets the cookie only with the token in its address', () => {
  const request = (url: string, remoteAddress: string, cookie?: string) =>
    ({ method: 'GET', url, headers: cookie ? { cookie } : {}, socket: { remoteAddress } }) as unknown as IncomingMessage;
  const granted = `tensorlens_token=${TOKEN}; HttpOnly; SameSite=Strict; Path=/`;
  assert.equal(dashboardCookie(request('/', '203.0.113.5'), TOKEN), null);
  assert.equal(dashboardCookie(request('/?token=wrong', '203.0.113.5'), TOKEN), null);
  assert.equal(dashboardCookie(request(`/?token=${TOKEN}`, '203.0.113.5'), TOKEN), granted);
  assert.equal(dashboardCookie(request('/', '::ffff:127.0.0.1'), TOKEN), granted);
  assert.equal(dashboardCookie(request('/', '::1', `tensorlens_token=${TOKEN}`), TOKEN), null);
  assert.equal(dashboardCookie({ ...request('/', '::1'), method: 'POST' } as IncomingMessage, TOKEN), null);
});
