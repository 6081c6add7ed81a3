/**
 * The ingest server as a process of its own, for tests that kill it: `serve-sockets.ts DB PORT`.
 * Prints "port N" once it listens.
 */
import { startSocketServer } from '../helpers/socket-server';

const [dbPath, port] = process.argv.slice(2);
void startSocketServer(dbPath, Number(port)).then((server) => console.log(`port ${server.port}`));
