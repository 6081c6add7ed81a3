/**
 * The ingest path as its own process, as a trainer meets it under `npm start`: our real WebSocket
 * endpoints storing into a real SQLite file (test/helpers/socket-server.ts, without Next, which
 * ingest does not touch). Prints `{"url"}` once listening; when stdin closes, stops and prints
 * `{"cpuSeconds"}`, the CPU it spent since, so a benchmark can say what ingest cost apart from
 * the trainer. Usage: tsx bench/serve-ingest.ts DB_PATH
 */
import { startSocketServer } from '../test/helpers/socket-server';

async function main(): Promise<void> {
  const server = await startSocketServer(process.argv[2]);
  const since = process.cpuUsage();
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
  process.stdin.on('end', () => {
    void server.close().then(() => {
      const used = process.cpuUsage(since);
      process.stdout.write(`${JSON.stringify({ cpuSeconds: (used.user + used.system) / 1e6 })}\n`);
    });
  });
  process.stdin.resume();
}

void main();
