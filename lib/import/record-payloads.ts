/**
 * A batch of logdir records as the kinds' ingest messages (without their header): the same
 * messages a trainer sends, so imported data is validated, stored and pushed the way live data is.
 * Run-level records (hparams, the Keras model's name) change the run instead, and what no kind
 * shows is listed on the run as not shown.
 */
import type { IngestPayload } from '../app-context';
import { MAX_IMAGES_PER_BATCH } from '../kinds/image/meta';
import { MAX_CURVES_PER_BATCH } from '../kinds/pr-curve/meta';
import { MAX_POINTS_PER_BATCH } from '../kinds/scalar/meta';
import { MAX_TEXT_ENTRIES } from '../kinds/text/meta';
import type { ImageRecord, LogdirRecord, PrCurveRecord, ScalarRecord, TextRecord } from '../logdir/records';
import { keepLastPerStep } from '../logdir/last-per-step';
import { kerasModelGraph } from './keras-model-graph';
import { textMarkdown } from './text-markdown';
import type { ImportedRun } from './imported-run';

/** One message to send, and what to list as not shown if the kind refuses it. */
export interface Outgoing {
  payload: IngestPayload;
  tag: string;
  plugin: string;
  /** Records it carries. */
  count: number;
}

const MAX_HISTOGRAMS_PER_BATCH = 2000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Columns per tag, cut so that no message holds more points than a trainer may send. */
function scalarMessages(runId: string, records: readonly ScalarRecord[]): Outgoing[] {
  const byTag = new Map<string, { tag: string; steps: number[]; wallTimes: number[]; values: number[] }>();
  for (const r of records) {
    let c = byTag.get(r.tag);
    if (!c) byTag.set(r.tag, (c = { tag: r.tag, steps: [], wallTimes: [], values: [] }));
    c.steps.push(r.step);
    c.wallTimes.push(r.wallTime);
    c.values.push(r.value);
  }
  const out: Outgoing[] = [];
  for (const c of byTag.values()) {
    for (let i = 0; i < c.steps.length; i += MAX_POINTS_PER_BATCH) {
      const end = i + MAX_POINTS_PER_BATCH;
      const points = [{ tag: c.tag, steps: c.steps.slice(i, end), wallTimes: c.wallTimes.slice(i, end), values: c.values.slice(i, end) }];
      out.push({ payload: { type: 'scalars', runId, points }, tag: c.tag, plugin: 'scalars', count: points[0].steps.length });
    }
  }
  return out;
}

function prCurve({ kind: _kind, ...curve }: PrCurveRecord) {
  return curve;
}

function image(r: ImageRecord & { contentType: NonNullable<ImageRecord['contentType']> }) {
  const { tag, step, sample, wallTime, width, height, contentType } = r;
  return { tag, step, sample, wallTime, width, height, contentType, data: r.encoded.toString('base64') };
}

/**
 * The text kind keeps the first text stored at a step, so a step written twice in one batch sends
 * only its last text, as TensorBoard shows it. A step written again in a later batch keeps the first.
 */
function textMessages(run: ImportedRun, records: readonly TextRecord[]): Outgoing[] {
  const entries = [];
  for (const r of keepLastPerStep(records) as TextRecord[]) {
    const text = textMarkdown(r.shape, r.texts);
    if (text === null) run.notShown(r.tag, 'text', `a text tensor of rank ${r.shape.length}: only ranks 0 to 2 are shown`);
    else entries.push({ tag: r.tag, step: r.step, wallTime: r.wallTime, text });
  }
  return chunks(entries, MAX_TEXT_ENTRIES).map((batch) => ({ payload: { type: 'text', runId: run.id, entries: batch }, tag: batch[0].tag, plugin: 'text', count: batch.length }));
}

type Of<K extends LogdirRecord['kind']> = Extract<LogdirRecord, { kind: K }>;

/** Records of one kind, in file order. */
function group(records: readonly LogdirRecord[]): { [K in LogdirRecord['kind']]: Of<K>[] } {
  const out = {} as Record<string, LogdirRecord[]>;
  for (const r of records) (out[r.kind] ??= []).push(r);
  return out as unknown as { [K in LogdirRecord['kind']]: Of<K>[] };
}

/** The messages for `records`; run-level records and what is not shown go to `run` directly. */
export function recordPayloads(run: ImportedRun, records: readonly LogdirRecord[]): Outgoing[] {
  const runId = run.id;
  const by = group(records);
  const out: Outgoing[] = scalarMessages(runId, by.scalar ?? []);
  for (const histograms of chunks((by.histogram ?? []).map(({ kind: _kind, ...h }) => h), MAX_HISTOGRAMS_PER_BATCH)) {
    out.push({ payload: { type: 'histograms', runId, histograms }, tag: histograms[0].tag, plugin: 'histograms', count: histograms.length });
  }
  for (const curves of chunks((by['pr-curve'] ?? []).map(prCurve), MAX_CURVES_PER_BATCH)) {
    out.push({ payload: { type: 'pr-curves', runId, curves }, tag: curves[0].tag, plugin: 'pr_curves', count: curves.length });
  }
  const shown = (by.image ?? []).filter((r): r is ImageRecord & { contentType: NonNullable<ImageRecord['contentType']> } => r.contentType !== null);
  for (const r of by.image ?? []) if (r.contentType === null) run.notShown(r.tag, 'images', 'an image encoding browsers do not show (PNG, JPEG and GIF are shown)');
  for (const images of chunks(shown.map(image), MAX_IMAGES_PER_BATCH)) {
    out.push({ payload: { type: 'images', runId, images }, tag: images[0].tag, plugin: 'images', count: images.length });
  }
  for (const r of by['keras-model'] ?? []) {
    let graph;
    try {
      graph = kerasModelGraph(r.config as { class_name?: unknown; config?: unknown });
    } catch (err) {
      run.notShown(r.tag, 'graph_keras_model', `the model config could not be read: ${(err as Error).message}`);
      continue;
    }
    run.setModel(graph.name);
    out.push({ payload: { type: 'graph', runId, graph }, tag: r.tag, plugin: 'graph_keras_model', count: 1 });
  }
  for (const r of by.graph ?? []) {
    if (r.nodes.length === 0) run.notShown('graph_def', 'graph', 'the graph has no nodes');
    else out.push({ payload: { type: 'op-graph', runId, graph: { nodes: r.nodes } }, tag: 'graph_def', plugin: 'graph', count: 1 });
  }
  for (const r of by.hparams ?? []) run.addConfig(r.hparams);
  for (const r of by['hparams-experiment'] ?? []) run.setMetrics(r.metrics.map((m) => run.tags.shown(m.tag)));
  for (const r of by['hparams-end'] ?? []) run.failed = r.status === 'failure';
  out.push(...textMessages(run, by.text ?? []));
  for (const r of by.other ?? []) run.notShown(r.tag, r.plugin, r.reason);
  return out;
}
