import { resolveDbPath } from '../lib/storage/db-path';
import { startDemoRun } from './demo-run';
import { projectRoot } from './project-root';
import { FlagError, USAGE, parseServerFlags } from './server-flags';
import { startServer } from './start-server';
import { chooseIngestToken, isLoopback } from './auth-token';

async function main(): Promise<void> {
  let flags;
  try {
    flags = parseServerFlags(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof FlagError)) throw e;
    console.error(`${e.message}\n${USAGE}`);
    process.exit(2);
  }
  if (flags === 'help') {
    console.log(USAGE);
    return;
  }
  const root = projectRoot();
  const log = (line: string) => console.log(`[tensorlens] ${line}`);
  const dbPath = resolveDbPath(flags.db);
  const { port, host, allowedHosts, heartbeatGraceMs, dev } = flags;
  const { token, generated } = chooseIngestToken(host);
  // The demo trainer is a child process: it inherits the token with the environment.
  if (token) process.env.TENSORLENS_TOKEN = token;
  const server = await startServer({ port, host, allowedHosts, dbPath, dev, dir: root, logdirs: flags.logdirs, log, heartbeatGraceMs, token });
  console.log(`Tensorlens listening on ${server.url} (database ${dbPath})`);
  if (!isLoopback(host)) {
    console.warn(`warning: ${host} is reachable beyond this machine; anyone who reaches it can read every run.`);
    if (generated) console.warn(`Trainers and every write need this token: TENSORLENS_TOKEN=${token}`);
    else console.warn('Trainers and every write need the token in TENSORLENS_TOKEN.');
  }
  const demo = flags.demo ? startDemoRun(root, server.url, !flags.dev, log) : null;
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
