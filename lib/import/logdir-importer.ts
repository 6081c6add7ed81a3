/**
 * Imports TensorBoard logdirs through the ingest path: each batch the reader hands over becomes the
 * kinds' messages, validated by the same schemas and stored by the same dispatcher as a trainer's,
 * so storage, live pushes and everything built on them work unchanged. A batch's messages and its
 * file cursor are stored in one transaction: nothing is stored twice, however often the import
 * runs or the server restarts while tailing.
 */
import { ingestMessageSchema, type AppContext, type IngestMessage } from '../app-context';
import { dispatchMessage, type IngestServices } from '../ingest/dispatch-message';
import type { RunBatch } from '../logdir/logdir-reader';
import { hasTag, type LogdirRecord } from '../logdir/records';
import { isTimestampMs } from '../protocol/timestamp';
import { PROTOCOL_VERSION } from '../protocol/version';
import { CursorTable } from './cursor-table';
import { ImportedRun } from './imported-run';
import { recordPayloads, type Outgoing } from './record-payloads';

/** What an import stored, for `npm run import` to print. */
export interface ImportTally {
  /** Records stored, by the kind of message that carried them. */
  stored: Record<string, number>;
  /** Records listed on their run as not shown. */
  notShown: number;
  /** File problems reported on runs: damaged records, skipped bytes. */
  problems: string[];
  runs: Set<string>;
}

const TAGGED_KINDS = new Set(['scalar', 'histogram', 'pr-curve', 'image', 'text']);

function describeIssues(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.map(String).join('.') : '(message)'}: ${i.message}`)
    .join('; ');
}

export class LogdirImporter {
  readonly tally: ImportTally = { stored: {}, notShown: 0, problems: [], runs: new Set() };
  private readonly cursors: CursorTable;
  private readonly runs = new Map<string, ImportedRun>();
  private seq = 0;

  constructor(private readonly app: AppContext, private readonly services: IngestServices) {
    this.cursors = new CursorTable(app.store.db);
  }

  /** The saved cursors, to hand to the reader or tailer so it resumes where the last import stopped. */
  savedCursors(): ReturnType<CursorTable['load']> {
    return this.cursors.load();
  }

  /** The reader's onBatch: stores one batch and its cursor, all or nothing. */
  readonly store = (batch: RunBatch): void => {
    const records = batch.records;
    if (records.length === 0 && batch.problems.length === 0) {
      this.cursors.save(batch.file, batch.cursor);
      return;
    }
    const key = batch.run.folder;
    let run = this.runs.get(key);
    try {
      this.app.store.transaction(() => {
        if (!run) this.runs.set(key, (run = ImportedRun.open(this.app.store, batch.run, firstWall(records))));
        else run.follow(batch.run);
        this.storeRecords(run, batch, records);
        this.cursors.save(batch.file, batch.cursor);
      });
    } catch (err) {
      // The transaction rolled back: forget what this batch changed in memory and read the run again next time.
      this.runs.delete(key);
      throw err;
    }
  };

  private storeRecords(run: ImportedRun, batch: RunBatch, records: readonly LogdirRecord[]): void {
    for (const p of batch.problems) {
      run.problem(p);
      this.tally.problems.push(p.message);
    }
    const notShownBefore = run.notShownCount();
    const outgoing = recordPayloads(run, this.prepare(run, records));
    const fresh = !this.app.store.hasRun(run.id);
    if (fresh) this.send({ type: 'run.start', run: run.start() });
    for (const out of outgoing) this.sendData(run, out);
    const wall = lastWall(records);
    const ended = wall > run.lastWall;
    if (ended) run.lastWall = wall;
    if (run.startDue) this.send({ type: 'run.start', run: run.start() });
    if (fresh || ended || batch.problems.length > 0 || run.notShownCount() !== notShownBefore) {
      this.send({ type: 'run.status', runId: run.id, status: run.failed ? 'failed' : 'finished', at: run.lastWall });
    }
    this.tally.notShown += run.notShownCount() - notShownBefore;
    this.tally.runs.add(run.id);
  }

  /** Steps and wall times Tensorlens cannot hold are listed as not shown; tags are renamed where the store needs it. */
  private prepare(run: ImportedRun, records: readonly LogdirRecord[]): LogdirRecord[] {
    const out: LogdirRecord[] = [];
    for (const r of records) {
      const unfit = unfitReason(r);
      if (unfit) {
        run.notShown(hasTag(r) ? r.tag : r.kind, r.kind, unfit);
        continue;
      }
      if (!hasTag(r) || !TAGGED_KINDS.has(r.kind)) {
        out.push(r);
        continue;
      }
      const shown = run.tags.shown(r.tag);
      out.push(shown === r.tag ? r : { ...r, tag: shown });
    }
    return out;
  }

  /** A message a kind refuses is listed as not shown, with the kind's reason; the import goes on. */
  private sendData(run: ImportedRun, out: Outgoing): void {
    const parsed = ingestMessageSchema.safeParse({ v: PROTOCOL_VERSION, seq: this.seq++, ...out.payload });
    const count = out.count;
    if (!parsed.success) {
      run.notShown(out.tag, out.plugin, describeIssues(parsed.error), count);
      return;
    }
    dispatchMessage(this.app, this.services, parsed.data);
    this.tally.stored[out.payload.type] = (this.tally.stored[out.payload.type] ?? 0) + count;
  }

  private send(payload: Outgoing['payload']): void {
    dispatchMessage(this.app, this.services, ingestMessageSchema.parse({ v: PROTOCOL_VERSION, seq: this.seq++, ...payload }) as IngestMessage);
  }
}

/** Why a record cannot be stored as it is: a step or a wall time outside what the protocol takes. */
function unfitReason(r: LogdirRecord): string | null {
  if (!Number.isSafeInteger(r.step) || r.step < 0) return r.step < 0 ? 'negative steps: Tensorlens steps start at 0' : 'steps beyond 2^53';
  if (!isTimestampMs(r.wallTime)) return 'wall times before 1970 or after the year 9999 (seconds in another unit?)';
  return null;
}

/** The run's times come from records a date can hold; the others are listed as not shown. */
function firstWall(records: readonly LogdirRecord[]): number {
  let first = Infinity;
  for (const r of records) if (r.wallTime < first && isTimestampMs(r.wallTime)) first = r.wallTime;
  return Number.isFinite(first) ? first : Date.now();
}

function lastWall(records: readonly LogdirRecord[]): number {
  let last = -Infinity;
  for (const r of records) if (r.wallTime > last && isTimestampMs(r.wallTime)) last = r.wallTime;
  return last;
}
