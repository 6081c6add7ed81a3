/**
 * One imported run as the importer keeps it between batches: its run.start fields (config from
 * hparams, source details, what is not shown, damage found) and the tag names it hands out. It is
 * read back from the store when first needed, so a restart or a second import carries on from there.
 */
import { createHash } from 'node:crypto';
import type { RunLayout } from '../logdir/discover-runs';
import type { FileProblem } from '../logdir/logdir-reader';
import type { HParamValue } from '../logdir/records';
import type { RunStartFields } from '../protocol/ingest-messages';
import { MAX_SOURCE_ENTRIES, type RunSource } from '../protocol/run-source';
import type { Store } from '../storage/store';
import { TagNames } from './tag-names';

/** The same folder always gets the same id, so a re-import finds the run it made before. */
export function importedRunId(run: RunLayout): string {
  return `tb-${createHash('sha256').update(`${run.folder}\0${run.name}`).digest('hex').slice(0, 24)}`;
}

function layoutDetails(run: RunLayout): string[] {
  const lines = [`Read from the TensorBoard logdir ${run.logdir.dir}, where TensorBoard names this run "${run.name}".`];
  if (run.sources.some((s) => s.role !== 'plain')) {
    lines.push(
      'Keras fit: its train/ and validation/ folders are shown as this one run (TensorBoard shows two). ' +
        'train/epoch_loss is epoch/loss and validation/epoch_loss is epoch/val_loss, on one chart; ' +
        'other validation tags gain val_ before their last part. Weight histograms take the names Tensorlens gives them ' +
        '(conv2d/kernel_0/histogram is weights/conv2d/kernel), so they group by layer and the Graph tab shows each layer\'s weight norm.',
    );
  }
  if (run.sources.some((s) => s.files.length > 1)) {
    lines.push('A folder holds several event files (a writer restarted): they are read in name order, and a step written again shows its last value.');
  }
  return lines;
}

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export class ImportedRun {
  readonly id: string;
  readonly tags: TagNames;
  /** The latest wall time of the run's records: an imported run is finished as of then. */
  lastWall: number;
  failed: boolean;
  private readonly fields: RunStartFields & { source: RunSource };
  private stored: boolean;
  private changed = false;

  private constructor(id: string, fields: RunStartFields & { source: RunSource }, stored: boolean, lastWall: number, failed: boolean) {
    this.id = id;
    this.fields = fields;
    this.stored = stored;
    this.lastWall = lastWall;
    this.failed = failed;
    this.tags = new TagNames(fields.source.renamedTags);
  }

  /** The run as stored, or a new one starting at `startedAt`. */
  static open(store: Store, layout: RunLayout, startedAt: number): ImportedRun {
    const id = importedRunId(layout);
    const run = store.getRun(id);
    if (run?.source) {
      const fields = { id, name: run.name, model: run.model, backend: run.backend, config: run.config, startedAt: run.startedAt, source: run.source };
      const imported = new ImportedRun(id, fields, true, run.finishedAt ?? run.updatedAt, run.status === 'failed');
      imported.follow(layout);
      return imported;
    }
    const source: RunSource = { format: 'tensorboard', path: layout.folder, details: [], renamedTags: [], metrics: [], notShown: [], problems: [] };
    const imported = new ImportedRun(id, { id, name: layout.name, model: '', backend: '', config: {}, startedAt, source }, false, startedAt, false);
    imported.follow(layout);
    return imported;
  }

  /** The folders may have changed since (a validation/ folder appears, a writer restarts). */
  follow(layout: RunLayout): void {
    const details = layoutDetails(layout);
    if (!same(details, this.fields.source.details)) this.update(() => (this.fields.source.details = details));
  }

  /** run.start is due: the run is not stored yet, or its fields changed. */
  get startDue(): boolean {
    return !this.stored || this.changed || this.tags.hasAdded();
  }

  /** The fields to send in run.start, with the renames handed out since; the run counts as stored after. */
  start(): RunStartFields {
    const source = this.fields.source;
    const added = this.tags.takeAdded();
    if (added.length > 0) source.renamedTags = [...source.renamedTags, ...added].slice(-MAX_SOURCE_ENTRIES * 5);
    this.stored = true;
    this.changed = false;
    return structuredClone(this.fields);
  }

  setModel(name: string): void {
    if (this.fields.model !== name) this.update(() => (this.fields.model = cut(name, 200)));
  }

  addConfig(values: Record<string, HParamValue>): void {
    const config = { ...this.fields.config, ...values };
    if (!same(config, this.fields.config)) this.update(() => (this.fields.config = config));
  }

  setMetrics(tags: readonly string[]): void {
    const metrics = tags.slice(0, MAX_SOURCE_ENTRIES).map((t) => cut(t, 400));
    if (!same(metrics, this.fields.source.metrics)) this.update(() => (this.fields.source.metrics = metrics));
  }

  /** Records listed as not shown so far. */
  notShownCount(): number {
    return this.fields.source.notShown.reduce((n, e) => n + e.count, 0);
  }

  /** A summary Tensorlens does not show: listed once per (tag, plugin, reason), with a count. */
  notShown(tag: string, plugin: string, reason?: string, count = 1): void {
    const list = this.fields.source.notShown;
    const entry = { tag: cut(tag || '(no tag)', 400), plugin: cut(plugin || '(none)', 200), ...(reason ? { reason: cut(reason, 2000) } : {}) };
    const found = list.find((e) => e.tag === entry.tag && e.plugin === entry.plugin && e.reason === entry.reason);
    if (found) found.count += count;
    else if (list.length < MAX_SOURCE_ENTRIES) list.push({ ...entry, count });
    else return;
    this.changed = true;
  }

  /** Damage in one of the run's files; counts of the same kind in the same file add up. */
  problem(p: FileProblem): void {
    const list = this.fields.source.problems;
    const found = list.find((e) => e.file === p.file && e.kind === p.kind);
    if (found && (p.kind === 'bad-crc' || p.kind === 'skipped-bytes' || p.kind === 'undecodable')) {
      found.count += p.count;
      found.message = cut(p.message, 2000);
    } else if (found) {
      Object.assign(found, { count: p.count, message: cut(p.message, 2000) });
    } else if (list.length < MAX_SOURCE_ENTRIES) list.push({ file: p.file, kind: p.kind, count: p.count, message: cut(p.message, 2000) });
    this.changed = true;
  }

  private update(change: () => void): void {
    change();
    this.changed = true;
  }
}
