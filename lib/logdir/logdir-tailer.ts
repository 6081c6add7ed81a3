/**
 * Follows logdirs while trainers write them: a pass (logdir-reader.ts) runs on every file-system
 * change and, as a fallback for file systems where watching misses changes (network mounts,
 * containers, inotify limits), on a timer. Passes never overlap; a change during a pass starts one
 * more right after it. New files and new run folders are found by the pass itself.
 */
import { watch, type FSWatcher } from 'node:fs';
import { LogdirReader, type LogdirReaderArgs, type PassSummary } from './logdir-reader';

export interface LogdirTailerArgs extends LogdirReaderArgs {
  /** Polling period in ms, the upper bound on latency when watching sees nothing. Default 500. */
  pollMs?: number;
  /** A pass that failed (a throwing onBatch): the files it had not finished are read again next pass. */
  onError?: (err: Error) => void;
  /** After every pass, with what it read. */
  onPass?: (summary: PassSummary) => void;
}

export class LogdirTailer {
  private readonly reader: LogdirReader;
  private readonly pollMs: number;
  private readonly onError: (err: Error) => void;
  private readonly onPass: (summary: PassSummary) => void;
  private readonly watchers: FSWatcher[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(args: LogdirTailerArgs) {
    this.reader = new LogdirReader(args);
    this.pollMs = args.pollMs ?? 500;
    this.onError = args.onError ?? (() => {});
    this.onPass = args.onPass ?? (() => {});
  }

  /** Reads everything there is now, then follows changes. Resolves after the first pass. */
  async start(): Promise<void> {
    for (const folder of this.reader.folders()) this.watch(folder);
    this.timer = setInterval(() => this.poke(), this.pollMs);
    await this.poke();
  }

  /** Stops watching and waits for a pass in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    for (const w of this.watchers) w.close();
    await this.running;
  }

  /** Every file's cursor as it stands (what was handed to onBatch). */
  fileCursors(): ReturnType<LogdirReader['fileCursors']> {
    return this.reader.fileCursors();
  }

  private watch(folder: string): void {
    try {
      const watcher = watch(folder, { recursive: true }, () => void this.poke());
      // A watcher that fails (folder removed, too many watches) leaves the timer to do the work.
      watcher.on('error', () => watcher.close());
      this.watchers.push(watcher);
    } catch {
      // Not watchable (missing yet, or unsupported here): polling covers it.
    }
  }

  /** Runs a pass now, or one more after the pass in progress. */
  private poke(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => (this.running = undefined));
    return this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        this.onPass(await this.reader.readAll());
      } catch (err) {
        this.onError(err as Error);
      }
    } while (this.again && !this.stopped);
  }
}
