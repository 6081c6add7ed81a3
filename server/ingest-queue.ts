import type { WebSocket } from 'ws';

/** How long ingest may hold the event loop before HTTP requests get their turn. */
const SLICE_MS = 8;

/** Messages one connection may have waiting before its socket stops being read, and when it resumes. */
const PAUSE_AT = 16;
const RESUME_AT = 4;

/**
 * Ingest work in arrival order, run a slice at a time. Storing a batch of points is synchronous
 * and takes tens of milliseconds; run back to back for eight trainers it kept the dashboard's
 * requests waiting for seconds. Between slices the event loop answers HTTP first. A connection
 * that sends faster than its messages are stored is paused rather than buffered without bound.
 */
export class IngestQueue {
  private jobs: (() => void)[] = [];
  private head = 0;
  private scheduled = false;
  private closed = false;
  private readonly waiting = new Map<WebSocket, number>();

  /** Queues `job`, a message of `socket`; messages of one socket run in the order they came. */
  push(socket: WebSocket, job: () => void): void {
    if (this.closed) return;
    const waiting = (this.waiting.get(socket) ?? 0) + 1;
    this.waiting.set(socket, waiting);
    if (waiting === PAUSE_AT) socket.pause();
    this.jobs.push(() => {
      const left = (this.waiting.get(socket) ?? 1) - 1;
      if (left > 0) this.waiting.set(socket, left);
      else this.waiting.delete(socket);
      if (left === RESUME_AT) socket.resume();
      job();
    });
    this.schedule();
  }

  /** Drops what has not run: unanswered, those messages are sent again by their clients. */
  close(): void {
    this.closed = true;
    this.jobs = [];
    this.head = 0;
    this.waiting.clear();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.run);
  }

  private readonly run = (): void => {
    this.scheduled = false;
    const end = performance.now() + SLICE_MS;
    while (this.head < this.jobs.length && !this.closed) {
      const job = this.jobs[this.head++];
      job();
      if (performance.now() >= end) break;
    }
    // Run jobs are dropped, so a queue that never empties does not keep their messages alive.
    this.jobs = this.jobs.slice(this.head);
    this.head = 0;
    if (this.jobs.length > 0) this.schedule();
  };
}
