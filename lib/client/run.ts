import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { ReportedStatus, RunStartFields } from '../protocol/ingest-messages';
import type { Vocabulary } from '../kinds/embedding/vocabulary-schema';
import { MAX_MESSAGE_BYTES } from '../protocol/version';
import { MAX_POINTS_PER_BATCH } from '../kinds/scalar/meta';
import { ColumnBuilder } from '../kinds/scalar/schema';
import type { HistogramData } from '../kinds/histogram/meta';
import type { ModelGraph } from '../kinds/graph/meta';
import { embeddingChunks } from '../kinds/embedding/writer';
import { vocabularySlices } from '../kinds/embedding/vocabulary-slices';
import type { EventValue } from '../kinds/event/meta';
import type { SweepDefinition, SweepTrial } from '../kinds/sweep/meta';
import { encodeNumber } from '../protocol/wire-number';
import type { DeliveryReport } from './delivery';
import { Transport } from './transport';

export interface RunArgs {
  /** Dashboard URL, e.g. http://127.0.0.1:3000. */
  server: string;
  name: string;
  /** Defaults to a fresh random id. */
  id?: string;
  /**
   * Proves the run is this client's: the server refuses to let anyone else restart or reopen it.
   * Defaults to a fresh random one; pass an earlier run's `secret` with its `id` to resume it.
   */
  secret?: string;
  /** The server's ingest token; default TENSORLENS_TOKEN. Needed when the server listens beyond loopback. */
  token?: string;
  /** Memory the unsent messages may take, in bytes (default 16 MiB); the rest wait on disk in `journalDir`. */
  maxOutboxBytes?: number;
  /** Where messages wait while the server is away and memory is full; default logs/outbox. */
  journalDir?: string;
  model?: string;
  backend?: string;
  config?: Record<string, unknown>;
  /** How long points wait to be batched before they are sent. Default 20 ms: short enough for a live chart. */
  flushIntervalMs?: number;
  /** Where errors the server reports go. Default: console.warn. */
  onError?: (message: string) => void;
  /** Used for test DI mocking. */
  nowFunc?: () => number;
}

const DEFAULT_OUTBOX_BYTES = 16 * 1024 * 1024;

/** Enough messages in flight to keep the server busy, few enough that a slow one does not pile them up. */
const IN_FLIGHT_BYTES = 4 * 1024 * 1024;

/** Keeps each histograms message well under the size limit at the largest bucket count. */
const HISTOGRAMS_PER_MESSAGE = 50;

/**
 * Points per scalars message: well under the server's limits, and small enough that storing one
 * (the server stores a message in one go) keeps the dashboard's requests waiting only briefly.
 */
const POINTS_PER_MESSAGE = Math.min(2_500, MAX_POINTS_PER_BATCH, Math.floor(MAX_MESSAGE_BYTES / 100));

/**
 * One run as a trainer sees it: what it logs is batched and handed to the run's Transport, which
 * streams it and resends until the server answers. Logging never blocks training.
 */
export class Run {
  readonly id: string;
  readonly secret: string;
  private readonly transport: Transport;
  private readonly now: () => number;
  private readonly flushIntervalMs: number;
  private batch = new ColumnBuilder();
  private flushTimer: NodeJS.Timeout | null = null;

  constructor(args: RunArgs) {
    this.now = args.nowFunc ?? Date.now;
    this.id = args.id ?? randomUUID();
    this.secret = args.secret ?? randomBytes(24).toString('base64url');
    this.flushIntervalMs = args.flushIntervalMs ?? 20;
    const start: RunStartFields = {
      id: this.id,
      name: args.name,
      model: args.model ?? '',
      backend: args.backend ?? '',
      config: args.config ?? {},
      startedAt: this.now(),
    };
    this.transport = new Transport({
      server: args.server,
      start,
      secret: this.secret,
      token: args.token ?? (process.env.TENSORLENS_TOKEN || undefined),
      outbox: {
        memoryBytes: args.maxOutboxBytes ?? DEFAULT_OUTBOX_BYTES,
        inFlightBytes: IN_FLIGHT_BYTES,
        journalDir: args.journalDir ?? join(process.cwd(), 'logs', 'outbox'),
        journalName: `${this.id}-${process.pid}`,
      },
      onError: args.onError ?? ((m) => console.warn(`[tensorlens] ${m}`)),
    });
  }

  /** Logs Keras-style metrics at one step; tags are the metric names. */
  log(metrics: Record<string, number>, step: number): void {
    const wallTime = this.now();
    // Full batches go at once, checked point by point: a step's metrics may straddle the limit.
    for (const [tag, value] of Object.entries(metrics)) {
      if (this.batch.size >= POINTS_PER_MESSAGE) this.flush();
      this.batch.add(tag, step, wallTime, value);
    }
    this.flushTimer ??= setTimeout(() => this.flush(), this.flushIntervalMs);
  }

  /** Logs one histogram per tag at `step`, e.g. every layer's weights after an epoch. */
  logHistograms(histograms: Record<string, HistogramData>, step: number): void {
    const wallTime = this.now();
    const entries = Object.entries(histograms).map(([tag, h]) => ({ ...h, tag, step, wallTime }));
    for (let i = 0; i < entries.length; i += HISTOGRAMS_PER_MESSAGE) {
      this.transport.send({ type: 'histograms', runId: this.id, histograms: entries.slice(i, i + HISTOGRAMS_PER_MESSAGE) });
    }
  }

  /**
   * Logs one training event at `step` (a checkpoint saved, the learning rate reduced, …), shown as a
   * marker on the run's charts. Non-finite numbers in `data` travel as "NaN"/"Infinity" strings.
   */
  logEvent(event: { kind: string; reason: string; data?: Record<string, EventValue> }, step: number): void {
    const data: Record<string, EventValue> = {};
    for (const [key, value] of Object.entries(event.data ?? {})) data[key] = typeof value === 'number' ? encodeNumber(value) : value;
    this.transport.send({ type: 'events', runId: this.id, events: [{ step, wallTime: this.now(), kind: event.kind, reason: event.reason, data }] });
  }

  /**
   * Logs a rows x dim matrix (row-major), e.g. an Embedding layer's weights after an epoch, as
   * several messages of rows; the server stores each once and lists the snapshot when all arrived.
   */
  logEmbedding(tag: string, matrix: Float32Array, rows: number, dim: number, step: number, epoch?: number): void {
    for (const chunk of embeddingChunks(tag, matrix, rows, dim, step, epoch ?? null, this.now())) {
      this.transport.send({ type: 'embedding', runId: this.id, ...chunk });
    }
  }

  /** Logs the model's graph (see trainer/graph/extract-graph.ts), once per run; a second call replaces it. */
  logGraph(graph: ModelGraph): void {
    this.transport.send({ type: 'graph', runId: this.id, graph });
  }

  /**
   * Logs Markdown under `tag` at `step` (TensorBoard's text summaries), e.g. the reviews a model
   * gets wrong this epoch. Dashboards render it with raw HTML off; at most 65,536 characters.
   */
  logText(tag: string, step: number, markdown: string): void {
    this.transport.send({ type: 'text', runId: this.id, entries: [{ tag, step, wallTime: this.now(), text: markdown }] });
  }

  /** Declares this run a sweep (see lib/kinds/sweep): what it searches and how. */
  logSweep(definition: SweepDefinition): void {
    this.transport.send({ type: 'sweep', runId: this.id, definition });
  }

  /** Reports sweep trials; each replaces the stored report of its trial number. */
  logSweepTrials(trials: readonly SweepTrial[]): void {
    const wire = trials.map((t) => ({ ...t, value: t.value === null ? null : encodeNumber(t.value), curve: t.curve.map(encodeNumber) }));
    this.transport.send({ type: 'sweep.trials', runId: this.id, trials: wire });
  }

  /** A vocabulary too large for one message (a whole IMDB one) goes as consecutive slices. */
  logVocabulary(vocabulary: Vocabulary): void {
    for (const slice of vocabularySlices(vocabulary)) this.transport.send({ type: 'vocabulary', runId: this.id, vocabulary: slice });
  }

  setStatus(status: ReportedStatus, error?: string): void {
    this.flush();
    this.transport.send({ type: 'run.status', runId: this.id, status, at: this.now(), secret: this.secret, ...(error ? { error } : {}) });
  }

  /**
   * Marks the run ended and waits, up to `timeoutMs`, until the server has everything. False when
   * anything was refused or is still unconfirmed; `delivery()` says which.
   */
  async finish(status: Exclude<ReportedStatus, 'running'> = 'finished', error?: string, timeoutMs = 15_000): Promise<boolean> {
    this.setStatus(status, error);
    await this.drained(timeoutMs);
    this.close();
    return this.delivery().delivered;
  }

  /** Resolves true once every queued message is answered (stored or refused for good), false on timeout. */
  drained(timeoutMs: number): Promise<boolean> {
    this.flush();
    return this.transport.drained(timeoutMs);
  }

  /** What waits for the server now: messages, the bytes of those in memory, and those in the journal. */
  held(): ReturnType<Transport['held']> {
    return this.transport.held();
  }

  /** What the server refused and what it has not confirmed yet. */
  delivery(): DeliveryReport {
    return this.transport.report();
  }

  close(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.transport.close();
  }

  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.batch.size > 0) this.transport.send({ type: 'scalars', runId: this.id, points: this.batch.take() });
  }
}
