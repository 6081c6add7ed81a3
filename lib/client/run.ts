import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import type { IngestReply, RunStartFields, RunStatus } from '../protocol/ingest-messages';
import type { Vocabulary } from '../kinds/embedding/vocabulary-schema';
import { INGEST_PATH, MAX_MESSAGE_BYTES, PROTOCOL_VERSION } from '../protocol/version';
import { MAX_POINTS_PER_BATCH } from '../kinds/scalar/meta';
import { ColumnBuilder } from '../kinds/scalar/schema';
import type { HistogramData } from '../kinds/histogram/meta';
import type { ModelGraph } from '../kinds/graph/meta';
import { embeddingChunks } from '../kinds/embedding/writer';
import type { EventValue } from '../kinds/event/meta';
import { encodeNumber } from '../protocol/wire-number';
import { Outbox } from './outbox';

export interface RunArgs {
  /** Dashboard URL, e.g. http://127.0.0.1:3000. */
  server: string;
  name: string;
  /** Defaults to a fresh random id. */
  id?: string;
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

/** Keeps each histograms message well under the size limit at the largest bucket count. */
const HISTOGRAMS_PER_MESSAGE = 50;

const RECONNECT_MIN_MS = 100;
const RECONNECT_MAX_MS = 5_000;

/** Keeps each scalars message well under the server's size limit. */
const POINTS_PER_MESSAGE = Math.min(MAX_POINTS_PER_BATCH, Math.floor(MAX_MESSAGE_BYTES / 100));

/**
 * The transport of one run: queues what the trainer logs, batches it, and streams it over one
 * WebSocket, reconnecting and resending until the server acknowledges. Logging never blocks training.
 */
export class Run {
  readonly id: string;
  private readonly outbox = new Outbox();
  private readonly start: RunStartFields;
  private readonly now: () => number;
  private readonly flushIntervalMs: number;
  private readonly onError: (message: string) => void;
  private readonly url: string;
  private batch = new ColumnBuilder();
  private flushTimer: NodeJS.Timeout | null = null;
  private socket: WebSocket | null = null;
  private connected = false;
  private closed = false;
  private retryMs = RECONNECT_MIN_MS;
  private retryTimer: NodeJS.Timeout | null = null;
  private drainWaiters: (() => void)[] = [];

  constructor(args: RunArgs) {
    this.now = args.nowFunc ?? Date.now;
    this.id = args.id ?? randomUUID();
    this.flushIntervalMs = args.flushIntervalMs ?? 20;
    this.onError = args.onError ?? ((m) => console.warn(`[tensorlens] ${m}`));
    this.url = ingestUrl(args.server);
    this.start = {
      id: this.id,
      name: args.name,
      model: args.model ?? '',
      backend: args.backend ?? '',
      config: args.config ?? {},
      startedAt: this.now(),
    };
    this.connect();
  }

  /** Logs Keras-style metrics at one step; tags are the metric names. */
  log(metrics: Record<string, number>, step: number): void {
    const wallTime = this.now();
    for (const [tag, value] of Object.entries(metrics)) this.batch.add(tag, step, wallTime, value);
    if (this.batch.size >= POINTS_PER_MESSAGE) this.flush();
    else this.flushTimer ??= setTimeout(() => this.flush(), this.flushIntervalMs);
  }

  /** Logs one histogram per tag at `step`, e.g. every layer's weights after an epoch. */
  logHistograms(histograms: Record<string, HistogramData>, step: number): void {
    const wallTime = this.now();
    const entries = Object.entries(histograms).map(([tag, h]) => ({ ...h, tag, step, wallTime }));
    for (let i = 0; i < entries.length; i += HISTOGRAMS_PER_MESSAGE) {
      this.enqueue({ type: 'histograms', runId: this.id, histograms: entries.slice(i, i + HISTOGRAMS_PER_MESSAGE) });
    }
  }

  /**
   * Logs one training event at `step` (a checkpoint saved, the learning rate reduced, …), shown as a
   * marker on the run's charts. Non-finite numbers in `data` travel as "NaN"/"Infinity" strings.
   */
  logEvent(event: { kind: string; reason: string; data?: Record<string, EventValue> }, step: number): void {
    const data: Record<string, EventValue> = {};
    for (const [key, value] of Object.entries(event.data ?? {})) data[key] = typeof value === 'number' ? encodeNumber(value) : value;
    this.enqueue({ type: 'events', runId: this.id, events: [{ step, wallTime: this.now(), kind: event.kind, reason: event.reason, data }] });
  }

  /**
   * Logs a rows x dim matrix (row-major), e.g. an Embedding layer's weights after an epoch, as
   * several messages of rows; the server stores each once and lists the snapshot when all arrived.
   */
  logEmbedding(tag: string, matrix: Float32Array, rows: number, dim: number, step: number, epoch?: number): void {
    for (const chunk of embeddingChunks(tag, matrix, rows, dim, step, epoch ?? null, this.now())) {
      this.enqueue({ type: 'embedding', runId: this.id, ...chunk });
    }
  }

  /** Logs the model's graph (see trainer/graph/extract-graph.ts), once per run; a second call replaces it. */
  logGraph(graph: ModelGraph): void {
    this.enqueue({ type: 'graph', runId: this.id, graph });
  }

  /**
   * Logs Markdown under `tag` at `step` (TensorBoard's text summaries), e.g. the reviews a model
   * gets wrong this epoch. Dashboards render it with raw HTML off; at most 65,536 characters.
   */
  logText(tag: string, step: number, markdown: string): void {
    this.enqueue({ type: 'text', runId: this.id, entries: [{ tag, step, wallTime: this.now(), text: markdown }] });
  }

  logVocabulary(vocabulary: Vocabulary): void {
    this.enqueue({ type: 'vocabulary', runId: this.id, vocabulary });
  }

  setStatus(status: RunStatus, error?: string): void {
    this.flush();
    this.enqueue({ type: 'run.status', runId: this.id, status, at: this.now(), ...(error ? { error } : {}) });
  }

  /** Marks the run ended and waits, up to `timeoutMs`, until the server has everything. */
  async finish(status: Exclude<RunStatus, 'running'> = 'finished', error?: string, timeoutMs = 15_000): Promise<boolean> {
    this.setStatus(status, error);
    const delivered = await this.drained(timeoutMs);
    this.close();
    return delivered;
  }

  /** Resolves true once every queued message is acknowledged, false on timeout. */
  drained(timeoutMs: number): Promise<boolean> {
    this.flush();
    if (this.outbox.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.drainWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  close(): void {
    this.closed = true;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.socket?.close();
  }

  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.batch.size > 0) this.enqueue({ type: 'scalars', runId: this.id, points: this.batch.take() });
  }

  private enqueue(payload: Parameters<Outbox['push']>[0]): void {
    this.outbox.push(payload);
    this.sendUnsent();
  }

  private sendUnsent(): void {
    if (!this.connected || !this.socket) return;
    for (const message of this.outbox.takeUnsent()) this.socket.send(JSON.stringify(message));
  }

  private connect(): void {
    if (this.closed) return;
    const socket = new WebSocket(this.url, { perMessageDeflate: false });
    this.socket = socket;
    socket.on('open', () => {
      this.connected = true;
      this.retryMs = RECONNECT_MIN_MS;
      // The run is announced on every connection: the server may have restarted on an empty file.
      socket.send(JSON.stringify({ v: PROTOCOL_VERSION, seq: 0, type: 'run.start', run: this.start }));
      this.outbox.rewind();
      this.sendUnsent();
    });
    socket.on('message', (data) => this.onReply(JSON.parse(data.toString()) as IngestReply));
    socket.on('close', () => this.onDisconnect());
    socket.on('error', () => undefined);
  }

  private onReply(reply: IngestReply): void {
    if (reply.type === 'error') {
      this.onError(`server refused message ${reply.seq ?? '?'}: [${reply.code}] ${reply.message}`);
    }
    if (reply.seq !== null && reply.seq > 0) this.outbox.settle(reply.seq);
    if (this.outbox.size === 0 && this.batch.size === 0) {
      const waiters = this.drainWaiters;
      this.drainWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  private onDisconnect(): void {
    this.connected = false;
    this.socket = null;
    if (this.closed) return;
    this.retryTimer = setTimeout(() => this.connect(), this.retryMs);
    this.retryMs = Math.min(RECONNECT_MAX_MS, this.retryMs * 2);
  }
}

export function ingestUrl(server: string): string {
  const url = new URL(server);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.pathname = INGEST_PATH;
  return url.toString();
}
