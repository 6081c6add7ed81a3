import { parseArgs } from 'node:util';
import { parseLogdirSpec } from '../lib/logdir/logdir-spec';
import { resolveDbPath } from '../lib/storage/db-path';
import { startDemoRun } from './demo-run';
import { projectRoot } from './project-root';
import { startServer } from './start-server';

const USAGE = `usage: tensorlens [--port N] [--host H] [--db FILE] [--dev] [--demo] [--logdir DIR | --logdir name:DIR …]
  --port   port to listen on (default PORT or 3000)
  --host   address to bind (default HOST or 127.0.0.1: the dashboard is local unless you say so)
  --db     SQLite file (default TENSORLENS_DB or logs/tensorlens.db)
  --dev    Next dev mode with hot reload
  --demo   also start a demo training run of the lecture's IMDB Conv1D
  --logdir a TensorBoard logdir to import and follow live; repeat it for several, name:DIR names their runs`;

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        db: { type: 'string' },
        dev: { type: 'boolean', default: false },
        demo: { type: 'boolean', default: false },
        logdir: { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`invalid port "${values.port ?? process.env.PORT}"\n${USAGE}`);
    process.exit(2);
  }
  const root = projectRoot();
  const log = (line: string) => console.log(`[tensorlens] ${line}`);
  const server = await startServer({
    port,
    host: values.host ?? process.env.HOST ?? '127.0.0.1',
    dbPath: resolveDbPath(values.db),
    dev: values.dev,
    dir: root,
    logdirs: values.logdir.map((arg) => parseLogdirSpec(arg)),
    log,
  });
  console.log(`Tensorlens listening on ${server.url} (database ${resolveDbPath(values.db)})`);
  const demo = values.demo ? startDemoRun(root, server.url, !values.dev, log) : null;
  const stop = async () => {
    demo?.kill('SIGINT');
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: Error) => {
  console.error(`Tensorlens could not start: ${e.message}`);
  process.exit(1);
});
