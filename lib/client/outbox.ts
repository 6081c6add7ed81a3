import type { IngestPayload } from '../app-context';
import { PROTOCOL_VERSION } from '../protocol/version';

export type Outgoing = IngestPayload & { v: typeof PROTOCOL_VERSION; seq: number };

/**
 * Messages stay here from the moment they are queued until the server acknowledges them,
 * so that a reconnect resends exactly what might not be stored. The server stores points
 * idempotently, so a resend of something it did store duplicates nothing.
 */
export class Outbox {
  private nextSeq = 1;
  private readonly unacked = new Map<number, Outgoing>();
  private readonly unsent: number[] = [];

  push(payload: IngestPayload): Outgoing {
    const message = { ...payload, v: PROTOCOL_VERSION, seq: this.nextSeq++ } as Outgoing;
    this.unacked.set(message.seq, message);
    this.unsent.push(message.seq);
    return message;
  }

  /** Messages to send now, in order; each is handed out once per connection. */
  takeUnsent(): Outgoing[] {
    const out = this.unsent.flatMap((seq) => this.unacked.get(seq) ?? []);
    this.unsent.length = 0;
    return out;
  }

  /** After a reconnect every unacknowledged message goes out again, oldest first. */
  rewind(): void {
    this.unsent.length = 0;
    this.unsent.push(...[...this.unacked.keys()].sort((a, b) => a - b));
  }

  settle(seq: number): Outgoing | undefined {
    const message = this.unacked.get(seq);
    this.unacked.delete(seq);
    return message;
  }

  get size(): number {
    return this.unacked.size;
  }
}
