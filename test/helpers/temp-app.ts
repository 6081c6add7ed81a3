import { join } from 'node:path';
import { createApp, type AppContext } from '../../lib/app-context';
import { tempDir } from './temp-dir';

/** A fresh app (store with every kind's tables) in a temp dir, closed after the test. */
export function tempApp(t: Parameters<typeof tempDir>[0], file = 'runs.db'): AppContext {
  const app = createApp(join(tempDir(t), file));
  t.after(() => app.store.close());
  return app;
}

/** A run to write into; the id is what most tests use. */
export function startRun(app: AppContext, id = 'r'): void {
  app.store.upsertRun({ id, name: id, model: '', backend: '', config: {}, startedAt: 0 });
}
