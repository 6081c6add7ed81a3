import WebSocket from 'ws';
import { LIVE_PATH } from '../../lib/protocol/version';
import { expect, test } from './fixtures';

function liveUrl(serverUrl: string): string {
  return serverUrl.replace(/^http/, 'ws') + LIVE_PATH;
}

/** Resolves with how the handshake ended: 'open', or the HTTP status that refused it. */
function handshake(url: string, origin: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { origin });
    socket.on('open', () => {
      socket.close();
      resolve('open');
    });
    socket.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
    socket.on('error', (e) => resolve(`error: ${e.message}`));
  });
}

test('the live socket refuses another origin and accepts its own', async ({ serverUrl }) => {
  expect(await handshake(liveUrl(serverUrl), 'http://evil.example')).toBe('403');
  expect(await handshake(liveUrl(serverUrl), serverUrl)).toBe('open');
});

test('a page from another site cannot open the live socket', async ({ page, serverUrl }) => {
  await page.route('http://evil.example/**', (route) => route.fulfill({ contentType: 'text/html', body: '<h1>evil</h1>' }));
  await page.goto('http://evil.example/');
  const outcome = (url: string) =>
    page.evaluate(
      (wsUrl) =>
        new Promise<string>((resolve) => {
          const socket = new window.WebSocket(wsUrl);
          socket.onopen = () => resolve('open');
          socket.onclose = (event) => resolve(`closed ${event.code}`);
        }),
      url,
    );
  expect(await outcome(liveUrl(serverUrl))).toBe('closed 1006');

  await page.goto(serverUrl);
  expect(await outcome(liveUrl(serverUrl))).toBe('open');
});
