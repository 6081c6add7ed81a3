import WebSocket from 'ws';
import type { IngestPayload } from '../app-context';
import type { IngestReply, RunStartFields } from '../protocol/ingest-messages';
import { INGEST_PATH, PROTOCOL_VERSION } from '../protocol/version';
import { DeliveryReport, Refusal, isTransient } from './delivery';
import { Outbox, OutboxLimits } from './outbox';

const RETRY_MIN_MS = 100;
const RETRY_MAX_MS = 5_000;

export interface TransportArgs {
  server: string;
  start: RunStartFields;
  /** The run's secret, sent with its start so that only this client may resume it. */
  secret: string;
  /** The server's ingest token, when it wants one. */
  token?: string;
  outbox: OutboxLimits;
  onError: (message: string) => void;
}

/**
 * One run's WebSocket: announces the run on every connection, streams the outbox, and keeps every
 * message until the server either stores it or refuses it for good. A transient refusal pauses
 * sending and, after a backoff, sends everything unconfirmed again, as a reconnect would.
 */
export class Transport {
  private readonly outbox: Outbox;
  private readonly url: string;
  private readonly refused: Refusal[] = [];
  /** The run.start was stored, or refused for good; until then the run itself is unconfirmed. */
  private startAnswered = false;
  private startRefused = false;
  private socket: WebSocket | null = null;
  /** Open and not pausing after a transient refusal. */
  private ready = false;
  private closed = false;
  private retryMs = RETRY_MIN_MS;
  private retryTimer: NodeJS.Timeout | null = null;
  private drainWaiters: (() => void)[] = [];
  /** The last HTTP status that refused the connection, said once rather than at every retry. */
  private refusedWith: number | null = null;
  /** The server deleted the run: nothing more is sent, and what was unsent is dropped. */
  private deleted = false;

  constructor(private readonly args: TransportArgs) {
    this.url = ingestUrl(args.server);
    this.outbox = new Outbox(args.outbox);
    this.connect();
  }

  send(payload: IngestPayload): void {
    if (this.deleted) return;
    this.outbox.push(payload);
    this.sendUnsent();
  }

  /** Resolves true once no message, the run's own start included, waits for an answer; false on timeout. */
  drained(timeoutMs: number): Promise<boolean> {
    if (this.unanswered() === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.drainWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  /** What the outbox holds now: messages unanswered, bytes in memory, messages in the journal. */
  held(): { messages: number; bytesInMemory: number; journaled: number } {
    return { messages: this.outbox.size, bytesInMemory: this.outbox.bytesInMemory, journaled: this.outbox.journaled };
  }

  report(): DeliveryReport {
    const unconfirmed = this.unanswered();
    return { delivered: unconfirmed === 0 && this.refused.length === 0, refused: [...this.refused], unconfirmed };
  }

  close(): void {
    this.closed = true;
    this.ready = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.socket?.close();
    this.outbox.close();
  }

  private unanswered(): number {
    if (this.deleted) return 0;
    return this.outbox.size + (this.startAnswered ? 0 : 1);
  }

  private sendUnsent(): void {
    if (!this.ready || !this.socket) return;
    for (let message = this.outbox.next(); message; message = this.outbox.next()) this.socket.send(message.text);
  }

  private connect(): void {
    if (this.closed) return;
    const headers = this.args.token ? { Authorization: `Bearer ${this.args.token}` } : undefined;
    const socket = new WebSocket(this.url, { perMessageDeflate: false, headers });
    this.socket = socket;
    socket.on('open', () => {
      this.retryMs = RETRY_MIN_MS;
      this.refusedWith = null;
      this.announce();
    });
    socket.on('unexpected-response', (_, res) => {
      if (res.statusCode !== this.refusedWith) {
        this.refusedWith = res.statusCode ?? null;
        const hint = res.statusCode === 401 ? ': set TENSORLENS_TOKEN to the token the server printed' : '';
        this.args.onError(`server refused the connection with HTTP ${res.statusCode}${hint}; retrying`);
      }
      // Closes the socket, and onDisconnect tries again later.
      socket.terminate();
    });
    socket.on('message', (data) => this.onReply(JSON.parse(data.toString()) as IngestReply));
    socket.on('close', () => this.onDisconnect());
    socket.on('error', () => undefined);
  }

  /** The run goes first on every connection and after every pause: the server may have lost it. */
  private announce(): void {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) return;
    this.socket.send(JSON.stringify({ v: PROTOCOL_VERSION, seq: 0, type: 'run.start', run: this.args.start, secret: this.args.secret }));
    this.ready = true;
    this.outbox.rewind();
    this.sendUnsent();
  }

  private onReply(reply: IngestReply): void {
    if (reply.type === 'error' && reply.code === 'run_deleted') {
      this.stopDeleted(reply.seq, reply.message);
    } else if (reply.type === 'ack') {
      if (reply.seq === 0) this.startAnswered = true;
      else {
        this.outbox.settle(reply.seq);
        this.retryMs = RETRY_MIN_MS;
      }
    } else if (isTransient(reply.code) && !(reply.code === 'unknown_run' && this.startRefused)) {
      this.retryLater(reply.message);
    } else {
      const settled = reply.seq === null ? undefined : this.outbox.settle(reply.seq);
      if (reply.seq === 0) this.startRefused = this.startAnswered = true;
      this.refused.push({ seq: reply.seq, type: settled?.type ?? (reply.seq === 0 ? 'run.start' : 'unknown'), code: reply.code, message: reply.message });
      this.args.onError(`server refused message ${reply.seq ?? '?'}: [${reply.code}] ${reply.message}`);
    }
    this.sendUnsent();
    if (this.unanswered() === 0) {
      const waiters = this.drainWaiters;
      this.drainWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  /**
   * A deleted run takes no writes, now or after any reconnect: say so once, drop what is unsent,
   * and stop, rather than retry for ever or start the run again.
   */
  private stopDeleted(seq: number | null, message: string): void {
    if (this.deleted) return;
    const dropped = this.outbox.size;
    this.deleted = this.startAnswered = this.startRefused = true;
    this.refused.push({ seq, type: seq === 0 ? 'run.start' : 'unknown', code: 'run_deleted', message });
    this.args.onError(`server refused the run for good: ${message}; dropped ${dropped} unsent message${dropped === 1 ? '' : 's'} and stopped sending`);
    this.close();
  }

  private retryLater(reason: string): void {
    if (!this.ready) return;
    this.ready = false;
    this.args.onError(`server could not store a message (${reason}); sending everything unconfirmed again in ${this.retryMs} ms`);
    this.retryTimer = setTimeout(() => this.announce(), this.retryMs);
    this.retryMs = Math.min(RETRY_MAX_MS, this.retryMs * 2);
  }

  private onDisconnect(): void {
    this.ready = false;
    this.socket = null;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.closed) return;
    this.retryTimer = setTimeout(() => this.connect(), this.retryMs);
    this.retryMs = Math.min(RETRY_MAX_MS, this.retryMs * 2);
  }
}

export function ingestUrl(server: string): string {
  const url = new URL(server);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.pathname = INGEST_PATH;
  return url.toString();
}
