import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createApp, type AppContext } from '../../lib/app-context';
import { imdbDataPath } from './imdb-data';
import { runTrainer } from './run-trainer';
import { startSocketServer } from './socket-server';
import { tempDir } from './temp-dir';

/** A real trainer process on the IMDB reviews, streaming through our sockets into a fresh file; then that file, opened. */
export async function trainIntoApp(t: Parameters<typeof tempDir>[0], args: string[]): Promise<AppContext> {
  const data = imdbDataPath();
  assert.ok(data, 'the IMDB archive is needed: set IMDB_DATA or put ../shared/data/imdb/aclImdb_v1_labeled.tar.gz beside the checkout');
  const dbPath = join(tempDir(t), 'imdb.db');
  const server = await startSocketServer(dbPath);
  const { code, output } = await runTrainer([...args, '--server', server.url, '--data', data]);
  await server.close();
  assert.equal(code, 0, output);
  const app = createApp(dbPath);
  t.after(() => app.store.close());
  return app;
}
