/**
 * Reads logdirs from where they were left: each pass finds the runs and event files as they are
 * now and reads every file from its cursor to its end, handing over one batch per piece read.
 * The importer (one pass) and the tailer (a pass on every change) both use it.
 */
import { discoverRuns, type RunLayout, type RunSource } from './discover-runs';
import { readEventFile, START_OF_FILE, type FileCursor, type FileRead } from './event-file';
import { withKerasTag } from './keras-tags';
import { nameLogdirs, type LogdirSpec } from './logdir-spec';
import type { LogdirRecord } from './records';

export interface FileProblem {
  file: string;
  kind: 'bad-crc' | 'skipped-bytes' | 'corrupt' | 'undecodable' | 'restarted' | 'unreadable';
  /** Records or bytes, for the kinds that count. */
  count: number;
  message: string;
}

export interface RunBatch {
  run: RunLayout;
  source: RunSource;
  file: string;
  /** In file order, tags as the run shows them (keras-tags.ts). Duplicate steps are left in: the last one wins. */
  records: LogdirRecord[];
  /** The file's cursor after these records: save it together with them. */
  cursor: FileCursor;
  problems: FileProblem[];
}

export interface LogdirReaderArgs {
  logdirs: readonly LogdirSpec[];
  /** Cursors saved earlier, by absolute file path; files without one are read from the start. */
  cursors?: Readonly<Record<string, FileCursor>>;
  /** Called for each piece read, one at a time: the next read waits for it. */
  onBatch: (batch: RunBatch) => void | Promise<void>;
}

export interface PassSummary {
  runs: number;
  files: number;
  records: number;
  /** Files that end inside a record still being written. */
  waiting: number;
  problems: number;
}

function problemsOf(file: string, read: FileRead): FileProblem[] {
  const out: FileProblem[] = [];
  const add = (kind: FileProblem['kind'], count: number, message: string) => out.push({ file, kind, count, message });
  if (read.error) add('unreadable', 0, read.error);
  if (read.restarted) add('restarted', 0, `${file} is shorter than where reading stopped: it was replaced, and is read again from its start`);
  if (read.badCrc) add('bad-crc', read.badCrc, `${read.badCrc} record(s) in ${file} failed their CRC check and were skipped`);
  if (read.skippedBytes) add('skipped-bytes', read.skippedBytes, `${read.skippedBytes} damaged byte(s) in ${file} were passed over`);
  if (read.undecodable) add('undecodable', read.undecodable, `${read.undecodable} record(s) in ${file} are not TensorBoard events`);
  if (read.corruptAt !== undefined) add('corrupt', read.corruptAt, `${file} is damaged at byte ${read.corruptAt}: nothing after it can be read`);
  return out;
}

export class LogdirReader {
  private readonly logdirs: LogdirSpec[];
  private readonly cursors: Map<string, FileCursor>;
  private readonly onBatch: LogdirReaderArgs['onBatch'];
  /** A damaged spot is reported once, not on every pass that stops at it again. */
  private readonly reportedCorrupt = new Set<string>();

  constructor(args: LogdirReaderArgs) {
    this.logdirs = nameLogdirs(args.logdirs);
    this.cursors = new Map(Object.entries(args.cursors ?? {}));
    this.onBatch = args.onBatch;
  }

  /** Every file's cursor as it stands. */
  fileCursors(): Record<string, FileCursor> {
    return Object.fromEntries(this.cursors);
  }

  /** The folders to watch. */
  folders(): string[] {
    return this.logdirs.map((l) => l.dir);
  }

  /** One pass over every logdir. */
  async readAll(): Promise<PassSummary> {
    const summary: PassSummary = { runs: 0, files: 0, records: 0, waiting: 0, problems: 0 };
    for (const logdir of this.logdirs) {
      for (const run of await discoverRuns(logdir)) {
        summary.runs++;
        for (const source of run.sources) {
          for (const file of source.files) {
            summary.files++;
            await this.readFile(run, source, file, summary);
          }
        }
      }
    }
    return summary;
  }

  private async readFile(run: RunLayout, source: RunSource, file: string, summary: PassSummary): Promise<void> {
    for (;;) {
      const before = this.cursors.get(file) ?? START_OF_FILE;
      const read = await readEventFile(file, before);
      const problems = problemsOf(file, read).filter((p) => p.kind !== 'corrupt' || this.firstReport(file, p.count));
      const moved = read.cursor.offset !== before.offset || read.restarted;
      if (moved || problems.length > 0) {
        const records = read.records.map((r) => withKerasTag(r, source.role));
        await this.onBatch({ run, source, file, records, cursor: read.cursor, problems });
        this.cursors.set(file, read.cursor);
        summary.records += records.length;
        summary.problems += problems.length;
      }
      if (read.waiting) summary.waiting++;
      if (!read.more) return;
    }
  }

  private firstReport(file: string, offset: number): boolean {
    const key = `${file}\0${offset}`;
    if (this.reportedCorrupt.has(key)) return false;
    this.reportedCorrupt.add(key);
    return true;
  }
}

/** `npm run import`: reads every logdir once, to its current end. */
export async function importLogdirs(args: LogdirReaderArgs): Promise<PassSummary> {
  return new LogdirReader(args).readAll();
}
