import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { loadImdb } from '../../../trainer/data/imdb';
import { IMDB_ARCHIVE_NAME } from '../../../trainer/data/imdb-source';
import { makeFixtureTarball, makeTempDir } from './imdb-fixture';

// The cache is only consulted when neither --data nor IMDB_DATA is given.
delete process.env.IMDB_DATA;

const tarball = readFileSync(makeFixtureTarball());
const requests: string[] = [];
let server: Server;
let base: string;

before(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url === '/aclImdb_v1.tar.gz') {
      res.writeHead(200, { 'content-length': tarball.length });
      res.end(tarball);
    } else if (req.url === '/cut.tar.gz') {
      // Promise the whole file, send half, then drop the connection.
      res.writeHead(200, { 'content-length': tarball.length });
      res.write(tarball.subarray(0, tarball.length >> 1), () => res.destroy());
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => server.close());

test('downloads once into the cache dir, then reuses the cached archive', async () => {
  const cacheDir = join(makeTempDir(), 'cache');
  const log: string[] = [];
  const options = { cacheDir, url: `${base}/aclImdb_v1.tar.gz`, numWords: 10, maxLen: 12, log: (m: string) => log.push(m) };
  requests.length = 0;

  const first = await loadImdb(options);
  const cached = join(cacheDir, IMDB_ARCHIVE_NAME);
  assert.deepEqual(requests, ['/aclImdb_v1.tar.gz']);
  assert.equal(first.source, cached);
  assert.deepEqual(readdirSync(cacheDir), [IMDB_ARCHIVE_NAME]);
  assert.deepEqual(readFileSync(cached), tarball);
  assert.equal(first.trainCount, 4);
  assert.match(log.join('\n'), /downloading http:\/\/127\.0\.0\.1:\d+\/aclImdb_v1\.tar\.gz/);

  const second = await loadImdb(options);
  assert.equal(requests.length, 1, 'the second load must not download again');
  assert.deepEqual(second.xTrain, first.xTrain);
});

test('an HTTP error is reported with its status and leaves no file', async () => {
  const cacheDir = join(makeTempDir(), 'cache');
  await assert.rejects(
    loadImdb({ cacheDir, url: `${base}/missing.tar.gz`, numWords: 10, maxLen: 12, log: () => {} }),
    /download of http:\/\/127\.0\.0\.1:\d+\/missing\.tar\.gz failed with status 404 Not Found/,
  );
  assert.deepEqual(readdirSync(cacheDir), []);
});

test('a download cut short fails and leaves no partial file', { timeout: 10_000 }, async () => {
  const cacheDir = join(makeTempDir(), 'cache');
  await assert.rejects(
    loadImdb({ cacheDir, url: `${base}/cut.tar.gz`, numWords: 10, maxLen: 12, log: () => {} }),
    /download of http:\/\/127\.0\.0\.1:\d+\/cut\.tar\.gz (failed after|was cut short)/,
  );
  assert.deepEqual(readdirSync(cacheDir), []);
});

test('an unreachable server gives a clear error', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  const cacheDir = join(makeTempDir(), 'cache');
  await assert.rejects(
    loadImdb({ cacheDir, url: `http://127.0.0.1:${port}/x.tar.gz`, numWords: 10, maxLen: 12, log: () => {} }),
    /download of http:\/\/127\.0\.0\.1:\d+\/x\.tar\.gz failed: .*ECONNREFUSED/,
  );
  assert.ok(!existsSync(join(cacheDir, IMDB_ARCHIVE_NAME)));
});
