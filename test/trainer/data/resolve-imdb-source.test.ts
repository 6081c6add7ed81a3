import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { afterEach, test } from 'node:test';
import { resolveImdbSource } from '../../../trainer/data/imdb-source';
import { makeFixtureTarball, makeTempDir, writeAclImdb } from './imdb-fixture';

const savedEnv = process.env.IMDB_DATA;
afterEach(() => {
  if (savedEnv === undefined) delete process.env.IMDB_DATA;
  else process.env.IMDB_DATA = savedEnv;
});

test('an explicit path wins over IMDB_DATA', async () => {
  const archive = makeFixtureTarball();
  process.env.IMDB_DATA = '/nonexistent/from-env';
  assert.deepEqual(await resolveImdbSource({ path: archive }), { kind: 'archive', path: archive });
});

test('IMDB_DATA is used when no path is given, before the cache', async () => {
  const root = writeAclImdb(makeTempDir());
  process.env.IMDB_DATA = root;
  const cacheDir = makeTempDir();
  assert.deepEqual(await resolveImdbSource({ cacheDir, url: 'http://127.0.0.1:9/never' }), {
    kind: 'directory',
    path: join(root, 'aclImdb'),
  });
});

test('a bad IMDB_DATA names its origin', async () => {
  process.env.IMDB_DATA = '/nonexistent/from-env';
  await assert.rejects(resolveImdbSource(), /\/nonexistent\/from-env \(from IMDB_DATA\) does not exist/);
});

test('an existing cached archive is used without downloading', async () => {
  delete process.env.IMDB_DATA;
  const archive = makeFixtureTarball();
  const cacheDir = dirname(archive);
  assert.deepEqual(await resolveImdbSource({ cacheDir, url: 'http://127.0.0.1:9/never' }), { kind: 'archive', path: archive });
});

test('relative paths resolve against the working directory', async () => {
  const root = writeAclImdb(makeTempDir());
  const cwd = process.cwd();
  process.chdir(root);
  try {
    assert.deepEqual(await resolveImdbSource({ path: 'aclImdb' }), { kind: 'directory', path: join(root, 'aclImdb') });
  } finally {
    process.chdir(cwd);
  }
});
