import type { IngestPayload } from '../app-context';
import { PROTOCOL_VERSION } from '../protocol/version';
import { HeldMessage, Journal } from './journal';

export interface OutboxLimits {
  /** JSON held in memory, in bytes; the messages after that wait in the journal. */
  memoryBytes: number;
  /** JSON sent but not yet answered, in bytes; more waits for answers. */
  inFlightBytes: number;
  /** Where the journal's files go, and how they are named. */
  journalDir: string;
  journalName: string;
}

/**
 * Messages stay here from the moment they are queued until the server answers them, so that a
 * reconnect resends exactly what might not be stored. The server stores points idempotently,
 * so a resend of something it did store duplicates nothing. Memory is bounded: while the server
 * is away, the oldest messages stay in memory (they go first) and the newest wait in a journal
 * on disk, read back as answers make room. Each message is serialised once, when queued.
 */
export class Outbox {
  private nextSeq = 1;
  /** In seq order: everything in the journal is newer than everything here. */
  private readonly held = new Map<number, HeldMessage>();
  private heldBytes = 0;
  private unsent: number[] = [];
  private unsentHead = 0;
  private readonly inFlight = new Set<number>();
  private inFlightBytes = 0;
  private readonly journal: Journal;

  constructor(private readonly limits: OutboxLimits) {
    this.journal = new Journal(limits.journalDir, limits.journalName, Math.max(1, Math.floor(limits.memoryBytes / 4)));
  }

  push(payload: IngestPayload): void {
    const seq = this.nextSeq++;
    const message = { seq, type: payload.type, text: JSON.stringify({ ...payload, v: PROTOCOL_VERSION, seq }) };
    const full = this.held.size > 0 && this.heldBytes + message.text.length > this.limits.memoryBytes;
    if (this.journal.count > 0 || full) this.journal.append(message);
    else this.hold(message);
  }

  /** The next message to send, in order, or null when none waits or the window is full. */
  next(): HeldMessage | null {
    if (this.inFlightBytes >= this.limits.inFlightBytes) return null;
    while (this.unsentHead < this.unsent.length) {
      const message = this.held.get(this.unsent[this.unsentHead++]);
      if (!message) continue;
      this.inFlight.add(message.seq);
      this.inFlightBytes += message.text.length;
      return message;
    }
    this.unsent = [];
    this.unsentHead = 0;
    return null;
  }

  /** After a reconnect every unanswered message goes out again, oldest first. */
  rewind(): void {
    this.unsent = [...this.held.keys()];
    this.unsentHead = 0;
    this.inFlight.clear();
    this.inFlightBytes = 0;
  }

  /** The server answered `seq`: it is stored or refused for good. */
  settle(seq: number): HeldMessage | undefined {
    const message = this.held.get(seq);
    if (!message) return undefined;
    this.held.delete(seq);
    this.heldBytes -= message.text.length;
    if (this.inFlight.delete(seq)) this.inFlightBytes -= message.text.length;
    this.refill();
    return message;
  }

  /** Unanswered messages, in memory and in the journal. */
  get size(): number {
    return this.held.size + this.journal.count;
  }

  /** JSON bytes held in memory: what `memoryBytes` bounds. */
  get bytesInMemory(): number {
    return this.heldBytes;
  }

  get journaled(): number {
    return this.journal.count;
  }

  close(): void {
    this.journal.close();
  }

  private hold(message: HeldMessage): void {
    this.held.set(message.seq, message);
    this.heldBytes += message.text.length;
    this.unsent.push(message.seq);
  }

  /** A journal segment is a quarter of the memory bound, so one is read back once a quarter is free. */
  private refill(): void {
    while (this.journal.count > 0 && this.heldBytes <= (this.limits.memoryBytes * 3) / 4) {
      for (const message of this.journal.takeOldest() ?? []) this.hold(message);
    }
  }
}
