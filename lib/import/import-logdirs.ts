/**
 * The two ways in: import every logdir once (`npm run import`), or follow them while trainers write
 * (`--logdir` on the server). Both resume from the cursors saved in the database.
 */
import type { AppContext } from '../app-context';
import type { IngestServices } from '../ingest/dispatch-message';
import { importLogdirs as readLogdirs, type PassSummary } from '../logdir/logdir-reader';
import { LogdirTailer } from '../logdir/logdir-tailer';
import type { LogdirSpec } from '../logdir/logdir-spec';
import { LogdirImporter, type ImportTally } from './logdir-importer';

/** No dashboards to push to: `npm run import` runs without a server. */
export const NO_LIVE: IngestServices = { live: { push() {}, runTouched() {}, runChanged() {} }, projections: null };

export interface ImportResult {
  pass: PassSummary;
  tally: ImportTally;
}

/** Reads every logdir to its current end and stores what is new. */
export async function importLogdirsOnce(app: AppContext, logdirs: readonly LogdirSpec[], services: IngestServices = NO_LIVE): Promise<ImportResult> {
  const importer = new LogdirImporter(app, services);
  const pass = await readLogdirs({ logdirs, cursors: importer.savedCursors(), onBatch: importer.store });
  return { pass, tally: importer.tally };
}

export interface TailOptions {
  /** Polling period in ms, the latency bound where file watching misses changes. */
  pollMs?: number;
  onError?: (err: Error) => void;
}

/** Imports what is there, then follows every change. Resolves once the first pass is stored; stop() ends it. */
export async function tailLogdirs(app: AppContext, logdirs: readonly LogdirSpec[], services: IngestServices, options: TailOptions = {}): Promise<LogdirTailer> {
  const importer = new LogdirImporter(app, services);
  const tailer = new LogdirTailer({ logdirs, cursors: importer.savedCursors(), onBatch: importer.store, pollMs: options.pollMs, onError: options.onError });
  await tailer.start();
  return tailer;
}
