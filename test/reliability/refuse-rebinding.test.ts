import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { hostPolicy } from '../../server/host-check';
import { handshake } from '../helpers/handshake';
import { httpRequest } from '../helpers/http-get';
import { startSocketServer } from '../helpers/socket-server';
import { tempDir } from '../helpers/temp-dir';

const handshakeAs = (port: number, path: string, host: string) => handshake(`ws://127.0.0.1:${port}${path}`, { Host: host, Origin: `http://${host}` });

test('a rebound host name is refused on HTTP and on both sockets, with how to allow it', async (t) => {
  const server = await startSocketServer(join(tempDir(t), 'rebind.db'));
  t.after(() => server.close());
  const evil = `rebind.evil.example:${server.port}`;
  const answer = await httpRequest(server.port, '/api/runs', { headers: { Host: evil } });
  assert.equal(answer.status, 403);
  assert.match(JSON.parse(answer.body).error.message, /Host "rebind\.evil\.example:\d+" is not a name this server answers to; start it with --allowed-host/);
  assert.equal(await handshakeAs(server.port, '/ws/live', evil), 403);
  assert.equal(await handshakeAs(server.port, '/ws/ingest', evil), 403);
});

test('loopback names and IP addresses pass; another name passes once allowed', async (t) => {
  const server = await startSocketServer(join(tempDir(t), 'hosts.db'), 0, { hosts: hostPolicy('127.0.0.1', ['tensorlens.lab']) });
  t.after(() => server.close());
  for (const host of ['localhost', '127.0.0.1', '[::1]', 'LOCALHOST', 'app.localhost', '192.168.1.20', 'tensorlens.lab']) {
    const withPort = `${host}:${server.port}`;
    assert.equal((await httpRequest(server.port, '/api/runs', { headers: { Host: withPort } })).status, 404, `${host} reaches the app`);
    assert.equal(await handshakeAs(server.port, '/ws/live', withPort), 101, `${host} opens the live socket`);
  }
  for (const host of ['tensorlens.lab.evil.example', 'localhost.evil.example', 'evil.example']) {
    assert.equal((await httpRequest(server.port, '/', { headers: { Host: host } })).status, 403, host);
  }
});
