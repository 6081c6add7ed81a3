import type { AppContext } from '../lib/app-context';
import type { IngestServices } from '../lib/ingest/dispatch-message';
import { tailLogdirs } from '../lib/import/import-logdirs';
import type { LogdirTailer } from '../lib/logdir/logdir-tailer';
import type { LogdirSpec } from '../lib/logdir/logdir-spec';
import type { Log } from './attach-sockets';

export interface FollowedLogdirs {
  /** Settles after the first pass: everything there at start is stored. */
  read: Promise<void>;
  stop(): Promise<void>;
}

/**
 * `--logdir`: the server imports the logdirs while it already serves pages, then follows them, so
 * runs appear as they are read and new events reach the dashboards as they are written.
 */
export function followLogdirs(app: AppContext, services: IngestServices, logdirs: readonly LogdirSpec[], log: Log): FollowedLogdirs {
  if (logdirs.length === 0) return { read: Promise.resolve(), stop: async () => {} };
  let tailer: LogdirTailer | null = null;
  let stopped = false;
  const started = performance.now();
  const read = tailLogdirs(app, logdirs, services, { onError: (e) => log(`reading the logdirs failed, retrying on the next change: ${e.message}`) }).then(
    async (t) => {
      tailer = t;
      if (stopped) await t.stop();
      else log(`logdirs read in ${((performance.now() - started) / 1000).toFixed(1)} s, following ${logdirs.map((l) => l.dir).join(', ')}`);
    },
    (e: Error) => log(`could not read the logdirs: ${e.message}`),
  );
  return {
    read,
    async stop() {
      stopped = true;
      await read;
      await tailer?.stop();
    },
  };
}
