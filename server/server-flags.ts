import { parseArgs } from 'node:util';
import { type LogdirSpec, parseLogdirSpec } from '../lib/logdir/logdir-spec';

export const USAGE = `usage: tensorlens [--port N] [--host H] [--allowed-host NAME]... [--db FILE] [--heartbeat-grace S] [--dev] [--demo]
                 [--logdir DIR | --logdir name:DIR …]
  --port             port to listen on (default PORT or 3000)
  --host             address to bind (default HOST or 127.0.0.1: the dashboard is local unless you say so)
  --allowed-host     a host name the dashboard is reached by, besides localhost, IP addresses and --host
                     (repeatable; also TENSORLENS_ALLOWED_HOSTS, comma-separated); others are refused
  --db               SQLite file (default TENSORLENS_DB or logs/tensorlens.db)
  --heartbeat-grace  seconds a run may go unheard, with no trainer connected, before it is shown as
                     crashed (default TENSORLENS_HEARTBEAT_GRACE or 60)
  --dev              Next dev mode with hot reload
  --demo             also start a demo training run of the lecture's IMDB Conv1D
  --logdir           a TensorBoard logdir to import and follow live; repeat it for several,
                     name:DIR names their runs`;

export interface ServerFlags {
  port: number;
  host: string;
  allowedHosts: string[];
  db?: string;
  heartbeatGraceMs: number;
  dev: boolean;
  demo: boolean;
  logdirs: LogdirSpec[];
}

export class FlagError extends Error {}

/** The server's command line, with the environment's defaults; 'help' when asked for the usage. */
export function parseServerFlags(argv: string[], env: Record<string, string | undefined> = process.env): ServerFlags | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'allowed-host': { type: 'string', multiple: true, default: [] },
        db: { type: 'string' },
        'heartbeat-grace': { type: 'string' },
        dev: { type: 'boolean', default: false },
        demo: { type: 'boolean', default: false },
        logdir: { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (e) {
    throw new FlagError((e as Error).message);
  }
  if (values.help) return 'help';
  const port = Number(values.port ?? env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new FlagError(`invalid port "${values.port ?? env.PORT}"`);
  const grace = Number(values['heartbeat-grace'] ?? env.TENSORLENS_HEARTBEAT_GRACE ?? 60);
  if (!(grace > 0)) throw new FlagError(`invalid heartbeat grace "${values['heartbeat-grace'] ?? env.TENSORLENS_HEARTBEAT_GRACE}": a number of seconds > 0`);
  const allowedHosts = [...values['allowed-host'], ...(env.TENSORLENS_ALLOWED_HOSTS ?? '').split(',')].map((h) => h.trim()).filter(Boolean);
  const logdirs = values.logdir.map((arg) => parseLogdirSpec(arg));
  const { db, dev, demo } = values;
  return { port, host: values.host ?? env.HOST ?? '127.0.0.1', allowedHosts, db, heartbeatGraceMs: grace * 1000, dev, demo, logdirs };
}
