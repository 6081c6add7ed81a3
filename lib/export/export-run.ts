/**
 * The other way: a Tensorlens run written as a TensorBoard logdir, so TensorBoard (or anything that
 * reads event files) can open it. Scalars become `simple_value` (float32, as PyTorch writes them)
 * and histograms HistogramProto; the run is one folder named after it, one event per value, in
 * wall-time order, as a SummaryWriter would have written them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext } from '../app-context';
import { ApiError } from '../api/errors';
import { eventFileName, eventRecord, fileVersionRecord, histogramProtoValue } from '../logdir/event-writer';
import { encodeSimpleValueEvent } from '../logdir/simple-value-event';
import { encodeRecord } from '../logdir/tfrecord';
import { tagSafe } from '../protocol/tag';

export interface ExportResult {
  /** The event file written. */
  file: string;
  scalars: number;
  histograms: number;
}

interface Timed {
  wallTime: number;
  step: number;
  /** The event, framed. */
  record: () => Buffer;
}

/** The run's folder name: its name, with what file systems or TensorBoard's run names would mind replaced. */
export function exportFolderName(name: string): string {
  return tagSafe(name).replace(/\//g, '_').replace(/^\.+/, '_') || 'run';
}

export function exportRun(app: AppContext, runId: string, logdir: string): ExportResult {
  const run = app.store.getRun(runId);
  if (!run) throw new ApiError('not_found', `no run "${runId}" in ${app.store.path}`);
  const values: Timed[] = [];
  for (const { tag } of app.tables.scalar.listTags(runId)) {
    for (const [step, wallTime, value] of app.tables.scalar.read(runId, tag, Infinity)!.points) {
      values.push({ wallTime, step, record: () => encodeRecord(encodeSimpleValueEvent(wallTime / 1000, step, tag, value)) });
    }
  }
  const scalars = values.length;
  for (const { tag } of app.tables.histogram.listTags(runId)) {
    for (const h of app.tables.histogram.read(runId, tag)!) {
      values.push({ wallTime: h.wallTime, step: h.step, record: () => eventRecord({ wallTime: h.wallTime / 1000, step: h.step, summary: { value: [histogramProtoValue(tag, h)] } }) });
    }
  }
  values.sort((a, b) => a.wallTime - b.wallTime || a.step - b.step);
  const folder = join(logdir, exportFolderName(run.name));
  mkdirSync(folder, { recursive: true });
  const file = join(folder, eventFileName(run.startedAt / 1000, '.tensorlens'));
  const records = values.map((v) => v.record());
  writeFileSync(file, Buffer.concat([fileVersionRecord(run.startedAt / 1000), ...records]));
  return { file, scalars, histograms: values.length - scalars };
}
