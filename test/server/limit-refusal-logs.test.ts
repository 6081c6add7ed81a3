import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import WebSocket from 'ws';
import { escapeForLog } from '../../server/refusal-log';
import { startSocketServer } from '../helpers/socket-server';
import { tempDir } from '../helpers/temp-dir';
import { until } from '../helpers/until';

test('a connection sending garbage in a loop gets a few full log lines and then counts', async (t) => {
  const server = await startSocketServer(join(tempDir(t), 'flood.db'));
  t.after(() => server.close());
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws/ingest`);
  await new Promise((resolve) => ws.once('open', resolve));
  let replies = 0;
  ws.on('message', () => replies++);
  const forged = '\u001b[31m\n[x]' + 'A'.repeat(5000);
  for (let i = 0; i < 2500; i++) ws.send(i === 0 ? forged : `garbage ${i}`);
  await until(() => replies === 2500, 'every message to be answered');
  ws.close();
  await until(() => server.logs.some((l) => l.includes('connection closed')), 'the closing summary');
  const lines = server.logs.filter((l) => l.includes('ingest error'));
  assert.equal(lines.length, 10 + 2 + 1, lines.join('\n'));
  assert.match(lines[0], /^ingest error from \S+: \[invalid_json\] message is not valid JSON: .*\\u001b\[31m\\u000a\[x\]/);
  assert.ok(lines[0].length < 400, 'a long message is cut');
  assert.match(lines[9], /further refusals from this connection are counted, not logged/);
  assert.match(lines[10], /^ingest errors from \S+: 1000 more refused, 1010 in all; latest \[invalid_json\]/);
  assert.match(lines[12], /^ingest errors from \S+: 490 more refused, 2500 in all; connection closed$/);
  for (const line of server.logs) assert.doesNotMatch(line, /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
});

test('control characters are escaped and long text cut', () => {
  assert.equal(escapeForLog('a\r\nb\u2028c\u0000'), 'a\\u000d\\u000ab\\u2028c\\u0000');
  assert.equal(escapeForLog('é→✓ plain'), 'é→✓ plain');
  assert.equal(escapeForLog('x'.repeat(12), 10), 'xxxxxxxxxx… (12 chars)');
});
