import { appendFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** A message as the outbox holds it: its JSON, ready to send, and what the delivery report names. */
export interface HeldMessage {
  seq: number;
  type: string;
  text: string;
}

interface Segment {
  path: string;
  count: number;
  bytes: number;
}

/**
 * The messages that did not fit in the outbox's memory, in files, oldest first. Written only while
 * the server is away or slower than the trainer, read back a segment at a time as room frees up,
 * and each segment deleted once read. One line per message: "seq type json" (JSON has no raw
 * newline). The files belong to this process; close() removes whatever is left.
 */
export class Journal {
  private readonly segments: Segment[] = [];
  private serial = 0;
  private created = false;
  count = 0;

  constructor(
    private readonly dir: string,
    private readonly name: string,
    private readonly segmentBytes: number,
  ) {}

  append(message: HeldMessage): void {
    let last = this.segments[this.segments.length - 1];
    if (!last || last.bytes >= this.segmentBytes) {
      if (!this.created) mkdirSync(this.dir, { recursive: true });
      this.created = true;
      last = { path: join(this.dir, `${this.name}-${++this.serial}.jsonl`), count: 0, bytes: 0 };
      this.segments.push(last);
    }
    const line = `${message.seq} ${message.type} ${message.text}\n`;
    appendFileSync(last.path, line);
    last.bytes += line.length;
    last.count++;
    this.count++;
  }

  /** The oldest segment's messages, removed from the journal; null when it is empty. */
  takeOldest(): HeldMessage[] | null {
    const segment = this.segments.shift();
    if (!segment) return null;
    const lines = readFileSync(segment.path, 'utf8').split('\n');
    rmSync(segment.path, { force: true });
    this.count -= segment.count;
    return lines.filter(Boolean).map((line) => {
      const first = line.indexOf(' ');
      const second = line.indexOf(' ', first + 1);
      return { seq: Number(line.slice(0, first)), type: line.slice(first + 1, second), text: line.slice(second + 1) };
    });
  }

  close(): void {
    for (const segment of this.segments.splice(0)) rmSync(segment.path, { force: true });
    this.count = 0;
  }
}
