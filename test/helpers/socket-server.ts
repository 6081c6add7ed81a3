import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { attachSockets, Sockets } from '../../server/attach-sockets';
import { SqliteStore } from '../../lib/storage/sqlite-store';

export interface SocketServer {
  url: string;
  port: number;
  store: SqliteStore;
  logs: string[];
  close(): Promise<void>;
}

/** Our real WebSocket endpoints on a plain HTTP server: the ingest path without building Next. */
export async function startSocketServer(dbPath: string, port = 0): Promise<SocketServer> {
  const store = new SqliteStore(dbPath);
  const logs: string[] = [];
  const server: Server = createServer((_, res) => res.writeHead(404).end());
  const sockets: Sockets = attachSockets(server, store, (line) => logs.push(line));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    store,
    logs,
    async close() {
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
    },
  };
}
